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
"""
from __future__ import annotations

import argparse
import sys

#: commands with their own options: name -> (module of kneecourse.cli, function, one line of help)
TOOLS = {
    "app": ("apps", "main", "serve an explorer as a no-code page (Voila): app list | app NAME"),
    "app-notebooks": ("apps", "main_app_notebooks", "write the app notebooks from the list of explorers"),
    "site": ("site", "main", "build the course website"),
    "bench": ("bench", "main", "benchmark the explorers, the notebooks and the import"),
    "gait-table": ("gait_table", "main", "rebuild the table of periodic running gaits"),
}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in TOOLS:
        import importlib

        module, function, _ = TOOLS[argv[0]]
        return getattr(importlib.import_module(f".{module}", __package__), function)(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m kneecourse",
        description="The course's command line: your own copy, the set-up check, launch links, app pages, the "
                    "website, the benchmark. Each command's own options: python -m kneecourse COMMAND --help")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    cp = sub.add_parser("copy", help="copy the course notebooks into DIR/notebooks (existing ones are kept)")
    cp.add_argument("directory")
    cp.add_argument("--overwrite", action="store_true", help="replace notebooks that already exist")
    sub.add_parser("where", help="print the folders the course reads")
    sub.add_parser("check", help="is this environment ready for the course?")
    ln = sub.add_parser("links", help="launch links for Binder and a JupyterHub (nbgitpuller), pages and apps")
    ln.add_argument("--hub", help="your hub's address, e.g. https://hub.example.org")
    ln.add_argument("--repo", default=None, help="the course repository (default: the public one)")
    ln.add_argument("--branch", default="main")
    for name, (_, _, what) in TOOLS.items():  # listed here; their own options: python -m kneecourse NAME --help
        sub.add_parser(name, help=what, add_help=False)
    args = parser.parse_args(argv)

    from ..course.files import CourseFilesError, copy_course, notebooks_folder

    try:
        if args.command == "copy":
            written = copy_course(args.directory, overwrite=args.overwrite)
            print(f"{len(written)} notebook(s) copied into {args.directory}/notebooks")
            print(f"open the course with: cd {args.directory} && "
                  "jupyter lab --ServerApp.root_dir=. notebooks/00_start_here.ipynb")
            return 0
        if args.command == "links":
            from ..course.links import COURSE_REPOSITORY, workshop_links

            try:
                links = workshop_links(args.hub, args.repo or COURSE_REPOSITORY, args.branch)
            except ValueError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            for where, pages in links.items():
                print(f"# {where}")
                for page, link in pages.items():
                    print(f"{page:22s} {link}")
            return 0
        if args.command == "where":
            from ..io.learner_files import user_folder

            print(f"notebooks: {notebooks_folder()}")
            print(f"progress:  {user_folder()}")
            return 0
    except CourseFilesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    from .environment import check_environment

    rows = check_environment(show=True)
    return 0 if all(r["ok"] for r in rows) else 1

