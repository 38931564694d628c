"""Re-execute notebooks in place so that their saved outputs match the library and the data.

Usage: python tools/execute_notebooks.py notebooks/*.ipynb

Outputs are what nbval compares in `make test`. Saved widget state is removed (it bloats the
files and nbval skips widget views anyway). Each notebook is written to a temporary file first
and then moved over the old one, so a failed run never leaves a half-written notebook behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    fd, tmp = tempfile.mkstemp(suffix=".ipynb", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        nbformat.write(nb, fh)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    print(f"executed {path}")


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    for name in paths:
        execute(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
