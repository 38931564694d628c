"""Read the CSV tables of a data directory and check them against the casebook's schema.

The schema is the Frictionless data package shipped with the casebook (``datapackage.json``).
Every table is read as text first, every cell is checked and converted, and only when the whole
directory is free of problems are the tables turned into pandas DataFrames. Nothing is coerced
silently and nothing is dropped: any problem ends in one :class:`~casebook.errors.DataError` that
lists them all.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from casebook.errors import DataError, Problem
from casebook.schema import BOOKLET_PAGES, SCHEMA_FILE, read_schema

__all__ = ["read_package"]


_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}

Row = dict[str, Any]


class _Invalid:
    """Marks a cell that already has a problem, so that no check repeats it."""

    def __repr__(self) -> str:
        return "<invalid>"


_INVALID = _Invalid()


def _has_invalid(row: Row, *columns: str) -> bool:
    return any(row.get(c) is _INVALID for c in columns)


def read_package(data_dir: Path, schema: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Read and validate every table of ``schema`` from ``data_dir``.

    Parameters
    ----------
    data_dir
        Folder holding one CSV file per resource of the schema.
    schema
        The casebook's data package descriptor (see :func:`read_schema`).

    Returns
    -------
    dict
        Table name to DataFrame, with nullable dtypes (``string``, ``Int64``, ``Float64``,
        ``boolean``) and columns in schema order.

    Raises
    ------
    DataError
        Listing every problem found in every file, each naming file, row and column.
    """
    problems: list[Problem] = []
    problems += _check_local_descriptor(data_dir, schema)
    resources = {r["name"]: r for r in schema["resources"]}
    rows: dict[str, list[tuple[int, Row]]] = {}
    unreadable: set[str] = set()
    for name, resource in resources.items():
        table_rows, table_problems, readable = _read_table(data_dir / resource["path"], resource)
        rows[name] = table_rows
        problems += table_problems
        if not readable:
            unreadable.add(name)
    for name, resource in resources.items():
        problems += _check_foreign_keys(name, resource, rows, resources, unreadable)
    problems += _check_domain(rows, resources, unreadable)
    if problems:
        raise DataError(problems, str(data_dir))
    return {name: _to_frame(rows[name], resources[name]) for name in resources}


# --- one file -----------------------------------------------------------------------------


def _check_local_descriptor(data_dir: Path, schema: dict[str, Any]) -> list[Problem]:
    """A data directory may carry its own datapackage.json; it must describe the same tables."""
    path = data_dir / SCHEMA_FILE
    if not path.exists():
        return []
    try:
        local = read_schema(path)
    except DataError as err:
        return err.problems
    problems = []
    theirs = {r.get("name"): r for r in local["resources"] if isinstance(r, dict)}
    for resource in schema["resources"]:
        other = theirs.get(resource["name"])
        if other is None:
            msg = f"does not describe the table '{resource['name']}' that the casebook needs"
            problems.append(Problem(SCHEMA_FILE, None, None, msg))
            continue
        ours = [f["name"] for f in resource["schema"]["fields"]]
        fields = other.get("schema", {}).get("fields", [])
        got = [f.get("name") for f in fields if isinstance(f, dict)]
        if got != ours:
            msg = (
                f"describes table '{resource['name']}' with fields {got}, "
                f"but the casebook expects {ours}"
            )
            problems.append(Problem(SCHEMA_FILE, None, None, msg))
    return problems


def _read_table(
    path: Path, resource: dict[str, Any]
) -> tuple[list[tuple[int, Row]], list[Problem], bool]:
    """Parse one table; the flag says whether the file could be read as a table at all."""
    fname = path.name
    fields = resource["schema"]["fields"]
    expected = [f["name"] for f in fields]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        msg = f"is missing; it should hold the table '{resource['name']}' with columns {expected}"
        return [], [Problem(fname, None, None, msg)], False
    except OSError as err:
        return [], [Problem(fname, None, None, f"cannot be read ({err.strerror})")], False
    text, problem = _decode(raw, fname)
    if problem:
        return [], [problem], False
    if not text.strip():
        msg = f"is empty; the first row must name the columns {expected}"
        return [], [Problem(fname, 1, None, msg)], False
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        header = next(reader)
        records = list(reader)
    except csv.Error as err:
        msg = f"is not a well-formed CSV file ({err})"
        return [], [Problem(fname, reader.line_num, None, msg)], False
    if semicolon_header(header) and len(expected) > 1:  # nothing in it can be read as a table
        return [], [Problem.from_key(fname, 1, None, "upload.semicolons")], False
    problems += _check_header(fname, header, expected)
    index = {name: header.index(name) for name in expected if name in header}
    parsed: list[tuple[int, Row]] = []
    for offset, record in enumerate(records):
        rownum = offset + 2
        if not record:
            continue  # a blank line holds no data
        if len(record) != len(header):
            msg = f"has {len(record)} cells but the header has {len(header)} columns"
            problems.append(Problem(fname, rownum, None, msg))
            continue
        row: Row = {}
        for field in fields:
            name = field["name"]
            if name not in index:
                continue
            value, cell_problem = _convert(record[index[name]], field)
            if cell_problem:
                problems.append(Problem(fname, rownum, name, cell_problem))
                value = _INVALID
            row[name] = value
        parsed.append((rownum, row))
    problems += _check_unique(fname, parsed, resource)
    return parsed, problems, True


