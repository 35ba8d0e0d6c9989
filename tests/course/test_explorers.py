"""The one list of explorers: widgets, app pages, benchmark and launch links all come from it (course.explorers)."""
import pytest

from kneecourse.cli.apps import APPS
from kneecourse.course.explorers import EXPLORERS


def test_one_list_of_explorers_names_the_widgets_the_apps_and_the_benchmark():
    import kneecourse.widgets as widgets

    classes = [e.cls for e in EXPLORERS]
    assert widgets.__all__ == classes + ["ProgramApp"]
    assert list(APPS) == [e.app for e in EXPLORERS]
    for e in EXPLORERS:
        cls = getattr(widgets, e.cls)
        assert cls.__module__ == f"kneecourse.widgets.{e.module}"
        assert e.control in cls().controls, f"{e.cls} has no control {e.control!r} for the benchmark"
    with pytest.raises(AttributeError):
        widgets.NoSuchExplorer  # noqa: B018
