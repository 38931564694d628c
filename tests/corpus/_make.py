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


def build() -> None:
    # missing column
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
    # extra column
    recs = rows("cases")
    entry(
        "extra_column",
        [("cases.csv", dump([r + (["mayor"] if i == 0 else ["?"]) for i, r in enumerate(recs)]))],
        "cases.csv",
        1,
        "mayor",
        "not part of the table",
    )
    entry(
        "wrong_type_integer",
        [set_cell("lessons", 4, "page", "twee")],
        "lessons.csv",
        4,
        "page",
        "not a whole number",
    )
    r = find_row("indicators", area_id="groenewoud", indicator="inhabitants")
    entry(
        "wrong_type_number",
        [set_cell("indicators", r, "value", "veel")],
        "indicators.csv",
        r,
        "value",
        "not a number",
    )
    r = find_row("indicators", area_id="kruiden_kleurenbuurt", indicator="age_65plus_share")
    entry(
        "decimal_comma",
        [set_cell("indicators", r, "value", "17,7")],
        "indicators.csv",
        r,
        "value",
        "decimal comma",
    )
    r = find_row("areas", area_id="doornakkers")
    entry(
        "unknown_case_id",
        [set_cell("areas", r, "case_id", "doornakker")],
        "areas.csv",
        r,
        "case_id",
        "not a known case_id",
    )
    r = find_row("indicators", area_id="hambaken", indicator="inhabitants")
    entry(
        "unknown_indicator",
        [set_cell("indicators", r, "indicator", "inwoners")],
        "indicators.csv",
        r,
        "indicator",
        "not a known indicator",
    )
    r = find_row("indicators", area_id="hambaken", indicator="dwellings")
    entry(
        "unknown_area",
        [set_cell("indicators", r, "area_id", "hambaaken")],
        "indicators.csv",
        r,
        "area_id",
        "not a known area_id",
    )
    recs = rows("cases")
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
    r = find_row("indicators", area_id="groenewoud", indicator="social_rent_share")
    entry(
        "percentage_140",
        [set_cell("indicators", r, "value", "140")],
        "indicators.csv",
        r,
        "value",
        "not a percentage between 0 and 100",
    )
    r = find_row("indicators", area_id="hambaken", indicator="mutation_rate")
    recs = rows("indicators")
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
    r = find_row("indicators", area_id="doornakkers", indicator="rent_range")
    entry(
        "value_outside_range",
        [set_cell("indicators", r, "value", "600")],
        "indicators.csv",
        r,
        "value",
        "above high",
    )
    entry("empty_file", [("tensions.csv", "")], "tensions.csv", 1, None, "is empty", problems=1)
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
    entry(
        "page_out_of_range",
        [set_cell("lessons", 10, "page", "52")],
        "lessons.csv",
        10,
        "page",
        "page 52 does not exist",
    )
    entry(
        "page_zero",
        [set_cell("reflections", 3, "page", "0")],
        "reflections.csv",
        3,
        "page",
        "page 0 does not exist",
    )
    entry("bad_enum", [set_cell("areas", 2, "kind", "wijk")], "areas.csv", 2, "kind", "not one of")
    entry(
        "bad_boolean",
        [set_cell("indicators", 3, "approx", "ja")],
        "indicators.csv",
        3,
        "approx",
        "not true or false",
    )
    entry(
        "required_empty",
        [set_cell("voices", 3, "name", "")],
        "voices.csv",
        3,
        "name",
        "value is required",
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
    r = find_row("indicators", area_id="groenewoud", indicator="mutation_rate")
    entry(
        "unit_mismatch",
        [set_cell("indicators", r, "unit", "count")],
        "indicators.csv",
        r,
        "unit",
        "differs from the unit 'percent'",
    )
    entry(
        "bad_id_pattern",
        [set_cell("voices", 2, "voice_id", "Arts")],
        "voices.csv",
        2,
        "voice_id",
        "not a valid id",
        problems=11,
    )
    text = (DATA / "partners.csv").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[3] = lines[3].replace('"', "", 1)
    lines[3] = lines[3] + ',"unfinished'
    entry(
        "unclosed_quote",
        [("partners.csv", "\n".join(lines[:4]) + "\n")],
        "partners.csv",
        4,
        None,
        "not a well-formed CSV",
    )
    r = find_row("indicators", area_id="doornakkers", indicator="price_level")
    entry(
        "text_with_value",
        [set_cell("indicators", r, "value", "3")],
        "indicators.csv",
        r,
        "value",
        "holds no figure",
    )
    r = find_row("organisation", fact_id="mom_fte")
    entry(
        "number_without_value",
        [set_cell("organisation", r, "value", "")],
        "organisation.csv",
        r,
        "value",
        "needs a value",
    )
    entry(
        "page_last_before_page",
        [set_cell("lessons", 6, "page_last", "40")],
        "lessons.csv",
        6,
        "page_last",
        "comes before the first page",
    )
    entry(
        "month_13",
        [set_cell("timeline", 9, "month", "13")],
        "timeline.csv",
        9,
        "month",
        "above the maximum 12",
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
    r = find_row("lesson_references", reference_id="l09_hambaken")
    entry(
        "unknown_lesson",
        [set_cell("lesson_references", r, "lesson_id", "19 ")],
        "lesson_references.csv",
        r,
        "lesson_id",
        "not a whole number",
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
