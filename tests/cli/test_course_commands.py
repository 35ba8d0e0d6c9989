"""python -m kneecourse: the commands work from any folder (cli)."""



def test_course_commands_work_from_any_folder(tmp_path):
    """App list, where and the environment check from a folder that is not the repository."""
    import subprocess
    import sys

    for args in (["-m", "kneecourse", "app", "list"], ["-m", "kneecourse", "where"]):
        out = subprocess.run([sys.executable, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
    assert "voila/render/notebooks/apps/" in subprocess.run(
        [sys.executable, "-m", "kneecourse", "app", "list"], cwd=tmp_path, capture_output=True, text=True).stdout
