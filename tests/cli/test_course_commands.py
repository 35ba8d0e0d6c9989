"""python -m kneecourse: one command line, every command listed, each working from any folder (cli)."""
import subprocess
import sys

from kneecourse.cli.course_commands import COMMANDS


def test_course_commands_work_from_any_folder(tmp_path):
    """App list, where and the environment check from a folder that is not the repository."""
    for args in (["-m", "kneecourse", "app", "list"], ["-m", "kneecourse", "where"]):
        out = subprocess.run([sys.executable, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
    assert "voila/render/notebooks/apps/" in subprocess.run(
        [sys.executable, "-m", "kneecourse", "app", "list"], cwd=tmp_path, capture_output=True, text=True).stdout


def test_help_lists_every_command_and_each_tool_has_its_own():
    out = subprocess.run([sys.executable, "-m", "kneecourse", "--help"], capture_output=True, text=True, check=True)
    for command in COMMANDS:
        assert f"    {command}" in out.stdout, command
    for command in COMMANDS:
        sub = subprocess.run([sys.executable, "-m", "kneecourse", command, "--help"], capture_output=True, text=True)
        assert sub.returncode == 0 and f"python -m kneecourse {command}" in sub.stdout, (command, sub.stderr)


def test_a_command_the_course_does_not_have_is_named_and_refused():
    """Every command is in one table: a word not in it is refused with the list, never run as another one."""
    out = subprocess.run([sys.executable, "-m", "kneecourse", "chek"], capture_output=True, text=True)
    assert out.returncode == 2 and "invalid choice: 'chek'" in out.stderr, out
    assert "course notebooks" not in out.stdout
