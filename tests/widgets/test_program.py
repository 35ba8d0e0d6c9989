"""Module 8's program builder (widgets.program): red-flag screen, library, plan, pain diary."""


from kneecourse.widgets import (
    ProgramApp,
)


def test_program_app_flow(course_home, tmp_path):
    a = ProgramApp()
    assert not a.unlocked
    a.answer_screen(swelling=True)
    assert a.continue_() and not a.unlocked and "clinician" in a.screen_msg.value
    a.answer_screen(swelling=False)
    assert a.continue_() == [] and a.unlocked
    before = a.table.value
    a.f_category.value = "mobility"
    assert a.table.value != before
    plan = a.plan.value
    a.b_minutes.value = 240
    assert a.plan.value != plan
    paths = a.export(tmp_path)
    assert paths["html"].read_text().startswith("<!doctype html>") and "Not medical advice" in paths["html"].read_text()
    assert paths["csv"].read_text().splitlines()[0].startswith("session,exercise")
    a.p_during.value, a.p_morning.value = 6, 2
    assert a.record_pain() == "regress"
    assert "regress" in a.p_log.value


def test_exporting_into_a_folder_that_cannot_be_written_says_so_in_the_app(course_home, tmp_path):
    """A read-only (or missing, or file-blocked) folder: a message in the app naming the folder, no exception
    lost in the browser's console."""
    a = ProgramApp()
    blocker = tmp_path / "plans-file"
    blocker.write_text("a file where the folder should be")
    assert a.export(blocker / "plans") is None
    msg = a.export_msg.value
    assert "could not be saved" in msg and "plans-file" in msg and "another folder" in msg
    assert not list(tmp_path.glob("**/*.html"))
