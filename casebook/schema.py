"""The one registry of the casebook's data: which tables there are, their fields and their
enumerations, all read from the shipped ``datapackage.json``.

Code asks this module instead of typing a table name or an enumeration out again: the
:class:`~casebook.data.Casebook` fields, the ``load_<table>()`` loaders, their docstrings and
the enumerations the views offer (theme groups, indicator groups, organisation facts, ...) all
follow from the descriptor. The descriptor is found beside the package (wheel:
``casebook/data``; checkout: ``data/``), never from the working directory.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from casebook.errors import DataError, Problem

__all__ = [
    "BOOKLET_DATE",
    "BOOKLET_PAGES",
    "SCHEMA_FILE",
    "TABLES",
    "description",
    "descriptor",
    "enum",
    "package_data_dir",
    "read_schema",
    "resource",
]

SCHEMA_FILE = "datapackage.json"


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


def read_schema(path: Path) -> dict[str, Any]:
    """Read a data package descriptor; a broken one raises :class:`DataError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(path.name, None, None, "is missing")], str(path.parent)) from None
    except UnicodeDecodeError as err:
        raise DataError(
            [Problem(path.name, None, None, f"is not UTF-8 text ({err.reason})")], str(path.parent)
        ) from None
    try:
        found = json.loads(text)
    except json.JSONDecodeError as err:
        problem = Problem(
            path.name, err.lineno, None, f"is not valid JSON ({err.msg}, column {err.colno})"
        )
        raise DataError([problem], str(path.parent)) from None
    if not isinstance(found, dict) or not isinstance(found.get("resources"), list):
        problem = Problem(path.name, None, None, "has no list of 'resources'")
        raise DataError([problem], str(path.parent))
    return found


@cache
def descriptor() -> dict[str, Any]:
    """The casebook's data package descriptor: the contract every data directory must meet."""
    return read_schema(package_data_dir() / SCHEMA_FILE)


def resource(table: str) -> dict[str, Any]:
    """The descriptor of one table; a name that is not a table raises a KeyError naming them."""
    for found in descriptor()["resources"]:
        if found["name"] == table:
            return found
    raise KeyError(f"'{table}' is not a casebook table; choose one of {', '.join(TABLES)}")


def description(table: str, lang: str = "en") -> str:
    """What a row of ``table`` represents: "Each row represents ..." (``description``) or in
    Dutch "Elke rij is ..." (``description_nl``)."""
    spec = resource(table)
    return spec["description_nl"] if lang == "nl" else spec["description"]


def enum(table: str, field: str) -> tuple[str, ...]:
    """The values ``table.field`` may take, in the order the descriptor lists them."""
    for spec in resource(table)["schema"]["fields"]:
        if spec["name"] == field:
            values = spec.get("constraints", {}).get("enum")
            if values is None:
                raise KeyError(f"{table}.{field} has no enumeration in {SCHEMA_FILE}")
            return tuple(values)
    raise KeyError(f"{table} has no field {field!r}")


#: Every table, in the order of the data package.
TABLES: tuple[str, ...] = tuple(r["name"] for r in descriptor()["resources"])
#: The booklet's last numbered page; every page reference falls within 1..BOOKLET_PAGES.
BOOKLET_PAGES: int = int(descriptor()["x_casebook"]["booklet_pages"])


def _decimal_year(year_month: str) -> float:
    year, month = (int(part) for part in year_month.split("-"))
    return year + (month - 1) / 12


#: When the booklet appeared (May 2011), as a decimal year for the timelines.
BOOKLET_DATE: float = _decimal_year(descriptor()["x_casebook"]["booklet_date"])
