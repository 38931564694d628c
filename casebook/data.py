"""Find the data, load it once, and hand out validated tables.

The tables ship with the casebook: in a checkout they live in ``data/`` at the repository root,
in an installed wheel in ``casebook/data``. They are found from this file's location, never from
the current working directory. A teacher can point the casebook at another copy of the data with
``load(data_dir=...)`` or the ``CASEBOOK_DATA`` environment variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from casebook.errors import DataError, Problem
from casebook.validate import BOOKLET_PAGES, SCHEMA_FILE, read_package, read_schema

__all__ = [
    "BOOKLET_PAGES",
    "Casebook",
    "ENV_VAR",
    "TABLES",
    "load",
    "package_data_dir",
    "resolve_data_dir",
    "schema",
]

ENV_VAR = "CASEBOOK_DATA"


def package_data_dir() -> Path:
    """The data shipped with the casebook (wheel: ``casebook/data``; checkout: ``data/``)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / SCHEMA_FILE).is_file():
            return candidate
    raise DataError(
        [
            Problem(
                SCHEMA_FILE, None, None, "the casebook's own data is missing from the installation"
            )
        ],
        str(here),
    )


@cache
def schema() -> dict[str, Any]:
    """The casebook's data package descriptor: the contract every data directory must meet."""
    return read_schema(package_data_dir() / SCHEMA_FILE)


@dataclass(frozen=True, eq=False)
class Casebook:
    """All tables of the casebook, validated. Treat the DataFrames as read-only: they are shared."""

    data_dir: Path
    cases: pd.DataFrame
    areas: pd.DataFrame
    indicator_definitions: pd.DataFrame
    indicators: pd.DataFrame
    organisation: pd.DataFrame
    partners: pd.DataFrame
    bodies: pd.DataFrame
    evaluations: pd.DataFrame
    evaluation_figures: pd.DataFrame
    evaluation_findings: pd.DataFrame
    timeline: pd.DataFrame
    tensions: pd.DataFrame
    logics: pd.DataFrame
    lessons: pd.DataFrame
    lesson_references: pd.DataFrame
    main_lines: pd.DataFrame
    reflections: pd.DataFrame
    voices: pd.DataFrame
    voice_claims: pd.DataFrame
    authors: pd.DataFrame
    sections: pd.DataFrame
    highlights: pd.DataFrame
    logic_positions: pd.DataFrame
    tension_evidence: pd.DataFrame
    lesson_logics: pd.DataFrame
    lesson_tensions: pd.DataFrame
    case_texts: pd.DataFrame
    conditions: pd.DataFrame
    condition_readings: pd.DataFrame

    def table(self, name: str) -> pd.DataFrame:
        """Return the table called ``name``; the valid names are listed in :data:`TABLES`."""
        if name not in TABLES:
            raise KeyError(f"'{name}' is not a casebook table; choose one of {', '.join(TABLES)}")
        return getattr(self, name)


TABLES: tuple[str, ...] = tuple(f.name for f in fields(Casebook) if f.name != "data_dir")

_CACHE: dict[Path, tuple[tuple[Any, ...], Casebook]] = {}


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
    tables = read_package(path, schema())
    book = Casebook(data_dir=path, **tables)
    _CACHE[path] = (stamp, book)
    return book
