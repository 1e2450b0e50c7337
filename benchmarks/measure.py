"""Running `tmtool` in a fresh process that reports its own wall time, peak memory and CPU.

The child runs the CLI in-process and, at exit, writes its seconds, its peak resident memory
(VmHWM of /proc/self/status: this process image only; `ru_maxrss` would also count the parent's
memory at the fork before exec) and the CPU seconds of itself and of its reaped children.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import atexit, json, os, resource, sys, time
start = time.perf_counter()
def peak_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def report():
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(os.environ["BENCH_REPORT"], "w") as out:
        json.dump({"seconds": time.perf_counter() - start, "peak_mib": peak_mib(),
                   "cpu_self": me.ru_utime + me.ru_stime, "cpu_children": kids.ru_utime + kids.ru_stime}, out)
atexit.register(report)
from tmtool.cli import main
sys.argv = ["tmtool", *sys.argv[1:]]
main()
"""


def run_tmtool(args: list[str], *, code_root: Path, cwd: Path) -> dict[str, float]:
    """Run `tmtool ARGS` with the package found in `code_root`; its measurements."""
    with tempfile.TemporaryDirectory() as temp:
        report = Path(temp) / "report.json"
        env = {**os.environ, "PYTHONPATH": str(code_root), "BENCH_REPORT": str(report),
               "PYTHONDONTWRITEBYTECODE": "1"}
        subprocess.run([sys.executable, "-c", CHILD, *args], check=True, env=env, cwd=cwd)
        return dict(json.loads(report.read_text(encoding="utf-8")))
