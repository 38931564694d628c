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
# Whole-file breakages report one problem per broken row or header cell; counted by hand.
PROBLEMS_SEMICOLON = 1  # one message: saved with semicolons, nothing repeated per row
PROBLEMS_HALF = 18  # the cut row, and 17 rows elsewhere pointing at the lost logics
PROBLEMS_NUL = 2  # the damaged header cell: missing, and unknown


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
    ("reading_enum", "condition_readings", 2, "reading", "yes", "not one of", 1),
    # A note in English only would show as English in the Dutch interface.
    (
        "note_in_one_language",
        "bodies",
        {"body_id": "doornakkers_wijkoverleg"},
        "note_nl",
        "",
        "note_en is filled in but note_nl is empty",
        1,
    ),
    (
        "reading_unknown_case",
        "condition_readings",
        3,
        "case_id",
        "eindhoven",
        "not a known case_id",
        1,
    ),
    ("reading_pages_pattern", "condition_readings", 4, "pages", "10-11", "not a list of pages", 1),
    (
        "reading_page_beyond_booklet",
        "condition_readings",
        5,
        "pages",
        "10, 48",
        "page 48 does not exist",
        1,
    ),
    ("condition_unknown_lesson", "conditions", 2, "lesson_id", "27", "not a known lesson_id", 1),
    ("condition_framework", "conditions", 3, "framework", "Tops", "not one of", 1),
    ("whitespace_only_required", "lessons", 5, "title_nl", "   ", "value is required", 1),
    (
        "negative_count",
        "indicators",
        {"area_id": "groenewoud", "indicator": "households"},
        "value",
        "-3420",
        "negative",
        1,
    ),
    ("year_as_text", "timeline", 3, "year", "tweeduizend", "not a whole number", 1),
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
    entry(
        "semicolon_export",
        [("tensions.csv", (DATA / "tensions.csv").read_text(encoding="utf-8").replace(",", ";"))],
        "tensions.csv",
        1,
        None,
        "separated by semicolons",
        problems=PROBLEMS_SEMICOLON,
    )
    text = (DATA / "logics.csv").read_text(encoding="utf-8")
    entry(
        "half_written_file",
        [("logics.csv", text[: len(text) // 2].rsplit(",", 1)[0])],
        "logics.csv",
        4,
        None,
        "cells but the header has",
        problems=PROBLEMS_HALF,
    )
    text = (DATA / "main_lines.csv").read_text(encoding="utf-8")
    entry(
        "nul_byte",
        [("main_lines.csv", text.replace(",", ",\x00", 1))],
        "main_lines.csv",
        1,
        "title_nl",
        "missing from the header",
        problems=PROBLEMS_NUL,
    )
    # A teacher's extended folder: a sixth case with its area and figures, all good, except one
    # figure in indicators.csv; the other tables are the shipped ones.
    cases = rows("cases")
    new_case = list(cases[1])
    head = cases[0]
    new_case[head.index("case_id")] = "mijn_wijk"
    new_case[head.index("number")] = "6"
    new_case[head.index("name")] = "Samenwerking Mijn Wijk"
    new_case[head.index("short_name")] = "Mijn Wijk"
    areas = rows("areas")
    new_area = ["mijn_wijk", "mijn_wijk", "Mijn Wijk", "neighbourhood", "Breda", "1", "", ""]
    assert areas[0] == ["area_id", "case_id", "name", "kind", "city", "page", "note_nl", "note_en"]
    ind = rows("indicators")
    h = ind[0]

    def figure(indicator: str, value: str, unit: str) -> list[str]:
        r = [""] * len(h)
        for k, v in {"case_id": "mijn_wijk", "area_id": "mijn_wijk", "indicator": indicator,
                     "kind": "number", "value": value, "approx": "false", "unit": unit,
                     "printed": value, "page": "1"}.items():  # fmt: skip
            r[h.index(k)] = v
        return r

    added = [figure("inhabitants", "5200", "count"), figure("social_rent_share", "140", "percent")]
    entry(
        "teacher_folder_one_bad_file",
        [
            ("cases.csv", dump(cases + [new_case])),
            ("areas.csv", dump(areas + [new_area])),
            ("indicators.csv", dump(ind + added)),
        ],
        "indicators.csv",
        len(ind) + 2,
        "value",
        "not a percentage between 0 and 100",
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
