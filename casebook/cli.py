"""Command line: ``casebook validate [DIR]``, ``casebook start``, ``casebook handout``."""

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


def _start(args: argparse.Namespace) -> int:
    from casebook.app import AppSettings, start

    settings = AppSettings(
        port=args.port,
        ip=args.ip,
        preheat=not args.no_preheat,
        pool_size=args.pool_size,
        cull_idle_seconds=args.cull_idle,
        open_browser=not args.no_browser,
    )
    return start(settings)


def _handout(args: argparse.Namespace) -> int:
    from casebook.handout import build_handout

    build_handout(args.out)
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
    start = sub.add_parser("start", help="open the casebook in the browser (Voilà, code hidden)")
    start.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    start.add_argument(
        "--ip", default="127.0.0.1", help="address to listen on (default 127.0.0.1 only)"
    )
    start.add_argument("--no-browser", action="store_true", help="do not open a browser")
    start.add_argument(
        "--no-preheat", action="store_true", help="start a kernel per page on request"
    )
    start.add_argument(
        "--pool-size", type=int, default=1, help="preheated kernels per page (default 1)"
    )
    start.add_argument(
        "--cull-idle", type=int, default=600, help="shut idle kernels down after N seconds"
    )
    start.set_defaults(func=_start)
    handout = sub.add_parser("handout", help="write every page as self-contained HTML")
    handout.add_argument(
        "--out", default="build/handout", help="folder for the pages (default build/handout)"
    )
    handout.set_defaults(func=_handout)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
