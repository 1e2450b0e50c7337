"""A real PostgreSQL 15 server for the tests (and `benchmarks/tm_lookup.py`): `initdb` into a
temporary folder, listening only on a unix socket in another one, stopped at the end.

As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root), so both
folders are made directly under /tmp and handed to that user. Tests get a fresh database per
test from `pg_url`; the whole module skips (fails under CI) when `initdb` is missing.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.components import require

PORT = 54329
_INSTALL = "apt-get install postgresql-15 (and pip install 'psycopg[binary]')"


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None


def server_available() -> bool:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return _tool("initdb") is not None and _tool("pg_ctl") is not None


@dataclass
class Server:
    data_dir: Path
    socket_dir: Path
    as_user: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql:///{database}?host={self.socket_dir}&port={PORT}&user=postgres"

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(_tool("pg_ctl")), "-D", str(self.data_dir), "-m",
                        "fast", "-w", "stop"], capture_output=True, check=False)
        shutil.rmtree(self.data_dir, ignore_errors=True)
        shutil.rmtree(self.socket_dir, ignore_errors=True)


def start_server(*, durable: bool = False) -> Server:
    """initdb + pg_ctl start on a private socket; raises CalledProcessError on failure.
    Tests run without fsync (`durable=False`); a benchmark keeps the server's defaults."""
    as_user: list[str] = []
    data_dir = Path(tempfile.mkdtemp(prefix="tmtool-pgdata-"))
    socket_dir = Path(tempfile.mkdtemp(prefix="tmtool-pgsock-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        for folder in (data_dir, socket_dir):
            os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    server = Server(data_dir, socket_dir, as_user)
    subprocess.run([*as_user, str(_tool("initdb")), "-D", str(data_dir), "-A", "trust", "-E",
                    "UTF8", "--locale=C.UTF-8", "-U", "postgres"],
                   check=True, capture_output=True)
    options = f"-k {socket_dir} -c listen_addresses='' -p {PORT}" + ("" if durable else " -c fsync=off")
    subprocess.run([*as_user, str(_tool("pg_ctl")), "-D", str(data_dir), "-o", options, "-w",
                    "-l", str(data_dir / "server.log"), "start"], check=True, capture_output=True)
    return server


def create_database(server: Server, name: str) -> str:
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)


def drop_database(server: Server, name: str) -> None:
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    require("PostgreSQL 15 (initdb, pg_ctl) and psycopg", server_available(), _INSTALL)
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


_NUMBERS = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: Server) -> Iterator[str]:
    """A URL of a fresh, empty database, dropped after the test."""
    name = f"tmtool_test_{os.getpid()}_{next(_NUMBERS)}"
    url = create_database(pg_server, name)
    try:
        yield url
    finally:
        with contextlib.suppress(Exception):
            drop_database(pg_server, name)
