"""Command line: ``casebook validate [DIR|FILE]``, ``template``, ``start``, ``handout``,
``wheelhouse``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casebook.data import TABLES, load
from casebook.errors import DataError

__all__ = ["main"]


def _validate(args: argparse.Namespace) -> int:
    target = Path(args.dir) if args.dir else None
    if target is not None and target.is_file():
        return _validate_own(target)
    try:
        book = load(args.dir)
    except DataError as err:
        print(err, file=sys.stderr)
        print(f"\n{len(err.problems)} problem(s); nothing was loaded.", file=sys.stderr)
        return 1
    rows = sum(len(book.table(t)) for t in TABLES)
    print(f"OK: {book.data_dir} holds valid casebook data ({len(TABLES)} tables, {rows} rows).")
    from casebook.own import OWN_DIR, own_areas_in

    found = own_areas_in(book.data_dir, book)
    for area in found.areas:
        print(f"OK: {OWN_DIR}: {area.filename} ({area.name}, {len(area.rows)} figures).")
    for err in found.refused:
        print("\n".join(f"  - {p}" for p in err.problems), file=sys.stderr)
    if found.refused:
        n = len(found.refused)
        print(
            f"\n{n} own-neighbourhood file(s) refused; the casebook's data is fine.",
            file=sys.stderr,
        )
        return 1
    return 0


def _validate_own(path: Path) -> int:
    from casebook.own import read_own_area

    book = load()
    try:
        area = read_own_area(path.read_bytes(), filename=str(path), book=book)
    except DataError as err:
        print(f"{path} is not a usable neighbourhood file:", file=sys.stderr)
        print("\n".join(f"  - {p}" for p in err.problems), file=sys.stderr)
        print(f"\n{len(err.problems)} problem(s); nothing was loaded.", file=sys.stderr)
        return 1
    print(f"OK: {path} describes {area.name} ({len(area.rows)} figures filled in).")
    return 0


def _template(args: argparse.Namespace) -> int:
    from casebook.files import atomic_write_text
    from casebook.own import template_csv

    text = template_csv(load())
    if args.out == "-":
        sys.stdout.write(text)
        return 0
    path = atomic_write_text(args.out, text)
    print(
        f"Template written to {path}: fill in the figures you have, then run "
        f"'casebook validate {path}'."
    )
    return 0


def _start(args: argparse.Namespace) -> int:
    from casebook.app import Settings, start

    notebooks = None
    if args.notebooks is not None:
        notebooks = Path(args.notebooks).resolve()
        if not notebooks.is_dir() or not any(notebooks.glob("*.ipynb")):
            print(f"{args.notebooks} is not a folder with notebooks (*.ipynb).", file=sys.stderr)
            return 2
    if args.max_sessions is None:  # from the memory this computer has free
        from casebook.app.settings import free_memory, sessions_for_memory

        args.max_sessions = sessions_for_memory(free_memory())
    for name in ("idle", "sessions_per_browser", "max_sessions"):
        if getattr(args, name) < 1:
            option = "--" + name.replace("_", "-")
            print(
                f"{option} must be 1 or more, but {getattr(args, name)} was passed.",
                file=sys.stderr,
            )
            return 2
    settings = Settings(
        port=args.port,
        ip=args.ip,
        open_browser=not args.no_browser,
        notebooks=notebooks,
        idle_seconds=args.idle,
        sessions_per_browser=args.sessions_per_browser,
        max_sessions=args.max_sessions,
        base_path=args.base_path.rstrip("/"),
    )
    if args.class_mode:
        from casebook.app.classroom import class_settings

        # 127.0.0.1 is what `make start` always passes: in class mode that means "not chosen"
        chosen = None if args.ip in ("127.0.0.1", "localhost") else args.ip
        settings, _ = class_settings(settings, ip=chosen)
    return start(settings)


def _handout(args: argparse.Namespace) -> int:
    from casebook.handout import build_handout

    try:
        build_handout(args.out, pdf=args.pdf)
    except RuntimeError as err:
        print(f"casebook handout: {err}", file=sys.stderr)
        return 1
    return 0


def _source_folder(given: str | None) -> Path | None:
    """The casebook's source folder (a clone): ``given``, or the one this casebook runs from."""
    candidates = [Path(given)] if given else [Path(__file__).resolve().parents[1]]
    for folder in candidates:
        project = folder / "pyproject.toml"
        if project.is_file() and 'name = "casebook"' in project.read_text(encoding="utf-8"):
            return folder.resolve()
    return None


