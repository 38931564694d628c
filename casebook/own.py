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

import pandas as pd

from casebook.data import Casebook
from casebook.errors import DataError, Problem
from casebook.validate import SEMICOLON_MESSAGE, figure_bounds, semicolon_header

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
    """The template's text: one row per indicator with labels and unit, the figures empty.

    ``templates/voorbeeld_eigen_wijk.csv`` shows a filled-in example.
    """
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
        figure at all.
    """
    problems: list[Problem] = []

    def fail(row: int | None, column: str | None, message: str) -> None:
        problems.append(Problem(filename, row, column, message))

    if len(content) > _MAX_BYTES:
        raise DataError([Problem(filename, None, None, "the file is too large for a template")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(
            [Problem(filename, None, None, f"the file is not UTF-8 text (byte {err.start})")]
        ) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as err:
        raise DataError(
            [Problem(filename, None, None, f"the file is not a readable CSV file ({err})")]
        ) from None
    if not rows:
        raise DataError([Problem(filename, None, None, "the file is empty")])
    header = [h.strip() for h in rows[0]]
    if semicolon_header(header):
        raise DataError([Problem(filename, 1, None, SEMICOLON_MESSAGE)])
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise DataError(
            [
                Problem(
                    filename,
                    1,
                    None,
                    f"this is not a filled-in neighbourhood template: column(s) "
                    f"{', '.join(missing)} are missing (the first row must be "
                    f"{','.join(TEMPLATE_COLUMNS)})",
                )
            ]
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
            fail(number, None, f"expected {len(header)} cells, found {len(raw)}")
            continue
        cell = {h: v.strip() for h, v in zip(header, raw, strict=True)}
        indicator = cell["indicator"]
        if indicator not in defs.index:
            fail(number, "indicator", f"{indicator!r} is not an indicator of the casebook")
            continue
        if indicator in seen:
            fail(number, "indicator", f"{indicator!r} is already given in row {seen[indicator]}")
            continue
        seen[indicator] = number
        unit = str(defs.loc[indicator, "unit"])
        if cell["unit"] and cell["unit"] != unit:
            fail(number, "unit", f"the unit of {indicator!r} is {unit!r}, not {cell['unit']!r}")
        filled = {k: cell[k] for k in ("value", "low", "high", "text") if cell[k]}
        if not filled:
            continue  # not reported: the row stays in the template, no figure
        name = cell["area_name"]
        if not name:
            fail(number, "area_name", "the neighbourhood needs a name")
        elif len(name) > 80:
            fail(number, "area_name", "the name is longer than 80 characters")
        else:
            names.setdefault(name, number)
        municipality = municipality or cell.get("municipality", "")[:80]
        approx = cell["approx"].lower()
        if approx not in _TRUE | _FALSE:
            fail(number, "approx", f"{cell['approx']!r} is not yes or no (leave empty for no)")
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
                fail(number, "text", f"{indicator!r} is a statement: fill in only the text column")
                continue
            if len(cell["text"]) > _MAX_TEXT:
                fail(number, "text", f"the text is longer than {_MAX_TEXT} characters")
                continue
            record["text"] = cell["text"]
            records.append(record)
            continue
        if "text" in filled:
            fail(number, "text", f"{indicator!r} is a figure ({unit}): use value, or low and high")
            continue
        ok = True
        for column in ("value", "low", "high"):
            if column in filled:
                try:
                    record[column] = _number(filled[column])
                except ValueError:
                    fail(number, column, f"{filled[column]!r} is not a number")
                    ok = False
        if not ok:
            continue
        if record["value"] is not None and (
            record["low"] is not None or record["high"] is not None
        ):
            fail(number, "value", "give either a value or a range (low and high), not both")
            continue
        if record["value"] is None and (record["low"] is None or record["high"] is None):
            column = "high" if record["low"] is not None else "low"
            fail(number, column, "a range needs both low and high")
            continue
        broken = figure_bounds(unit, value=record["value"], low=record["low"], high=record["high"])
        for column, message in broken:  # the same rules as the casebook's own data
            fail(number, column, message)
        if broken:
            continue
        for column in ("value", "low", "high"):
            v = record[column]
            if v is None:
                continue
            if unit == "count" and not v.is_integer():
                fail(
                    number,
                    column,
                    f"{filled[column]!r} is not a whole number "
                    "(write a count without a thousands separator: 2450, not 2.450)",
                )
            elif unit == "year" and not 1800 <= v <= 2100:
                fail(number, column, f"{v:g} is not a year")
        records.append(record)
    if len(names) > 1:
        extra = list(names.items())[1]
        fail(
            extra[1],
            "area_name",
            f"one file holds one neighbourhood; {extra[0]!r} differs from {next(iter(names))!r}",
        )
    if not problems and not records:
        fail(None, None, "no figures are filled in (fill in value, low and high, or text)")
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
            refused.append(DataError([Problem(shown, None, None, f"cannot be read ({err})")]))
            continue
        if area.area_id in ids:
            msg = f"the neighbourhood {area.name!r} is already given in another file"
            refused.append(DataError([Problem(shown, None, "area_name", msg)]))
            continue
        ids.add(area.area_id)
        areas.append(area)
    return OwnLoad(areas, refused)
