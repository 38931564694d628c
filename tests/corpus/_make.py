"""Regenerate the corpus of broken data files from the real data.

Run from the repository root: ``python tests/corpus/_make.py``. Each entry is a folder holding
one broken replacement of one table (or a ``delete`` instruction) and ``expect.json``: the
file, row and column the DataError must name, a pattern its message must match, and how many
problems the whole directory must then have.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
HERE = Path(__file__).resolve().parent


def rows(table: str) -> list[list[str]]:
    with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def dump(records: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(records)
    return buf.getvalue()


def set_cell(table: str, row: int, column: str, value: str) -> tuple[str, str]:
    """Return (file name, CSV text) with one cell changed; row counts like a spreadsheet."""
    recs = rows(table)
    recs[row - 1][recs[0].index(column)] = value
    return f"{table}.csv", dump(recs)


def find_row(table: str, **where: str) -> int:
    recs = rows(table)
    for i, rec in enumerate(recs[1:], start=2):
        if all(rec[recs[0].index(k)] == v for k, v in where.items()):
            return i
    raise KeyError(where)


ENTRIES: dict[str, dict] = {}


def entry(name, files, file, row, column, match, problems=1, delete=None):
    ENTRIES[name] = {
        "files": files,
        "expect": {
            "file": file,
            "row": row,
            "column": column,
            "match": match,
            "problems": problems,
            "delete": delete,
        },
    }


# One cell changed: (entry, table, row as a number or {column: value}, column, new value,
# what the message must say, how many problems the directory then has).
CELL_EDITS = [
    ("wrong_type_integer", "lessons", 4, "page", "twee", "not a whole number", 1),
    (
        "wrong_type_number",
        "indicators",
        {"area_id": "groenewoud", "indicator": "inhabitants"},
        "value",
        "veel",
        "not a number",
        1,
    ),
    (
        "decimal_comma",
        "indicators",
        {"area_id": "kruiden_kleurenbuurt", "indicator": "age_65plus_share"},
        "value",
        "17,7",
        "decimal comma",
        1,
    ),
    (
        "unknown_case_id",
        "areas",
        {"area_id": "doornakkers"},
        "case_id",
        "doornakker",
        "not a known case_id",
        1,
    ),
    (
        "unknown_indicator",
        "indicators",
        {"area_id": "hambaken", "indicator": "inhabitants"},
        "indicator",
        "inwoners",
        "not a known indicator",
        1,
    ),
    (
        "unknown_area",
        "indicators",
        {"area_id": "hambaken", "indicator": "dwellings"},
        "area_id",
        "hambaaken",
        "not a known area_id",
        1,
    ),
    (
        "percentage_140",
        "indicators",
        {"area_id": "groenewoud", "indicator": "social_rent_share"},
        "value",
        "140",
        "not a percentage between 0 and 100",
        1,
    ),
    (
        "value_outside_range",
        "indicators",
        {"area_id": "doornakkers", "indicator": "rent_range"},
        "value",
        "600",
        "above high",
        1,
    ),
    ("page_out_of_range", "lessons", 10, "page", "52", "page 52 does not exist", 1),
    ("page_zero", "reflections", 3, "page", "0", "page 0 does not exist", 1),
    ("bad_enum", "areas", 2, "kind", "wijk", "not one of", 1),
    ("bad_boolean", "indicators", 3, "approx", "ja", "not true or false", 1),
    ("required_empty", "voices", 3, "name", "", "value is required", 1),
    (
        "unit_mismatch",
        "indicators",
        {"area_id": "groenewoud", "indicator": "mutation_rate"},
        "unit",
        "count",
        "differs from the unit 'percent'",
        1,
    ),
    # The bad id is reported once, and each of the ten rows that still point at 'arts'.
    ("bad_id_pattern", "voices", 2, "voice_id", "Arts", "not a valid id", 11),
    (
        "text_with_value",
        "indicators",
        {"area_id": "doornakkers", "indicator": "price_level"},
        "value",
        "3",
        "holds no figure",
        1,
    ),
    (
        "number_without_value",
        "organisation",
        {"fact_id": "mom_fte"},
        "value",
        "",
        "needs a value",
        1,
    ),
    ("page_last_before_page", "lessons", 6, "page_last", "40", "comes before the first page", 1),
    ("month_13", "timeline", 9, "month", "13", "above the maximum 12", 1),
    (
        "unknown_lesson",
        "lesson_references",
        {"reference_id": "l09_hambaken"},
        "lesson_id",
        "19 ",
        "not a whole number",
        1,
    ),
]


def build() -> None:
    for name, table, where, column, value, match, problems in CELL_EDITS:
        row = where if isinstance(where, int) else find_row(table, **where)
        entry(
            name,
            [set_cell(table, row, column, value)],
            f"{table}.csv",
            row,
            column,
            match,
            problems,
        )
    recs = rows("cases")
    col = recs[0].index("city")
    entry(
        "missing_column",
        [("cases.csv", dump([r[:col] + r[col + 1 :] for r in recs]))],
        "cases.csv",
        1,
        "city",
        "missing from the header",
    )
    extra = [r + (["mayor"] if i == 0 else ["?"]) for i, r in enumerate(recs)]
    entry(
        "extra_column",
        [("cases.csv", dump(extra))],
        "cases.csv",
        1,
        "mayor",
        "not part of the table",
    )
    entry(
        "duplicate_key",
        [("cases.csv", dump(recs + [recs[2]]))],
        "cases.csv",
        len(recs) + 1,
        "case_id",
        "used twice",
    )
    recs = rows("indicators")
    dup = list(recs[5])
    dup[recs[0].index("page")] = "7"
    entry(
        "duplicate_composite_key",
        [("indicators.csv", dump(recs + [dup]))],
        "indicators.csv",
        len(recs) + 1,
        "area_id+indicator",
        "used twice",
    )
    r = find_row("indicators", area_id="hambaken", indicator="mutation_rate")
    recs[r - 1][recs[0].index("low")] = "8"
    recs[r - 1][recs[0].index("high")] = "7"
    entry(
        "low_greater_than_high",
        [("indicators.csv", dump(recs))],
        "indicators.csv",
        r,
        "low",
        "greater than high",
    )
    entry("empty_file", [("tensions.csv", "")], "tensions.csv", 1, None, "is empty")
    text = (DATA / "cases.csv").read_text(encoding="utf-8")
    bad_row = next(i for i, line in enumerate(text.split("\n"), start=1) if "é" in line)
    entry(
        "wrong_encoding",
        [("cases.csv", text.encode("latin-1"))],
        "cases.csv",
        bad_row,
        "summary_nl",
        "not UTF-8",
    )
    recs = rows("timeline")
    recs[4] = recs[4][:-3]
    entry(
        "ragged_row",
        [("timeline.csv", dump(recs))],
        "timeline.csv",
        5,
        None,
        "cells but the header has",
    )
    lines = (DATA / "partners.csv").read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3].replace('"', "", 1) + ',"unfinished'
    entry(
        "unclosed_quote",
        [("partners.csv", "\n".join(lines[:4]) + "\n")],
        "partners.csv",
        4,
        None,
        "not a well-formed CSV",
    )
    entry("missing_file", [], "highlights.csv", None, None, "is missing", delete="highlights.csv")
    dp = (DATA / "datapackage.json").read_text(encoding="utf-8")
    entry(
        "broken_datapackage",
        [("datapackage.json", dp[: len(dp) // 2])],
        "datapackage.json",
        None,
        None,
        "not valid JSON",
    )


def main() -> None:
    build()
    for old in HERE.iterdir():
        if old.is_dir():
            shutil.rmtree(old)
    for name, spec in ENTRIES.items():
        folder = HERE / name
        folder.mkdir()
        for fname, content in spec["files"]:
            target = folder / fname
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        (folder / "expect.json").write_text(
            json.dumps(spec["expect"], indent=2) + "\n", encoding="utf-8"
        )
    print(f"{len(ENTRIES)} corpus entries written to {HERE}")


if __name__ == "__main__":
    main()
