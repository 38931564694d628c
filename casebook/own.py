"""A reader's own neighbourhood: a filled-in template CSV shown beside the five cases.

The template (``casebook template``) lists every indicator of the casebook with its unit, one
row each; a teacher or student fills in the figures they have and leaves the rest empty (an
empty row is *not reported*, never zero). :func:`read_own_area` checks a filled-in file strictly
and names row, column and what is expected for every problem. The figures are marked as the
reader's own data wherever they are shown: they do not come from the booklet.

Own-neighbourhood files are read from an upload in the app, or from the folder ``eigen_wijken``
inside the data folder (``CASEBOOK_DATA``); :func:`own_areas_in` reads that folder and keeps the
good files when one is broken.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from casebook.data import Casebook, per_book
from casebook.errors import DataError, Problem
from casebook.validate import figure_bounds, semicolon_header

__all__ = [
    "OWN_PREFIX",
    "OWN_DIR",
    "OWN_KIND",
    "TEMPLATE_COLUMNS",
    "OwnArea",
    "OwnLoad",
    "own_areas_in",
    "own_indicator_rows",
    "read_own_area",
    "template_csv",
]

OWN_DIR = "eigen_wijken"
OWN_KIND = "own"
# Every own neighbourhood's area id starts with this, so it can never be one of the booklet's.
OWN_PREFIX = "own_"
TEMPLATE_COLUMNS = [
    "area_name",
    "municipality",
    "indicator",
    "label_nl",
    "label_en",
    "unit",
    "value",
    "low",
    "high",
    "approx",
    "text",
    "source",
]
_REQUIRED = ["area_name", "indicator", "unit", "value", "low", "high", "approx", "text"]
_TRUE = {"true", "yes", "ja", "1", "x"}
_FALSE = {"", "false", "no", "nee", "0"}
_MAX_BYTES = 200_000
_MAX_TEXT = 300
_MAX_NAME = 80
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class OwnArea:
    """One neighbourhood of the reader's own: its name, municipality, source file and figures.

    ``rows`` has the columns of the ``indicators`` table (see :func:`own_indicator_rows`).
    """

    area_id: str
    name: str
    municipality: str
    filename: str
    rows: pd.DataFrame


@dataclass(frozen=True)
class OwnLoad:
    """The outcome of reading a folder of own neighbourhoods: the good ones, and one error per
    refused file (the casebook keeps working with the rest)."""

    areas: list[OwnArea]
    refused: list[DataError]


def template_csv(book: Casebook) -> str:
    """The template's text: one row per indicator with labels and unit, the figures empty
    (built once per book).

    ``templates/voorbeeld_eigen_wijk.csv`` shows a filled-in example.
    """
    return per_book(book, "own.template_csv", lambda: _template_csv(book))


def _template_csv(book: Casebook) -> str:
    defs = book.indicator_definitions
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TEMPLATE_COLUMNS)
    for row in defs.to_dict("records"):
        writer.writerow(
            [
                "Mijn wijk",
                "",
                row["indicator"],
                row["label_nl"],
                row["label_en"],
                row["unit"],
                "",
                "",
                "",
                "",
                "",
                "",
            ]
        )
    return out.getvalue()


def _slug(name: str) -> str:
    return _SLUG.sub("_", name.lower()).strip("_")[:40] or "wijk"


def _number(text: str) -> float:
    """A number as a Dutch or English reader types it: 1.234,5 / 1234,5 / 1,234.5 / 1234.5."""
    s = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if "," in s and "." in s:
        s = (
            s.replace(".", "").replace(",", ".")
            if s.rfind(",") > s.rfind(".")
            else s.replace(",", "")
        )
    elif "," in s:
        s = s.replace(",", ".")
    value = float(s)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def read_own_area(content: bytes, *, filename: str, book: Casebook) -> OwnArea:
    """Check one filled-in template and return the neighbourhood it describes.

    Raises
    ------
    DataError
        Listing every problem with file, row (as a spreadsheet counts: the header is row 1) and
        column: not UTF-8, not a template (other columns), an unknown indicator, a unit that does
        not match, a cell that is not a number, a percentage outside 0-100, a range whose low end
        is above its high end, an indicator given twice, two neighbourhoods in one file, or no
        figure at all. Each problem says it in Dutch and English (:meth:`Problem.text`).
    """
    problems: list[Problem] = []

    def fail(row: int | None, column: str | None, key: str, /, **values: Any) -> None:
        problems.append(Problem.from_key(filename, row, column, key, **values))

    def refuse(row: int | None, key: str, /, **values: Any) -> DataError:
        return DataError([Problem.from_key(filename, row, None, key, **values)])

    if len(content) > _MAX_BYTES:
        raise refuse(None, "own.error.too_large")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise refuse(None, "own.error.not_utf8", byte=err.start) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as err:
        raise refuse(None, "upload.not_csv", reason=str(err)) from None
    if not rows:
        raise refuse(None, "own.error.empty")
    header = [h.strip() for h in rows[0]]
    if semicolon_header(header):
        raise refuse(1, "upload.semicolons")
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise refuse(
            1,
            "own.error.not_template",
            missing=", ".join(missing),
            columns=",".join(TEMPLATE_COLUMNS),
        )
    defs = book.indicator_definitions.set_index("indicator")
    names: dict[str, int] = {}
    municipality = ""
    seen: dict[str, int] = {}
    records = []
    for number, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) != len(header):
            fail(number, None, "upload.cells", expected=len(header), found=len(raw))
            continue
        cell = {h: v.strip() for h, v in zip(header, raw, strict=True)}
        indicator = cell["indicator"]
        if indicator not in defs.index:
            fail(number, "indicator", "own.error.unknown_indicator", indicator=repr(indicator))
            continue
        if indicator in seen:
            fail(
                number,
                "indicator",
                "own.error.twice",
                indicator=repr(indicator),
                row=seen[indicator],
            )
            continue
        seen[indicator] = number
        unit = str(defs.loc[indicator, "unit"])
        if cell["unit"] and cell["unit"] != unit:
            given = repr(cell["unit"])
            fail(
                number,
                "unit",
                "own.error.unit",
                indicator=repr(indicator),
                unit=repr(unit),
                given=given,
            )
        filled = {k: cell[k] for k in ("value", "low", "high", "text") if cell[k]}
        if not filled:
            continue  # not reported: the row stays in the template, no figure
        name = cell["area_name"]
        if not name:
            fail(number, "area_name", "own.error.no_name")
        elif len(name) > _MAX_NAME:
            fail(number, "area_name", "own.error.long_name", limit=_MAX_NAME)
        else:
            names.setdefault(name, number)
        municipality = municipality or cell.get("municipality", "")[:_MAX_NAME]
        approx = cell["approx"].lower()
        if approx not in _TRUE | _FALSE:
            fail(number, "approx", "own.error.approx", value=repr(cell["approx"]))
        record = {
            "indicator": indicator,
            "unit": unit,
            "approx": approx in _TRUE,
            "source": cell.get("source", "")[:_MAX_TEXT],
            "value": None,
            "low": None,
            "high": None,
            "text": None,
        }
        if unit == "text":
            if set(filled) != {"text"}:
                fail(number, "text", "own.error.statement", indicator=repr(indicator))
                continue
            if len(cell["text"]) > _MAX_TEXT:
                fail(number, "text", "own.error.long_text", limit=_MAX_TEXT)
                continue
            record["text"] = cell["text"]
            records.append(record)
            continue
        if "text" in filled:
            fail(number, "text", "own.error.figure", indicator=repr(indicator), unit=unit)
            continue
        ok = True
        for column in ("value", "low", "high"):
            if column in filled:
                try:
                    record[column] = _number(filled[column])
                except ValueError:
                    fail(number, column, "upload.not_number", value=repr(filled[column]))
                    ok = False
        if not ok:
            continue
        if record["value"] is not None and (
            record["low"] is not None or record["high"] is not None
        ):
            fail(number, "value", "own.error.value_and_range")
            continue
        if record["value"] is None and (record["low"] is None or record["high"] is None):
            column = "high" if record["low"] is not None else "low"
            fail(number, column, "own.error.half_range")
            continue
        broken = figure_bounds(unit, value=record["value"], low=record["low"], high=record["high"])
        for column, key, values in broken:  # the same rules as the casebook's own data
            fail(number, column, key, **values)
        if broken:
            continue
        for column in ("value", "low", "high"):
            v = record[column]
            if v is None:
                continue
            if unit == "count" and not v.is_integer():
                fail(number, column, "own.error.not_whole", value=repr(filled[column]))
            elif unit == "year" and not 1800 <= v <= 2100:
                fail(number, column, "own.error.not_year", value=f"{v:g}")
        records.append(record)
    if len(names) > 1:
        extra = list(names.items())[1]
        first = next(iter(names))
        fail(extra[1], "area_name", "own.error.two_areas", other=repr(extra[0]), first=repr(first))
    if not problems and not records:
        fail(None, None, "own.error.no_figures")
    if problems:
        raise DataError(problems)
    name = next(iter(names))
    area_id = f"{OWN_PREFIX}{_slug(name)}"
    return OwnArea(
        area_id=area_id,
        name=name,
        municipality=municipality,
        filename=filename,
        rows=own_indicator_rows(area_id, records),
    )


def own_indicator_rows(area_id: str, records: list[dict]) -> pd.DataFrame:
    """Figures in the shape of the ``indicators`` table (page empty: not from the booklet)."""
    rows = []
    for r in records:
        kind = "text" if r["unit"] == "text" else ("range" if r["value"] is None else "number")
        rows.append(
            {
                "case_id": pd.NA,
                "area_id": area_id,
                "indicator": r["indicator"],
                "kind": kind,
                "value": r["value"],
                "low": r["low"],
                "high": r["high"],
                "approx": r["approx"],
                "qualifier": pd.NA,
                "unit": r["unit"],
                "base": pd.NA,
                "printed": r["source"] or pd.NA,
                "text_nl": r["text"] if r["text"] is not None else pd.NA,
                "text_en": r["text"] if r["text"] is not None else pd.NA,
                "page": pd.NA,
                "note_nl": pd.NA,
                "note_en": pd.NA,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("value", "low", "high"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Float64")
    return frame


def own_areas_in(data_dir: str | Path, book: Casebook) -> OwnLoad:
    """Every ``*.csv`` in ``data_dir/eigen_wijken``: the good ones read, each bad one refused."""
    folder = Path(data_dir) / OWN_DIR
    areas, refused = [], []
    if not folder.is_dir():
        return OwnLoad([], [])
    ids: set[str] = set()
    for path in sorted(folder.glob("*.csv")):
        shown = f"{OWN_DIR}/{path.name}"
        try:
            area = read_own_area(path.read_bytes(), filename=shown, book=book)
        except DataError as err:
            refused.append(err)
            continue
        except OSError as err:
            problem = Problem.from_key(shown, None, None, "own.error.unreadable", reason=str(err))
            refused.append(DataError([problem]))
            continue
        if area.area_id in ids:
            problem = Problem.from_key(
                shown, None, "area_name", "own.error.area_twice", name=repr(area.name)
            )
            refused.append(DataError([problem]))
            continue
        ids.add(area.area_id)
        areas.append(area)
    return OwnLoad(areas, refused)
