"""The one exception the data layer raises, the problems it carries, and the refusal of a
reader's file.

A problem a reader can see (in a file they uploaded) is made with :meth:`Problem.from_key`: its
message is a key of the text catalogue with the values to fill in, so that :meth:`Problem.text`
says it in either language. ``str()`` of a problem is always English: the teacher's command
``casebook validate`` and the data layer speak English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from casebook.text import t

__all__ = ["DataError", "Problem", "UploadError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a data file.

    ``row`` counts like a spreadsheet does: the header is row 1, the first data row is row 2.
    ``row`` is ``None`` for problems with a whole file, ``column`` ``None`` for problems with a
    whole row or file. ``message`` is English; ``key`` and ``values`` (when the problem was made
    with :meth:`from_key`) give it in every language. File names, column names and values are
    never translated.
    """

    file: str
    row: int | None
    column: str | None
    message: str
    key: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_key(
        cls, file: str, row: int | None, column: str | None, key: str, /, **values: Any
    ) -> Problem:
        """A problem whose message is the text catalogue's ``key`` with ``values`` filled in
        (a value may be called ``row`` or ``column`` too: the parameters are positional)."""
        return cls(file, row, column, t(key, "en", **values), key, dict(values))

    def message_in(self, lang: str) -> str:
        """What is wrong, in ``lang`` (English for a problem made without a key)."""
        if self.key is None:
            return self.message
        return t(self.key, lang, **self.values)

    def text(self, lang: str) -> str:
        """The problem in ``lang``: 'file, row 3, column 'value': what is wrong'."""
        where = [self.file]
        if self.row is not None:
            where.append(t("problem.row", lang, row=self.row))
        if self.column is not None:
            where.append(t("problem.column", lang, column=self.column))
        return f"{', '.join(where)}: {self.message_in(lang)}"

    def __str__(self) -> str:
        return self.text("en")


class DataError(ValueError):
    """The data directory does not hold valid casebook data.

    ``problems`` lists every problem found, each naming the file, the row and the column.
    """

    def __init__(self, problems: list[Problem], data_dir: str = "") -> None:
        self.problems = list(problems)
        self.data_dir = data_dir
        super().__init__(self._message())

    def _message(self) -> str:
        n = len(self.problems)
        where = f" in {self.data_dir}" if self.data_dir else ""
        head = f"The casebook data{where} has {n} problem{'s' if n != 1 else ''}:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


class UploadError(ValueError):
    """A reader's file that cannot be used (an answers file, a placements file), refused for
    the one ``problem`` found first; ``str()`` is that problem in English."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))

    def text(self, lang: str) -> str:
        """Why the file was refused, in ``lang``."""
        return self.problem.text(lang)
