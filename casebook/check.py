"""Check your own collaboration: the conditions, a reader's answers, and what they point to.

A reader scores their own collaboration on each condition in the ``conditions`` table (Tops,
Van Delden and the checkable lessons): 1 = no, 2 = a little, 3 = largely, 4 = yes, or leaves it
open (``None``: don't know). The answers are saved as a small JSON file, written atomically and
read strictly: a file that is not an answers file, or is broken, is refused with a message
naming the file and what is wrong, in Dutch and English; nothing is sent anywhere.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from casebook.data import Casebook, per_book
from casebook.errors import Problem, UploadError
from casebook.files import atomic_write_text, decode_upload
from casebook.i18n import check_lang
from casebook.lessons import lesson_href, lesson_printed
from casebook.markup import escape
from casebook.schema import enum
from casebook.text import t

__all__ = [
    "FORMAT",
    "READINGS",
    "SCORES",
    "Answers",
    "AnswersError",
    "answers_json",
    "clean_name",
    "conditions",
    "profile",
    "read_answers",
    "reading_hover",
    "readings",
    "save_answers",
    "scores_from",
    "summary_html",
    "weak_list_html",
    "weak_spots",
]

FORMAT = "casebook-check/1"
SCORES = (1, 2, 3, 4)
# From nothing known to fully met: the order of the colour scale. "not_assessed" is ours, for a
# case the booklet says nothing about.
READINGS: tuple[str, ...] = ("not_assessed", *reversed(enum("condition_readings", "reading")))
WEAK = 2  # a score at or below this is a weak spot
_MAX_BYTES = 100_000
_NAME = re.compile(r"[^\w .'-]", re.UNICODE)


class AnswersError(UploadError):
    """An answers file that cannot be used: ``problem`` names the file and what is wrong
    (``text(lang)`` in either language, ``str()`` in English)."""


@dataclass(frozen=True)
class Answers:
    """A reader's answers: a score (1-4) or None per condition id, an optional name, and when."""

    scores: dict[str, int | None]
    name: str = ""
    saved_at: str = ""
    notes: dict[str, str] = field(default_factory=dict)


def clean_name(name: str) -> str:
    """A name safe to put in a file name and a page: letters, digits, spaces and .'- only."""
    return _NAME.sub("", name).strip()[:60]


def conditions(book: Casebook, *, lang: str = "nl") -> pd.DataFrame:
    """The conditions in questionnaire order with label, question, lesson (its number, its title
    in ``lang`` and as printed) and page in ``lang`` (built once per book and language; each
    caller gets a copy)."""
    check_lang(lang)
    return per_book(book, ("check.conditions", lang), lambda: _conditions(book, lang)).copy()


def _conditions(book: Casebook, lang: str) -> pd.DataFrame:
    frame = book.conditions.sort_values("number").reset_index(drop=True)
    titles = book.lessons.set_index("lesson_id")
    return pd.DataFrame(
        {
            "condition_id": frame["condition_id"],
            "framework": frame["framework"],
            "label": frame[f"label_{lang}"],
            "question": frame[f"question_{lang}"],
            "lesson_id": frame["lesson_id"].astype(int),
            "lesson": frame["lesson_id"].map(titles[f"title_{lang}"]),
            "lesson_nl": frame["lesson_id"].map(titles["title_nl"]),  # as printed
            "page": frame["page"].astype(int),
        }
    )


def readings(book: Casebook, *, lang: str = "nl") -> pd.DataFrame:
    """The casebook's reading: conditions (rows, questionnaire order) by cases (columns).

    A cell holds ``met``, ``partly``, ``not_met`` or ``not_assessed`` where the booklet says
    nothing about that condition in that case (never a score). Built once per book; each
    caller gets a copy.
    """
    check_lang(lang)
    return per_book(book, "check.readings", lambda: _readings(book)).copy()


def _readings(book: Casebook) -> pd.DataFrame:
    order = book.conditions.sort_values("number")["condition_id"].tolist()
    cases = book.cases.sort_values("number")["case_id"].tolist()
    wide = book.condition_readings.pivot(index="condition_id", columns="case_id", values="reading")
    return wide.reindex(index=order, columns=cases).astype(object).fillna("not_assessed")


def profile(book: Casebook, answers: Answers, *, lang: str = "nl") -> pd.DataFrame:
    """The conditions with the reader's score beside them (``<NA>`` where left open)."""
    frame = conditions(book, lang=lang)
    frame["score"] = pd.array([answers.scores.get(c) for c in frame["condition_id"]], dtype="Int64")
    return frame


def weak_spots(book: Casebook, answers: Answers, *, lang: str = "nl") -> pd.DataFrame:
    """The conditions scored 1 or 2, weakest first, with the lesson to read for each."""
    frame = profile(book, answers, lang=lang)
    weak = frame[frame["score"].notna() & (frame["score"] <= WEAK)]
    return weak.sort_values(["score", "page"], kind="stable").reset_index(drop=True)


