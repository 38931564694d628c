"""The four logics and seven tensions: the casebook's reading, a reader's placements, a class.

A *placement* puts each case on the two axes: ``institutional_situational`` (-1 institutional,
1 situational) and ``instrumental_cultural`` (-1 instrumental, 1 cultural). Readers save theirs as
a small CSV file; a teacher loads several and sees the class beside the casebook's reading.
Files are written atomically and read strictly: a file that is not a placements file, or is
broken, is refused with a message naming the file and what is wrong, in Dutch and English.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from casebook.data import Casebook, per_book
from casebook.errors import Problem, UploadError
from casebook.files import atomic_write_text, decode_upload
from casebook.i18n import check_lang
from casebook.schema import enum
from casebook.text import t

__all__ = [
    "AXES",
    "PLACEMENT_COLUMNS",
    "PlacementError",
    "class_summary",
    "class_table",
    "evidence",
    "placements_csv",
    "placements_frame",
    "read_class",
    "read_placements",
    "reading",
    "save_placements",
    "tension_matrix",
]

AXES: tuple[str, ...] = enum("logics", "axis_id")
PLACEMENT_COLUMNS = ["casebook_placements", "name", "case_id", *AXES, "saved_at"]
_FORMAT = "1"
_MAX_BYTES = 100_000
_NAME = re.compile(r"[^\w .'-]", re.UNICODE)


class PlacementError(UploadError):
    """A placements file that cannot be used: ``problem`` names the file, row and column and
    what is wrong (``text(lang)`` in either language, ``str()`` in English)."""


@dataclass(frozen=True)
class ClassLoad:
    """The outcome of loading a class: the good placements and, per refused file, the problem
    that refused it."""

    placements: pd.DataFrame
    refused: list[Problem]


def reading(book: Casebook) -> pd.DataFrame:
    """The casebook's reading: one row per case with its position on both axes (wide).

    Columns: case_id, name (the short name used in charts) and both axes. Built once per
    book; each caller gets a copy.
    """
    return per_book(book, "logics.reading", lambda: _reading(book)).copy()


def _reading(book: Casebook) -> pd.DataFrame:
    wide = book.logic_positions.pivot(index="case_id", columns="axis_id", values="position")
    cases = book.cases.set_index("case_id")
    frame = pd.DataFrame(
        {
            "case_id": cases.index,
            "name": cases["short_name"].to_numpy(),
            AXES[0]: wide.reindex(cases.index)[AXES[0]].astype(float).to_numpy(),
            AXES[1]: wide.reindex(cases.index)[AXES[1]].astype(float).to_numpy(),
        }
    )
    return frame.reset_index(drop=True)


def tension_matrix(book: Casebook) -> pd.DataFrame:
    """Strength of each tension (rows, booklet order) in each case (columns); 0 = no evidence.
    Built once per book; each caller gets a copy."""
    return per_book(book, "logics.tension_matrix", lambda: _tension_matrix(book)).copy()


def _tension_matrix(book: Casebook) -> pd.DataFrame:
    tensions = book.tensions.sort_values("number")["tension_id"].tolist()
    cases = book.cases.sort_values("number")["case_id"].tolist()
    wide = book.tension_evidence.pivot(index="tension_id", columns="case_id", values="strength")
    return wide.reindex(index=tensions, columns=cases).fillna(0).astype(int)


def evidence(book: Casebook, *, case_id: str, tension_id: str, lang: str = "nl") -> dict | None:
    """The booklet's evidence of one tension in one case (summary, strength, pages), or None."""
    check_lang(lang)
    rows = book.tension_evidence
    hit = rows[(rows["case_id"] == case_id) & (rows["tension_id"] == tension_id)]
    if hit.empty:
        return None
    row = hit.iloc[0]
    return {
        "summary": row[f"summary_{lang}"],
        "strength": int(row["strength"]),
        "pages": row["pages"],
    }


def placements_frame(positions: dict[str, tuple[float, float]], *, name: str = "") -> pd.DataFrame:
    """A reader's placements as a table, ready to save; ``name`` is optional and may be empty."""
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    clean = _NAME.sub("", name).strip()[:60]
    rows = [
        {"casebook_placements": _FORMAT, "name": clean, "case_id": case_id,
         AXES[0]: round(float(x), 2), AXES[1]: round(float(y), 2), "saved_at": stamp}
        for case_id, (x, y) in positions.items()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=PLACEMENT_COLUMNS)


def placements_csv(frame: pd.DataFrame) -> str:
    """The placements file's text (UTF-8 CSV)."""
    return frame.to_csv(index=False, lineterminator="\n")


