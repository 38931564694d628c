"""The one exception the data layer raises, and the problems it carries."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DataError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a data file.

    ``row`` counts like a spreadsheet does: the header is row 1, the first data row is row 2.
    ``row`` is ``None`` for problems with a whole file, ``column`` ``None`` for problems with a
    whole row or file.
    """

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


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