def _decode(raw: bytes, fname: str) -> tuple[str, Problem | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        # lines end as the csv module reads them: \r\n, \n or a lone \r (found by hypothesis:
        # a lone \r before the bad byte made the csv module refuse the line)
        breaks = re.compile(rb"\r\n|\r|\n")
        row = len(breaks.findall(before)) + 1
        line = breaks.split(before)[-1]
        header = next(csv.reader([breaks.split(raw, maxsplit=1)[0].decode("utf-8", "replace")]))
        # Parse the start of the line up to the bad byte to learn which cell it is in.
        col_index = len(next(csv.reader([line.decode("utf-8", "replace")]), [""])) - 1
        column = header[col_index] if row > 1 and 0 <= col_index < len(header) else None
        byte = raw[err.start : err.start + 1].hex()
        msg = (
            f"is not UTF-8 text (byte 0x{byte} cannot be read); "
            "save the file with the encoding UTF-8"
        )
        return "", Problem(fname, row, column, msg)


def _check_header(fname: str, header: list[str], expected: list[str]) -> list[Problem]:
    problems = []
    for name in expected:
        if name not in header:
            problems.append(Problem(fname, 1, name, "this column is missing from the header"))
    for name in header:
        if name not in expected:
            msg = f"this column is not part of the table; expected columns are {expected}"
            problems.append(Problem(fname, 1, name, msg))
    seen = set()
    for name in header:
        if name in seen:
            problems.append(Problem(fname, 1, name, "this column appears twice in the header"))
        seen.add(name)
    return problems


def _convert(cell: str, field: dict[str, Any]) -> tuple[Any, str | None]:
    """Convert one cell; return (value, problem message or None)."""
    constraints = field.get("constraints", {})
    if cell.strip() == "":
        if constraints.get("required"):
            return None, "is empty but a value is required"
        return None, None
    kind = field["type"]
    value: Any
    if kind == "integer":
        if not _INTEGER.fullmatch(cell):
            return None, f"'{cell}' is not a whole number"
        value = int(cell)
    elif kind == "number":
        if _DECIMAL_COMMA.fullmatch(cell):
            return (
                None,
                f"'{cell}' uses a decimal comma; write it with a dot ({cell.replace(',', '.')})",
            )
        if not _NUMBER.fullmatch(cell):
            return None, f"'{cell}' is not a number"
        value = float(cell)
    elif kind == "boolean":
        if cell in _TRUE:
            value = True
        elif cell in _FALSE:
            value = False
        else:
            return None, f"'{cell}' is not true or false"
    else:
        value = cell
    return value, _check_constraints(value, field, constraints)


def _check_constraints(
    value: Any, field: dict[str, Any], constraints: dict[str, Any]
) -> str | None:
    enum = constraints.get("enum")
    if enum is not None and value not in enum:
        return f"'{value}' is not one of: {', '.join(map(str, enum))}"
    pattern = constraints.get("pattern")
    if pattern is not None and not re.fullmatch(pattern, value):
        if field["name"] == "pages":
            return f"'{value}' is not a list of pages (write them as '10, 11')"
        if field["name"].endswith("_id"):
            return f"'{value}' is not a valid id (use lowercase letters, digits and _ only)"
        return f"'{value}' does not have the expected form ({field.get('description', pattern)})"
    low, high = constraints.get("minimum"), constraints.get("maximum")
    is_page = field["name"].startswith("page") or field["name"] in {"ref_page", "quote_page"}
    outside = (low is not None and value < low) or (high is not None and value > high)
    if is_page and outside:
        return f"page {value} does not exist: the booklet has pages {low} to {high}"
    if low is not None and value < low:
        return f"{value} is below the minimum {low}"
    if high is not None and value > high:
        return f"{value} is above the maximum {high}"
    return None


def _key_text(values: Iterable[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _check_unique(
    fname: str, parsed: list[tuple[int, Row]], resource: dict[str, Any]
) -> list[Problem]:
    problems = []
    schema = resource["schema"]
    keys: list[list[str]] = []
    pk = schema.get("primaryKey")
    if pk:
        keys.append([pk] if isinstance(pk, str) else list(pk))
    keys += [[f["name"]] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    done = set()
    for key in keys:
        if tuple(key) in done:
            continue
        done.add(tuple(key))
        first_seen: dict[tuple[Any, ...], int] = {}
        for rownum, row in parsed:
            values = tuple(row.get(k) for k in key)
            if any(v is None or v is _INVALID for v in values):
                continue
            if values in first_seen:
                msg = (
                    f"the key {_key_text(values)} is used twice "
                    f"(first in row {first_seen[values]}); each row needs its own"
                )
                problems.append(Problem(fname, rownum, "+".join(key), msg))
            else:
                first_seen[values] = rownum
    return problems


# --- across files -------------------------------------------------------------------------


def _check_foreign_keys(
    name: str,
    resource: dict[str, Any],
    rows: dict[str, list[tuple[int, Row]]],
    resources: dict[str, dict[str, Any]],
    unreadable: set[str],
) -> list[Problem]:
    problems = []
    fname = resource["path"]
    for fk in resource["schema"].get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        target = fk["reference"]["resource"]
        if target in unreadable:
            continue  # the target file's own problem is reported; do not repeat it per row
        ref_fields = fk["reference"]["fields"]
        ref_fields = ref_fields if isinstance(ref_fields, list) else [ref_fields]
        known = {tuple(r.get(f) for f in ref_fields) for _, r in rows.get(target, [])}
        for rownum, row in rows[name]:
            values = tuple(row.get(f) for f in fields)
            if any(v is None or v is _INVALID for v in values) or values in known:
                continue
            sample = sorted(str(k[0]) if len(k) == 1 else str(k) for k in known)[:8]
            more = ", ..." if len(known) > 8 else ""
            msg = (
                f"{_key_text(values)} is not a known {'/'.join(ref_fields)} in "
                f"{resources[target]['path']} (known: {', '.join(sample)}{more})"
            )
            problems.append(Problem(fname, rownum, "+".join(fields), msg))
    return problems


def _check_domain(
    rows: dict[str, list[tuple[int, Row]]],
    resources: dict[str, dict[str, Any]],
    unreadable: set[str],
) -> list[Problem]:
    """Rules a Table Schema cannot express: ranges, percentages, units, page order.

    A cell that already has a problem is not checked again.
    """
    problems = []
    units = {}
    if "indicator_definitions" not in unreadable:
        units = {r.get("indicator"): r.get("unit") for _, r in rows["indicator_definitions"]}
    for name, table in rows.items():
        fname = resources[name]["path"]
        for rownum, row in table:
            figure = ("kind", "value", "low", "high", "unit")
            if "kind" in row and "value" in row and not _has_invalid(row, *figure):
                problems += _check_figure(fname, rownum, row)
            if name == "indicators" and not _has_invalid(row, "indicator", "unit", "kind"):
                expected = units.get(row.get("indicator"))
                if expected is not None and row.get("unit") not in (None, expected):
                    msg = (
                        f"'{row['unit']}' differs from the unit '{expected}' "
                        f"of indicator '{row['indicator']}'"
                    )
                    problems.append(Problem(fname, rownum, "unit", msg))
                if row.get("kind") == "text" and not (row.get("text_nl") and row.get("text_en")):
                    msg = "a text statement needs both text_nl and text_en"
                    problems.append(Problem(fname, rownum, "text_nl", msg))
            problems += _check_both_languages(fname, rownum, row)
            pages = row.get("pages")
            if isinstance(pages, str):
                outside = [p for p in pages.split(", ") if not 1 <= int(p) <= BOOKLET_PAGES]
                if outside:
                    pages_msg = f"the booklet has pages 1 to {BOOKLET_PAGES}"
                    msg = f"page {outside[0]} does not exist: {pages_msg}"
                    problems.append(Problem(fname, rownum, "pages", msg))
            position = row.get("position")
            if isinstance(position, float) and not -1 <= position <= 1:
                msg = f"{position:g} lies outside the axis, which runs from -1 to 1"
                problems.append(Problem(fname, rownum, "position", msg))
            first, last = row.get("page"), row.get("page_last")
            if _has_invalid(row, "page", "page_last"):
                continue
            if first is not None and last is not None and last < first:
                msg = f"the last page {last} comes before the first page {first}"
                problems.append(Problem(fname, rownum, "page_last", msg))
    return problems


def _check_both_languages(fname: str, rownum: int, row: Row) -> list[Problem]:
    """A text the casebook writes in two languages (``x_nl`` and ``x_en``) is in both or in
    neither: a Dutch reader must never get an English note, nor the other way round."""
    problems = []
    for column, value in row.items():
        if not column.endswith("_nl") or value is _INVALID:
            continue
        twin = column[:-3] + "_en"
        if twin not in row or row[twin] is _INVALID:
            continue
        if (value is None) != (row[twin] is None):
            empty, given = (column, twin) if value is None else (twin, column)
            msg = (
                f"{given} is filled in but {empty} is empty: write it in both languages or neither"
            )
            problems.append(Problem(fname, rownum, empty, msg))
    return problems


def _check_figure(fname: str, rownum: int, row: Row) -> list[Problem]:
    problems = []
    kind, value, low, high = row.get("kind"), row.get("value"), row.get("low"), row.get("high")
    for col, v in (("value", value), ("low", low), ("high", high)):
        if v is not None and not math.isfinite(v):
            problems.append(Problem(fname, rownum, col, f"{v} is not a finite number"))
    if kind == "number":
        if value is None:
            problems.append(Problem(fname, rownum, "value", "a row of kind 'number' needs a value"))
        for col, v in (("low", low), ("high", high)):
            if v is not None:
                msg = "a row of kind 'number' has no range; use kind 'range' for low and high"
                problems.append(Problem(fname, rownum, col, msg))
    elif kind == "range":
        for col, v in (("low", low), ("high", high)):
            if v is None:
                problems.append(
                    Problem(fname, rownum, col, "a row of kind 'range' needs low and high")
                )
    elif kind == "text":
        for col, v in (("value", value), ("low", low), ("high", high)):
            if v is not None:
                msg = "a row of kind 'text' is a statement and holds no figure"
                problems.append(Problem(fname, rownum, col, msg))
    problems += [
        Problem.from_key(fname, rownum, col, key, **values)
        for col, key, values in figure_bounds(row.get("unit"), value=value, low=low, high=high)
    ]
    if value is not None and low is not None and value < low:
        problems.append(Problem(fname, rownum, "value", f"value {value:g} is below low {low:g}"))
    if value is not None and high is not None and value > high:
        problems.append(Problem(fname, rownum, "value", f"value {value:g} is above high {high:g}"))
    return problems


def figure_bounds(
    unit: str | None, *, value: float | None, low: float | None, high: float | None
) -> list[tuple[str, str, dict[str, str]]]:
    """(column, text key, values) for each way a figure breaks the rules of its unit: low above
    high, a negative count or amount, a percentage outside 0-100. Shared by the data package
    and the reader's own-neighbourhood files (casebook.own), which says them in the reader's
    language (:meth:`Problem.from_key`)."""
    found: list[tuple[str, str, dict[str, str]]] = []
    if low is not None and high is not None and low > high:
        found.append(("low", "figure.low_above_high", {"low": f"{low:g}", "high": f"{high:g}"}))
    for col, v in (("value", value), ("low", low), ("high", high)):
        if v is None:
            continue
        if unit in ("count", "EUR") and v < 0:
            found.append((col, f"figure.negative.{unit}", {"value": f"{v:g}"}))
        if unit == "percent" and not 0 <= v <= 100:
            found.append((col, "figure.not_percentage", {"value": f"{v:g}"}))
    return found


def semicolon_header(header: list[str]) -> bool:
    """True when a header row is one cell holding semicolons: a semicolon-separated export."""
    return len(header) == 1 and ";" in header[0]


def _to_frame(parsed: list[tuple[int, Row]], resource: dict[str, Any]) -> pd.DataFrame:
    fields = resource["schema"]["fields"]
    data = {
        f["name"]: pd.array([row.get(f["name"]) for _, row in parsed], dtype=_DTYPES[f["type"]])
        for f in fields
    }
    return pd.DataFrame(data)
