"""The printed plan: written whole or not at all (io.plan_export)."""

from ..conftest import killed_mid_write


def _export_writer(folder, n):
    from kneecourse.dataio.plan_export import export_plan
    from kneecourse.models.program import build_program

    prog = build_program("pfp_rehab", 300, ("none", "step", "wall", "band"), 6)
    for _ in range(n):
        export_plan(prog, folder)


def test_exported_plan_survives_a_kill_mid_write(tmp_path):
    from kneecourse.dataio.plan_export import export_plan
    from kneecourse.models.program import build_program

    export_plan(build_program(), tmp_path)
    for _ in killed_mid_write(_export_writer, (tmp_path, 10_000), (0.02, 0.05, 0.11)):
        html = (tmp_path / "knee_program.html").read_text()
        assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
        lines = (tmp_path / "knee_program.csv").read_text().splitlines()
        assert lines[0].startswith("session,exercise") and len(lines) > 2