def answers_json(answers: Answers, *, condition_ids: list[str]) -> str:
    """The answers file's text: JSON, every condition present (null when left open)."""
    payload = {
        "format": FORMAT,
        "name": clean_name(answers.name),
        "saved_at": answers.saved_at or datetime.now().astimezone().isoformat(timespec="seconds"),
        "answers": {c: answers.scores.get(c) for c in condition_ids},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def save_answers(
    answers: Answers, path: str | os.PathLike[str], *, condition_ids: list[str]
) -> Path:
    """Write the answers to ``path`` atomically: a crash leaves the old file or none."""
    return atomic_write_text(path, answers_json(answers, condition_ids=condition_ids))


def read_answers(content: bytes, *, filename: str, condition_ids: list[str]) -> Answers:
    """Parse one answers file strictly.

    Raises
    ------
    AnswersError
        With the file name and what is wrong: too large, not UTF-8, not JSON (a half-written
        file ends here), not an answers file, an unknown condition or a score outside 1-4.
    """

    def refuse(key: str, /, **values: Any) -> AnswersError:
        return AnswersError(Problem.from_key(filename, None, None, key, **values))

    try:
        text = decode_upload(
            content, filename=filename, max_bytes=_MAX_BYTES, what="an answers file"
        )
    except ValueError:  # decode_upload says why in English; the reader reads it in theirs
        key = "check.error.too_large" if len(content) > _MAX_BYTES else "upload.not_utf8"
        raise refuse(key) from None
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as err:
        raise refuse(
            "check.error.not_json", line=err.lineno, column=err.colno, reason=err.msg
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise refuse("check.error.not_answers", format=FORMAT)
    given = payload.get("answers")
    if not isinstance(given, dict):
        raise refuse("check.error.not_a_map", example='{"urgency": 3, "backing": null}')
    scores: dict[str, int | None] = {}
    for key, value in given.items():
        if key not in condition_ids:
            raise refuse("check.error.unknown_condition", condition=repr(key))
        if value is None:
            scores[key] = None
        elif isinstance(value, int) and not isinstance(value, bool) and value in SCORES:
            scores[key] = value
        else:
            raise refuse("check.error.not_score", value=repr(value), condition=repr(key))
    name = payload.get("name", "")
    saved_at = payload.get("saved_at", "")
    if not isinstance(name, str) or not isinstance(saved_at, str):
        raise refuse("check.error.not_text")
    return Answers(
        scores={c: scores.get(c) for c in condition_ids},
        name=clean_name(name),
        saved_at=saved_at[:40],
    )


def summary_html(book: Casebook, answers: Answers, *, lang: str = "nl") -> str:
    """A one-page summary of the answers, self-contained HTML for printing or saving.

    Every text is escaped; the page loads nothing from elsewhere.
    """
    frame = profile(book, answers, lang=lang)
    matrix = readings(book, lang=lang)
    names = book.cases.set_index("case_id")["short_name"]
    weak = weak_spots(book, answers, lang=lang)
    e = escape
    title = t("check.summary_title", lang)
    who = e(answers.name) if answers.name else e(t("check.anonymous", lang))
    stamp = e(answers.saved_at or datetime.now().astimezone().isoformat(timespec="minutes"))
    head = "".join(f"<th>{e(names[c])}</th>" for c in matrix.columns)
    by_condition = matrix.to_dict("index")  # condition -> case -> reading
    rows = []
    for row in frame.to_dict("records"):
        score = row["score"]
        mine = e(t(f"score.{score}", lang)) if pd.notna(score) else e(t("score.none", lang))
        cells = "".join(
            f"<td class='{v}'>{e(t(f'reading.{v}', lang))}</td>"
            for v in by_condition[row["condition_id"]].values()
        )
        rows.append(f"<tr><th>{e(row['label'])}</th><td><b>{mine}</b></td>{cells}</tr>")
    if weak.empty:
        advice = f"<p>{e(t('check.no_weak', lang))}</p>"
    else:
        advice = weak_list_html(weak, lang=lang, links=False)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; }}
td.met {{ background: #cfe8dc; }} td.partly {{ background: #fbe6b8; }}
td.not_met {{ background: #f6cdb8; }} td.not_assessed {{ color: #777; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>{e(title)}</h1>
<p>{who} · {stamp}</p>
<p>{e(t("check.summary_intro", lang))}</p>
<table><thead><tr><th>{e(t("check.condition", lang))}</th><th>{e(t("check.yours", lang))}</th>
{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>
<h2>{e(t("check.weak_title", lang))}</h2>
{advice}
<p><small>{e(t("check.source", lang))}</small></p>
</body></html>
"""


def reading_hover(book: Casebook, *, lang: str = "nl") -> dict[tuple[str, str], str]:
    """Per (condition, case) with a reading: the evidence in ``lang`` with its pages."""
    check_lang(lang)
    return {
        (r["condition_id"], r["case_id"]): f"{r[f'summary_{lang}']} (p. {r['pages']})"
        for r in book.condition_readings.to_dict("records")
    }


def weak_list_html(weak: pd.DataFrame, *, lang: str = "nl", links: bool = True) -> str:
    """The weak spots as an escaped HTML list: condition, score, and the lesson to read, in
    ``lang`` (in English with the booklet's Dutch title beside ours). ``links``: each lesson a
    link to the lessons page open at it (none in a summary saved on its own)."""
    items = []
    for r in weak.to_dict("records"):
        score = t(f"score.{r['score']}", lang)
        lesson = escape(t("check.lesson", lang, n=r["lesson_id"], title=r["lesson"]))
        if links:
            lesson = (
                f'<a class="cb-lesson-link" href="{escape(lesson_href(r["lesson_id"]))}">'
                f"{lesson}</a>"
            )
        printed = lesson_printed({"title_nl": r["lesson_nl"]}, lang=lang)
        printed = f" ({escape(printed)})" if printed else ""
        items.append(
            f"<li><b>{escape(r['label'])}</b> ({escape(score)}): "
            f"{escape(t('check.read', lang))} {lesson}{printed}</li>"
        )
    return f"<ul class='casebook-weak'>{''.join(items)}</ul>"


def scores_from(values: dict[str, Any], condition_ids: list[str]) -> dict[str, int | None]:
    """Scores from widget values (0 = don't know), every condition present."""
    return {c: (int(values[c]) or None) if c in values else None for c in condition_ids}
