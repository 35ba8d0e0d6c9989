"""One switch puts every notebook in projector style (views.style)."""
import importlib

import pytest

import kneecourse as kc

S = importlib.import_module("kneecourse.views.style")  # the module (the package exports a function of that name)


@pytest.fixture(autouse=True)
def _plain_style_after():
    yield
    S.style(False)


@pytest.mark.parametrize("value, on", [("1", True), ("true", True), ("ON", True), ("0", False), ("", False),
                                       ("no", False)])
def test_the_environment_switch_sets_the_style(monkeypatch, value, on):
    """'Switch the projector style on' meant editing kc.style(projector=True) into every notebook."""
    monkeypatch.setenv(S.PROJECTOR_VARIABLE, value)
    kc.style()
    assert S.is_projector() is on


def test_a_notebook_can_still_say_so_itself(monkeypatch):
    monkeypatch.setenv(S.PROJECTOR_VARIABLE, "1")
    kc.style(projector=False)
    assert not S.is_projector()
    monkeypatch.delenv(S.PROJECTOR_VARIABLE)
    kc.style(projector=True)
    assert S.is_projector()


def test_a_value_that_is_not_a_switch_warns_and_stays_off(monkeypatch):
    monkeypatch.setenv(S.PROJECTOR_VARIABLE, "big")
    with pytest.warns(RuntimeWarning, match=r"KNEECOURSE_PROJECTOR='big' is not a switch"):
        kc.style()
    assert not S.is_projector()


def test_the_guide_gives_the_switch():
    from ..conftest import ROOT

    guide = (ROOT / "docs" / "facilitator_guide.md").read_text()
    assert f"{S.PROJECTOR_VARIABLE}=1 jupyter lab" in guide
