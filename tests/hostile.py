"""A teacher's data folder in which every free-text cell carries markup that would run script if
it were ever put into a page as HTML. Used by the hostile-text tests (notebooks, handout, app)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import casebook
from casebook.schema import descriptor as schema

# Runs script (counts in window.__pwned) if inserted as HTML; shown as text it is harmless.
PAYLOAD = (
    '<img src=x onerror="window.__pwned=(window.__pwned||0)+1"><script>window.__pwned=9</script>'
)
RAW = "<img src=x onerror"  # what must never reach a page unescaped
ESCAPED = "&lt;img src=x onerror"

RESOURCES = {r["name"]: r for r in schema()["resources"]}


def _keys(resource: dict) -> set[str]:
    s = resource["schema"]
    pk = s.get("primaryKey", [])
    keys = set(pk if isinstance(pk, list) else [pk])
    for fk in s.get("foreignKeys", []):
        f = fk["fields"]
        keys |= set(f if isinstance(f, list) else [f])
    return keys


# String fields a teacher writes freely: no enum, pattern, uniqueness or key role, and not one
# that the validator reads as a unit, kind or qualifier.
FREE_TEXT: list[tuple[str, str]] = sorted(
    (name, f["name"])
    for name, r in RESOURCES.items()
    for f in r["schema"]["fields"]
    if f["type"] == "string"
    and not {"enum", "pattern", "unique"} & set(f.get("constraints", {}))
    and f["name"] not in _keys(r)
    and f["name"] not in {"unit", "kind", "qualifier", "base", "printed"}
)


def hostile_data(target: Path) -> Path:
    """Copy the casebook's data to ``target`` with PAYLOAD appended to every free-text cell that
    holds text (empty optional cells stay empty)."""
    shutil.copytree(casebook.package_data_dir(), target)
    by_table: dict[str, list[str]] = {}
    for table, column in FREE_TEXT:
        by_table.setdefault(table, []).append(column)
    for table, columns in by_table.items():
        path = target / RESOURCES[table]["path"]
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        index = [rows[0].index(c) for c in columns]
        for row in rows[1:]:
            for i in index:
                if row[i]:
                    row[i] = f"{row[i]} {PAYLOAD}"
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
    return target
