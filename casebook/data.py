"""Find the data, load it once, and hand out validated tables.

The tables ship with the casebook: in a checkout they live in ``data/`` at the repository root,
in an installed wheel in ``casebook/data``. They are found from this file's location, never from
the current working directory. A teacher can point the casebook at another copy of the data with
``load(data_dir=...)`` or the ``CASEBOOK_DATA`` environment variable.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import make_dataclass
from pathlib import Path
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import pandas as pd

from casebook.errors import DataError, Problem
from casebook.schema import (
    BOOKLET_PAGES,
    SCHEMA_FILE,
    TABLES,
    description,
    descriptor,
    package_data_dir,
)
from casebook.validate import read_package

__all__ = [
    "BOOKLET_PAGES",
    "Casebook",
    "ENV_VAR",
    "TABLES",
    "Recent",
    "load",
    "package_data_dir",
    "per_book",
    "resolve_data_dir",
]

ENV_VAR = "CASEBOOK_DATA"


def _table(self: Any, name: str) -> pd.DataFrame:
    """Return the table called ``name``; the valid names are listed in :data:`TABLES`."""
    if name not in TABLES:
        raise KeyError(f"'{name}' is not a casebook table; choose one of {', '.join(TABLES)}")
    return getattr(self, name)


# One field per table of the data package, so that a new table needs no new code here.
Casebook = make_dataclass(
    "Casebook",
    [("data_dir", Path), *((name, pd.DataFrame) for name in TABLES)],
    frozen=True,
    eq=False,
    namespace={"table": _table},
)
Casebook.__module__ = __name__
Casebook.__doc__ = (
    "All tables of the casebook, validated, one attribute per table (``book.cases``, ...). "
    "Treat the DataFrames as read-only: they are shared.\n\n"
    + "\n".join(f"- ``{name}``: {description(name)}" for name in TABLES)
)


T = TypeVar("T")

_CACHE: dict[Path, tuple[tuple[Any, ...], Casebook]] = {}

# What the pure functions derive from a book and keep for it (:func:`per_book`): a book's
# tables never change, so what is built from them once holds for as long as the book lives.
_DERIVED: WeakKeyDictionary[Any, dict[Hashable, Any]] = WeakKeyDictionary()


def per_book(book: Casebook, key: Hashable, make: Callable[[], T]) -> T:
    """What ``make()`` builds from ``book``, built once per book and ``key`` and then kept
    for as long as the book lives (a reloaded folder is a new book). For the pure functions'
    look-ups and tables that every control change of a page would otherwise rebuild; a
    caller that hands out a kept DataFrame or dict hands out a copy, so that nobody changes
    the kept one."""
    kept = _DERIVED.setdefault(book, {})
    try:
        return kept[key]
    except KeyError:
        value = kept[key] = make()
        return value


class Recent:
    """The last ``size`` values built for hashable keys (least recently used goes first),
    safe to use from several threads: what a page shows for a state of its controls, which
    every reader who opens the page sees first (see :meth:`casebook.views.base.View.remember`)."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for ``key``, else ``make()``'s (kept). ``make`` runs outside the lock:
        two threads may build the same value once each, and the last one is kept."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = make()
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._kept)


def resolve_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder to read: ``data_dir``, else ``$CASEBOOK_DATA``, else the shipped data."""
    if data_dir is None:
        data_dir = os.environ.get(ENV_VAR) or None
    if data_dir is None:
        return package_data_dir()
    path = Path(data_dir).expanduser().resolve()
    if not path.is_dir():
        raise DataError([Problem(str(path), None, None, "this data folder does not exist")])
    return path


def _fingerprint(path: Path) -> tuple[Any, ...]:
    """Size and modification time of every file: a changed file means a fresh load."""
    stamps = []
    for name in (SCHEMA_FILE, *(f"{t}.csv" for t in TABLES)):
        try:
            st = (path / name).stat()
            stamps.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            stamps.append(None)
    return tuple(stamps)


def load(data_dir: str | os.PathLike[str] | None = None) -> Casebook:
    """Load and validate all tables of the casebook.

    Parameters
    ----------
    data_dir
        Folder with the CSV tables. ``None`` uses ``$CASEBOOK_DATA`` when set, else the data
        that ships with the casebook.

    Returns
    -------
    Casebook
        The validated tables. The result is cached per folder and reloaded only when a file in
        it changes.

    Raises
    ------
    DataError
        When a file is missing or broken; the error lists every problem with file, row and
        column.
    """
    path = resolve_data_dir(data_dir)
    stamp = _fingerprint(path)
    hit = _CACHE.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    tables = read_package(path, descriptor())
    book = Casebook(data_dir=path, **tables)
    _CACHE[path] = (stamp, book)
    return book