def _wheelhouse(args: argparse.Namespace) -> int:
    """The casebook's wheel and every wheel it needs, for this kind of machine. (pip download
    --platform would take wheels for another system but judge the dependencies' markers by
    this one: for Windows it left out pywinpty, which jupyter_server needs there.)"""
    import subprocess

    source = _source_folder(args.source)
    if source is None:
        where = args.source or "the installed casebook"
        print(
            f"casebook wheelhouse builds the casebook from its source folder (a clone of the "
            f"repository), and {where} is none; run it from a clone or pass --source FOLDER.",
            file=sys.stderr,
        )
        return 2
    target = Path(args.dir).resolve()
    target.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip"]
    print(f"Building the casebook's wheel from {source} ...", flush=True)
    built = subprocess.run(
        [*pip, "wheel", "--quiet", "--no-deps", "--wheel-dir", str(target), str(source)],
        check=False,
    )
    wheels = sorted(target.glob("casebook-*.whl"), key=lambda p: p.stat().st_mtime)
    if built.returncode != 0 or not wheels:
        print("pip could not build the casebook's wheel (see above).", file=sys.stderr)
        return 1
    download = [*pip, "download", "--quiet", "--dest", str(target)]
    download += ["--constraint", str(source / "constraints.txt")]
    print(f"Downloading what it needs into {target} ...", flush=True)
    if subprocess.run([*download, str(wheels[-1])], check=False).returncode != 0:
        print("pip could not download every package (see above).", file=sys.stderr)
        return 1
    # A package published only as source (solara-assets) is built into a wheel here, where the
    # network is, so that a laptop without one installs it without building anything.
    for sdist in sorted(p for p in target.iterdir() if p.name.endswith((".tar.gz", ".zip"))):
        print(f"Building a wheel of {sdist.name} ...", flush=True)
        wheel = [*pip, "wheel", "--quiet", "--no-deps", "--wheel-dir", str(target), str(sdist)]
        if subprocess.run(wheel, check=False).returncode == 0:
            sdist.unlink()
    files = sorted(p for p in target.iterdir() if p.is_file())
    size = sum(p.stat().st_size for p in files) / 2**20
    print(f"{len(files)} files ({size:.0f} MB) in {target}. To install without a network:")
    print(f"  uv tool install --offline --no-index --find-links {target} casebook")
    print(f"  (or in a virtual environment: pip install --no-index --find-links {target} casebook)")
    sdists = [p.name for p in files if not p.name.endswith(".whl")]
    if sdists:
        print(f"Not wheels, so they need building when installed: {', '.join(sdists)}")
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
    validate.add_argument(
        "dir",
        nargs="?",
        default=None,
        help="folder with the CSV tables, or one filled-in own-neighbourhood CSV file",
    )
    validate.set_defaults(func=_validate)
    template = sub.add_parser("template", help="write the own-neighbourhood template (CSV)")
    template.add_argument(
        "--out", default="eigen_wijk.csv", help="file to write (default eigen_wijk.csv; - = stdout)"
    )
    template.set_defaults(func=_template)
    start = sub.add_parser(
        "start", help="open the casebook in the browser (one process serves every reader)"
    )
    start.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    start.add_argument(
        "--ip",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1 only; with --class this machine's "
        "network address)",
    )
    start.add_argument("--no-browser", action="store_true", help="do not open a browser")
    start.add_argument(
        "--class",
        dest="class_mode",
        action="store_true",
        help="serve a class on this machine's network address, behind a new token; prints the "
        "students' link and its QR code (the landing page shows them too) and the teacher's "
        "link to the live page",
    )
    start.add_argument(
        "--notebooks",
        default=None,
        metavar="DIR",
        help="serve the notebooks in DIR instead of the casebook's own",
    )
    start.add_argument(
        "--idle",
        type=int,
        default=300,
        metavar="SECONDS",
        help="end a reader's session this long after their browser has gone (default 300)",
    )
    start.add_argument(
        "--sessions-per-browser",
        type=int,
        default=10,
        metavar="N",
        help="open pages (tabs) one browser may hold at once (default 10)",
    )
    start.add_argument(
        "--max-sessions",
        type=int,
        default=None,
        metavar="N",
        help="open pages (tabs) the server holds at once, of all readers (default: from the "
        "memory free, between 30 and 400; printed at start)",
    )
    start.add_argument(
        "--base-path",
        default="",
        metavar="PATH",
        help="the path the casebook is served under behind a proxy (a hub), "
        "e.g. /user/ann/casebook",
    )
    start.set_defaults(func=_start)
    handout = sub.add_parser(
        "handout", help="write the casebook as a static book per language (HTML, offline)"
    )
    handout.add_argument(
        "--out", default="build/handout", help="folder for the pages (default build/handout)"
    )
    handout.add_argument(
        "--pdf",
        action="store_true",
        help="also print each language's book to <out>/<lang>/casebook-<lang>.pdf (Chromium)",
    )
    handout.set_defaults(func=_handout)
    wheelhouse = sub.add_parser(
        "wheelhouse",
        help="fill a folder with the casebook and everything it needs, to install without a "
        "network on machines like this one (operating system and Python version)",
    )
    wheelhouse.add_argument("dir", help="the folder to fill (made when missing)")
    wheelhouse.add_argument(
        "--source", default=None, help="the casebook's source folder (default: this one)"
    )
    wheelhouse.set_defaults(func=_wheelhouse)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
