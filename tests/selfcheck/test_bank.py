"""The course's code exercises: stubs in the notebooks, hints, worked solutions kept out of the notebooks."""

import numpy as np
import pytest

from kneecourse.selfcheck.bank import NOTEBOOKS, quiz
from kneecourse.selfcheck.questions import CodeExercise, MultipleChoice, Numeric
from kneecourse.selfcheck.report import progress_report

from ..conftest import code_cells


def test_two_graded_exercises_in_every_module_1_to_7():
    for nb in NOTEBOOKS[1:8]:
        ex = [q for q in quiz(nb) if isinstance(q, CodeExercise)]
        assert len(ex) >= 2, f"{nb} has {len(ex)} code exercise(s)"
        assert any(p.startswith("Harder") for p in (q.prompt for q in ex)), f"{nb}: no harder second exercise"


# -- predict, then check ------------------------------------------------------------------------

MODULES_1_TO_7 = NOTEBOOKS[1:8]


@pytest.mark.parametrize("nb", MODULES_1_TO_7)
def test_each_module_asks_for_a_prediction_before_its_first_explorer(nb):
    cells = code_cells(nb)
    ask = next(i for i, c in enumerate(cells) if f'kc.prediction("{nb}")' in c)
    explorer = next(i for i, c in enumerate(cells) if "Explorer(" in c)
    reveal = next(i for i, c in enumerate(cells) if ".reveal(" in c)
    assert ask < explorer < reveal, f"{nb}: predict ({ask}) → explorer ({explorer}) → reveal ({reveal})"


def test_prediction_is_saved_revealed_and_reported(course_home):
    from kneecourse.selfcheck.bank import prediction

    p = prediction("03_patellofemoral_load")
    assert not p.reveal().correct and "prediction above first" in p.reveal().feedback
    assert str(p.reveal()).startswith("Make your prediction")
    assert not p.commit("lots").correct and not p.commit(float("nan")).correct
    assert p.commit(2.0).correct and p.saved() == 2.0
    r = p.reveal()
    assert r.correct and str(r).startswith("You predicted 2 ×") and "✓" not in str(r)
    assert f"{p.model_value:.3g}" in r.feedback
    p.commit(2.5)  # a later commit replaces it
    rep = progress_report(show=False)["03_patellofemoral_load"]["predictions"]["pf_30_to_90"]
    assert rep == {"prediction": 2.5, "model": p.model_value, "unit": "×"}
    # a prediction is not a question: it does not change the totals
    assert progress_report(show=False)["03_patellofemoral_load"]["total"] == len(quiz("03_patellofemoral_load"))


def test_prediction_widget_commits(course_home):
    from kneecourse.selfcheck.bank import prediction

    p = prediction("07_training_load")
    p._widget = None
    p.widget()
    assert p._controls["input"].value == ""  # the box starts empty, not at 0
    p._controls["input"].value = "1,5"  # as people type it
    p._controls["commit"].click()
    assert "Saved: 1.5" in p._controls["feedback"].value and p.saved() == 1.5


def test_the_reveal_opens_only_after_predicting_and_exploring(course_home):
    """Run All showed 'make your prediction above first' and the reveal stayed so after the learner
    committed; on a second Run All the model's answer showed before any exploring."""
    from kneecourse.selfcheck.bank import prediction
    from kneecourse.widgets import PatellofemoralExplorer

    p = prediction("03_patellofemoral_load")
    p._widget = None
    ask = p.widget()
    explorer = PatellofemoralExplorer()
    r = p.reveal(explorer)
    r.widget()
    c = r._controls
    model = f"{p.model_value:.3g}"
    assert c["button"].disabled and model not in c["status"].value + c["shown"].value
    assert "Commit your prediction" in c["status"].value
    p._controls["input"].value = "2.2"
    p._controls["commit"].click()  # the reveal updates by itself
    assert c["button"].disabled and "move the explorer" in c["status"].value.lower()
    explorer.set(knee_flexion_deg=explorer.values()["knee_flexion_deg"] + 10)
    assert not c["button"].disabled and model not in c["status"].value + c["shown"].value
    c["button"].click()
    assert "You predicted 2.2" in c["shown"].value and model in c["shown"].value and "Next:" in c["shown"].value
    # a second Run All: the prediction is saved, but the answer waits for the explorer again
    again = p.reveal(PatellofemoralExplorer())
    again.widget()
    assert again._controls["button"].disabled and model not in again._controls["status"].value
    assert "2.2" in again._controls["status"].value
    assert ask is p.widget()


