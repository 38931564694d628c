"""One loader per table, for readers who want a single DataFrame (``casebook.load_cases()``).

Each loader calls :func:`casebook.load` (cached) and returns one of its tables. The loaders are
made from the data package, one per table, and their docstrings come from the table
descriptions, so they always say what a row represents.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pandas as pd

from casebook.data import load
from casebook.schema import TABLES, description

Loader = Callable[..., pd.DataFrame]


def _loader(name: str) -> Loader:
    def loader(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
        return load(data_dir).table(name)

    loader.__name__ = loader.__qualname__ = f"load_{name}"
    loader.__module__ = __name__
    loader.__doc__ = (
        f"{description(name)}\n\n"
        "Parameters\n----------\ndata_dir\n"
        "    Folder with the tables; see :func:`casebook.load`.\n\n"
        "Returns\n-------\npandas.DataFrame\n"
        f"    The validated '{name}' table (shared: do not modify).\n"
    )
    return loader


globals().update({f"load_{name}": _loader(name) for name in TABLES})
__all__ = sorted(f"load_{name}" for name in TABLES)
