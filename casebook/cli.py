"""Command line: ``casebook validate [DIR]``."""

from __future__ import annotations

import argparse
import sys

from casebook.data import TABLES, load
from casebook.errors import DataError

__all__ = ["main"]


def _validate(args: argparse.Namespace) -> int:
    try:
        book = load(args.dir)
    except DataError as err:
        print(err, file=sys.stderr)
        print(f"\n{len(err.problems)} problem(s); nothing was loaded.", file=sys.stderr)
        return 1
    rows = sum(len(book.table(t)) for t in TABLES)
    print(f"OK: {book.data_dir} holds valid casebook data ({len(TABLES)} tables, {rows} rows).")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the ``casebook`` command; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="casebook", description="The Koppelen en doorschakelen casebook."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser(
        "validate", help="check a data folder (default: the casebook's own data)"
    )
    validate.add_argument("dir", nargs="?", default=None, help="folder with the CSV tables")
    validate.set_defaults(func=_validate)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