def save_placements(frame: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the placements to ``path`` atomically: never half a file (see casebook.files)."""
    return atomic_write_text(path, placements_csv(frame))


def read_placements(content: bytes, *, filename: str, case_ids: list[str]) -> pd.DataFrame:
    """Parse one placements file strictly.

    Raises
    ------
    PlacementError
        With the file name and what is wrong: not UTF-8, not a placements file (other
        columns), an unknown case, a number off the axis, a case placed twice, or no rows.
    """

    def refuse(row: int | None, column: str | None, key: str, /, **values: Any) -> PlacementError:
        return PlacementError(Problem.from_key(filename, row, column, key, **values))

    try:
        text = decode_upload(
            content, filename=filename, max_bytes=_MAX_BYTES, what="a placements file"
        )
    except ValueError:  # decode_upload says why in English; the reader reads it in theirs
        key = "logics.error.too_large" if len(content) > _MAX_BYTES else "upload.not_utf8"
        raise refuse(None, None, key) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as err:
        raise refuse(None, None, "upload.not_csv", reason=str(err)) from None
    if not rows or rows[0] != PLACEMENT_COLUMNS:
        raise refuse(None, None, "logics.error.not_placements", columns=",".join(PLACEMENT_COLUMNS))
    records, seen = [], set()
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(PLACEMENT_COLUMNS):
            raise refuse(
                number, None, "upload.cells", expected=len(PLACEMENT_COLUMNS), found=len(row)
            )
        record = dict(zip(PLACEMENT_COLUMNS, row, strict=True))
        case_id = record["case_id"]
        if record["casebook_placements"] != _FORMAT:
            version = repr(record["casebook_placements"])
            raise refuse(number, None, "logics.error.version", version=version)
        if case_id not in case_ids:
            raise refuse(number, None, "logics.error.unknown_case", case=repr(case_id))
        if case_id in seen:
            raise refuse(number, None, "logics.error.twice", case=repr(case_id))
        seen.add(case_id)
        for axis in AXES:
            try:
                value = float(record[axis])
            except ValueError:
                raise refuse(number, axis, "upload.not_number", value=repr(record[axis])) from None
            if not -1 <= value <= 1:
                raise refuse(number, axis, "logics.error.off_axis", value=f"{value:g}")
            record[axis] = value
        record["name"] = _NAME.sub("", record["name"]).strip()[:60]
        record["file"] = filename
        records.append(record)
    if not records:
        raise refuse(None, None, "logics.error.empty")
    return pd.DataFrame(records, columns=[*PLACEMENT_COLUMNS, "file"])


def read_class(files: list[tuple[str, bytes]], *, case_ids: list[str]) -> ClassLoad:
    """Read several placements files; good ones are combined, each bad one refused with a reason."""
    good, refused = [], []
    for filename, content in files:
        try:
            good.append(read_placements(content, filename=filename, case_ids=case_ids))
        except PlacementError as err:
            refused.append(err.problem)
    columns = [*PLACEMENT_COLUMNS, "file"]
    placements = pd.concat(good, ignore_index=True) if good else pd.DataFrame(columns=columns)
    return ClassLoad(placements=placements, refused=refused)


def class_summary(placements: pd.DataFrame, reading_frame: pd.DataFrame) -> pd.DataFrame:
    """Per case: how many placed it, the mean and spread (standard deviation) on each axis, and
    the casebook's reading beside them."""
    rows = []
    for case in reading_frame.to_dict("records"):
        part = placements[placements["case_id"] == case["case_id"]]
        row = {"case_id": case["case_id"], "name": case["name"], "n": len(part)}
        for axis in AXES:
            values = part[axis].astype(float)
            row[f"{axis}_mean"] = values.mean() if len(values) else float("nan")
            row[f"{axis}_sd"] = values.std(ddof=0) if len(values) else float("nan")
            row[f"{axis}_casebook"] = case[axis]
        rows.append(row)
    return pd.DataFrame(rows)


def class_table(summary: pd.DataFrame, lang: str, *, reading: bool = True) -> pd.DataFrame:
    """:func:`class_summary` as a class view shows it (an upload's or the live lesson's): per
    case the count, the mean and spread on each axis and (with ``reading``) the casebook's
    reading, labelled in ``lang`` and rounded to two decimals."""
    kinds = ("mean", "sd", "casebook") if reading else ("mean", "sd")
    columns = ["name", "n", *(f"{a}_{k}" for k in kinds for a in AXES)]
    shown = summary[columns].round(2)
    keys = ["col.case", "col.n", "col.mean_x", "col.mean_y", "col.sd_x", "col.sd_y"]
    if reading:
        keys += ["col.casebook_x", "col.casebook_y"]
    shown.columns = [t(k, lang) for k in keys]
    return shown
