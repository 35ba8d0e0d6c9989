"""One reference runner and one g, used everywhere (runner, units.G)."""
import inspect
import re

import pytest

import kneecourse as kc
import kneecourse.widgets as widgets
from kneecourse.course.explorers import EXPLORERS
from kneecourse.runner import RUNNER, Runner

from .conftest import ROOT

FIELDS = {"mass_kg": "mass_kg", "height_m": "height_m", "speed_m_s": "speed_m_s", "step_rate_spm": "step_rate_spm",
          "preferred_spm": "step_rate_spm"}


def test_the_runner_is_the_course_reference():
    # the runner every module is built around (README, module 6): 70 kg, 1.75 m, 3.3 m/s, 170 steps/min
    assert RUNNER == Runner(70.0, 1.75, 3.3, 170.0) and kc.RUNNER is RUNNER
    assert RUNNER.describe() == "70 kg, 1.75 m, 3.3 m/s, 170 steps/min"
    with pytest.raises(AttributeError):
        RUNNER.mass_kg = 80.0  # frozen: no module can move the runner under another


def test_every_model_default_is_the_reference_runner():
    checked = []
    for name in kc.models.__all__:
        fn = getattr(kc, name)
        if not inspect.isfunction(fn):
            continue
        for param in inspect.signature(fn).parameters.values():
            if param.name in FIELDS and param.default not in (inspect.Parameter.empty, None):
                assert param.default == getattr(RUNNER, FIELDS[param.name]), f"{name}({param.name}={param.default})"
                checked.append(name)
    assert {"run_step", "spring_step", "body_com", "contact_pose", "posture", "activity_loads"} <= set(checked)


@pytest.mark.parametrize("entry", EXPLORERS, ids=[e.app for e in EXPLORERS])
def test_every_explorer_starts_at_the_reference_runner(entry):
    controls = getattr(widgets, entry.cls)().controls
    for control, field in FIELDS.items():
        if control in controls:
            assert controls[control].value == getattr(RUNNER, field), f"{entry.cls}.{control}"


def test_preferred_step_rate_is_anchored_at_the_runner():
    assert kc.preferred_step_rate(RUNNER.speed_m_s) == pytest.approx(RUNNER.step_rate_spm)


def test_g_and_the_runner_are_not_written_out_again_in_the_package():
    """9.81 lives in units.G; the runner's 1.75 m and 70 kg live in runner.py (the models' defaults, the
    explorers' first positions and the question bank read them from there)."""
    again = []
    for path in sorted((ROOT / "kneecourse").rglob("*.py")):
        if path.name in ("units.py", "runner.py"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            if re.search(r"(?<![\d.])(9\.81|1\.75|70\.0)(?![\d])", code) and '"""' not in line and ">>>" not in line:
                again.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not again, "written out again:\n" + "\n".join(again)
