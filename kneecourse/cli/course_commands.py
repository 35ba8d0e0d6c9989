"""The command line of the course: ``python -m kneecourse COMMAND``.

    python -m kneecourse copy DIR [--overwrite]   # the notebooks into DIR/notebooks
    python -m kneecourse where                    # the folders the course uses
    python -m kneecourse check                    # the environment check
    python -m kneecourse links [--hub URL]        # launch links: Binder, a hub (nbgitpuller), app pages
    python -m kneecourse app list | NAME          # an explorer as a no-code page (Voila)
    python -m kneecourse site [OUT] [--hub URL]   # the course website
    python -m kneecourse bench [--quick]          # the benchmark
    python -m kneecourse app-notebooks [--check]  # write notebooks/apps from the list of explorers
    python -m kneecourse gait-table               # rebuild the table of periodic running gaits

One table (:data:`COMMANDS`) names every command, the function that runs it and its line of help; each
command reads its own options, so ``python -m kneecourse COMMAND --help`` shows them.
"""
from __future__ import annotations

import argparse
import importlib
import sys

PROG = "python -m kneecourse"


def _own_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command: its usage line and its help from :data:`COMMANDS`."""
    return argparse.ArgumentParser(prog=f"{PROG} {name}", description=COMMANDS[name][2])


def copy(argv) -> int:
    """Copy the course notebooks into DIR/notebooks."""
    parser = _own_parser("copy")
    parser.add_argument("directory")
    parser.add_argument("--overwrite", action="store_true", help="replace notebooks that already exist")
    args = parser.parse_args(argv)
    from ..course.files import copy_course

    written = copy_course(args.directory, overwrite=args.overwrite)
    print(f"{len(written)} notebook(s) copied into {args.directory}/notebooks")
    print(f"open the course with: cd {args.directory} && "
          "jupyter lab --ServerApp.root_dir=. notebooks/00_start_here.ipynb")
    return 0


def where(argv) -> int:
    """Print the folders the course reads."""
    _own_parser("where").parse_args(argv)
    from ..course.files import notebooks_folder
    from ..dataio.learner_files import user_folder

    print(f"notebooks: {notebooks_folder()}")
    print(f"progress:  {user_folder()}")
    return 0


def check(argv) -> int:
    """The environment check: 0 when every row is ready."""
    _own_parser("check").parse_args(argv)
    from .environment import check_environment

    rows = check_environment(show=True)
    return 0 if all(r["ok"] for r in rows) else 1


def links(argv) -> int:
    """Launch links for Binder and a JupyterHub, pages and apps."""
    from ..course.links import COURSE_REPOSITORY, workshop_links

    parser = _own_parser("links")
    parser.add_argument("--hub", help="your hub's address, e.g. https://hub.example.org")
    parser.add_argument("--repo", default=None, help="the course repository (default: the public one)")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args(argv)
    try:
        found = workshop_links(args.hub, args.repo or COURSE_REPOSITORY, args.branch)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for place, pages in found.items():
        print(f"# {place}")
        for page, link in pages.items():
            print(f"{page:22s} {link}")
    return 0


#: every command: name -> (module of kneecourse.cli, function taking the remaining arguments, one line of help)
COMMANDS = {
    "copy": ("course_commands", "copy", "copy the course notebooks into DIR/notebooks (existing ones are kept)"),
    "where": ("course_commands", "where", "print the folders the course reads"),
    "check": ("course_commands", "check", "is this environment ready for the course?"),
    "links": ("course_commands", "links", "launch links for Binder and a JupyterHub (nbgitpuller), pages and apps"),
    "app": ("apps", "main", "serve an explorer as a no-code page (Voila): app list | app NAME"),
    "app-notebooks": ("apps", "main_app_notebooks", "write the app notebooks from the list of explorers"),
    "site": ("site", "main", "build the course website"),
    "bench": ("bench", "main", "benchmark the explorers, the notebooks and the import"),
    "gait-table": ("gait_table", "main", "rebuild the table of periodic running gaits"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The course's command line: your own copy, the set-up check, launch links, app pages, the "
                    "website, the benchmark. Each command's own options: python -m kneecourse COMMAND --help")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, _, what) in COMMANDS.items():
        sub.add_parser(name, help=what, add_help=False)
    return parser


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] not in COMMANDS:
        _parser().parse_args(argv)  # prints the usage (and exits) for --help, no command or an unknown one
        return 2
    from ..course.files import CourseFilesError

    module, function, _ = COMMANDS[argv[0]]
    run = getattr(importlib.import_module(f".{module}", __package__), function)
    try:
        return run(argv[1:])
    except CourseFilesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
