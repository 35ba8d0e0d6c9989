"""Command-line tools: ``python -m kneecourse COMMAND`` (copy, where, check, links, app, site, bench, …).

Each tool is a module here (``apps``, ``site``, ``bench``, ``environment``,
``gait_table``); :mod:`.course_commands` reads the command line and hands over.
The notebooks are found by :mod:`kneecourse.course.files` and the explorers are
listed once in :mod:`kneecourse.course.explorers`.
"""
from .course_commands import main

__all__ = ["main"]