def test_building_a_question_fills_no_global_list():
    import kneecourse.selfcheck.questions as questions

    before = {k: v for k, v in vars(questions).items() if isinstance(v, (dict, list))}
    Numeric("some_notebook", "q1", "?", 1.0, "N", "because")
    after = {k: v for k, v in vars(questions).items() if isinstance(v, (dict, list))}
    assert before == after
    assert "some_notebook" not in progress_report(show=False)
    for nb in NOTEBOOKS[1:]:
        assert len(quiz(nb)) >= 4, f"{nb} needs at least four self-checks"


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_every_question_has_a_right_answer(nb):
    for q in quiz(nb):
        if isinstance(q, MultipleChoice):
            assert q.check(q.answer).correct
        elif isinstance(q, Numeric):
            assert q.check(q.answer).correct
            assert not q.check(q.answer + 10 * q.tolerance + 1).correct
        else:
            assert q.check(q.reference).correct
            assert not q.check(lambda *a: np.nan).correct


def test_every_capstone_number_is_its_module_s_model():
    """Alex landed 31.4 cm ahead of the centre of mass in module 5's pose but 25.6 cm in module 6's step; Jo's
    squat to 45° used 90 N·m, module 2's moment at 60° (65 N·m at 45°). Each runner is now one set of inputs."""
    import kneecourse as kc
    from kneecourse.selfcheck.bank import ALEX, JO, capstone_cases

    c = capstone_cases()
    gait = dict(mass_kg=ALEX["mass_kg"], height_m=ALEX["height_m"], speed_m_s=ALEX["speed_m_s"])
    slow = kc.run_step(step_rate_spm=ALEX["step_rate_spm"], **gait)
    quick = kc.run_step(step_rate_spm=1.1 * ALEX["step_rate_spm"], **gait)
    for key in ("overstride_m", "peak_vgrf_bw", "peak_pf_force_bw", "peak_knee_flexion_deg"):
        assert c["alex_slow"][key] == pytest.approx(slow[key], rel=1e-12)
        assert c["alex_quick"][key] == pytest.approx(quick[key], rel=1e-12)
    # module 5's pose of Alex lands the heel where module 6's step does, before and after the change
    assert c["alex_reach"]["overstride_m"] == pytest.approx(slow["overstride_m"], abs=1e-6)
    assert c["alex_closer"]["overstride_m"] == pytest.approx(quick["overstride_m"], abs=1e-6)
    # Jo: module 2's knee moment for the squat, module 4's facets for that moment
    squat = kc.posture("single_leg_squat", JO["knee_flexion_deg"], mass_kg=JO["mass_kg"], height_m=JO["height_m"])
    assert c["jo_moment_nm"] == pytest.approx(squat.moments["knee"], rel=1e-12)
    assert 60 < c["jo_moment_nm"] < 70  # 65 N·m at 45°, not the 90 N·m of 60°
    t = kc.patellar_tracking(JO["static_q_deg"], 8.0, 8.0, None, JO["knee_flexion_deg"], squat.moments["knee"])
    assert c["jo_lateral_share"] == pytest.approx(t["lateral_share"], rel=1e-12)
    assert c["jo_lateral_mpa"] == pytest.approx(t["lateral_stress_pa"] / 1e6, rel=1e-12)
    assert c["jo_q"] == pytest.approx(kc.effective_q_angle(17.0, 8.0, 8.0, 45.0), rel=1e-12)


def test_the_capstone_explorers_are_preset_to_the_same_runners():
    """The capstone's explorers show the numbers its text prints."""
    from kneecourse.selfcheck.bank import capstone_cases
    from kneecourse.widgets import SpringMassExplorer, TrackingExplorer

    c = capstone_cases()
    alex = SpringMassExplorer().set(**{k: c["alex"][k] for k in ("speed_m_s", "step_rate_spm", "mass_kg")})
    assert alex.state["step"]["peak_pf_force_bw"] == pytest.approx(c["alex_slow"]["peak_pf_force_bw"], rel=1e-4)
    assert alex.state["step"]["overstride_m"] == pytest.approx(c["alex_reach"]["overstride_m"], abs=1e-4)
    jo = TrackingExplorer().set(static_q_deg=17.0, hip_adduction_deg=8.0, hip_internal_rotation_deg=8.0,
                                knee_flexion_deg=45.0, knee_moment_nm=c["jo_moment_nm"])
    assert jo.state["lateral_share"] == pytest.approx(c["jo_lateral_share"], rel=1e-9)


def test_every_wrong_option_says_what_it_misses():
    """Module 3's wrong options got 'That option does not fit what the model shows' where module 0's said why."""
    from kneecourse.selfcheck.questions import MultipleChoice

    for nb in NOTEBOOKS:
        for q in quiz(nb):
            if not isinstance(q, MultipleChoice):
                continue
            for i in range(len(q.options)):
                if i == q.answer:
                    continue
                r = q.check(i)
                assert not r.correct and "does not fit what the model shows" not in r.feedback, (nb, q.id, i)
                assert len(r.feedback) > 20, (nb, q.id, i, r.feedback)
