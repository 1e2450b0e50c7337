"""`python -m tmtool` runs the same CLI as the `tmtool` script."""
from __future__ import annotations

from tmtool.cli import main

if __name__ == "__main__":
    main()
