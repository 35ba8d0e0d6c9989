"""Contributor habits hold: lint clean, notebooks stripped as the hook strips them, tests mirror the package,
timing checks marked, the citation and project links agree with the code."""
import ast
import re
import shutil
import subprocess
import sys

import pytest
import tomllib

import kneecourse as kc

from .conftest import NOTEBOOKS, ROOT

TOOLS = ROOT / "tests" / "tools"


def test_ruff_is_clean():
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_notebooks_are_committed_as_the_hook_strips_them():
    sys.path.insert(0, str(TOOLS))
    try:
        from strip_notebooks import stripped_texts
    finally:
        sys.path.remove(str(TOOLS))
    paths = sorted(NOTEBOOKS.rglob("*.ipynb"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    for path, text, stripped in zip(paths, texts, stripped_texts(texts)):
        assert stripped == text, f"{path.name}: run tests/tools/strip_notebooks.py (the pre-commit hook)"


@pytest.mark.slow
def test_refreshing_reference_outputs_reproduces_the_committed_notebook(tmp_path):
    # the committed reference outputs are what the models print today
    nb = tmp_path / "notebooks" / "01_knee_is_not_a_hinge.ipynb"
    shutil.copytree(NOTEBOOKS, tmp_path / "notebooks")
    subprocess.run([sys.executable, str(TOOLS / "refresh_reference_outputs.py"), str(nb)], check=True,
                   capture_output=True)
    assert nb.read_text(encoding="utf-8") == (NOTEBOOKS / nb.name).read_text(encoding="utf-8")


def test_pre_commit_runs_ruff_and_the_course_notebook_strip():
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    for hook in ("id: ruff", "id: strip-notebooks", "tests/tools/strip_notebooks.py", "id: app-notebooks"):
        assert hook in config, hook
    out = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_tests_mirror_the_package():
    # every module of the layers with their own tests has tests/<layer>/test_<module>.py
    missing = []
    for layer in ("models", "dataio", "selfcheck", "course", "views", "widgets"):
        for module in sorted((ROOT / "kneecourse" / layer).glob("*.py")):
            if module.name.startswith("_") or module.stem in ("pchip",):  # pchip: tested through its two curves
                continue
            if not (ROOT / "tests" / layer / f"test_{module.stem}.py").is_file():
                missing.append(f"kneecourse/{layer}/{module.name}")
    for module in ("units", "validation", "safety", "runner"):
        if not (ROOT / "tests" / f"test_{module}.py").is_file():
            missing.append(f"kneecourse/{module}.py")
    assert not missing, "modules without a test file of their own: " + ", ".join(missing)


def _uses_a_clock(fn: ast.FunctionDef) -> bool:
    names = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name)} | {
        n.attr for n in ast.walk(fn) if isinstance(n, ast.Attribute)}
    return bool(names & {"seconds_per_call", "perf_counter", "TARGETS"}) or any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.endswith("_ms") for n in ast.walk(fn))


def test_timing_checks_are_marked_perf():
    unmarked = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_marks = any(isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "pytestmark" for t in n.targets)
                           and "perf" in ast.dump(n) for n in tree.body)
        for fn in (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")):
            asserts_time = any(isinstance(n, ast.Assert) and _uses_a_clock(fn) for n in ast.walk(fn))
            marked = module_marks or any("perf" in ast.dump(d) for d in fn.decorator_list)
            if asserts_time and not marked and path.parent.name != "browser" and path.name != "test_contributing.py":
                unmarked.append(f"{path.relative_to(ROOT)}::{fn.name}")
    assert not unmarked, "timing checks without @pytest.mark.perf: " + ", ".join(unmarked)


def test_readme_test_command_runs_everything():
    readme = (ROOT / "README.md").read_text()
    (command,) = re.findall(r"^\.venv/bin/python -m pip install \"\.\[test\]\" && .*pytest.*$", readme, re.M)
    assert command.endswith("-m pytest"), f"the README's test command must run every test: {command}"
    addopts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["addopts"]
    assert "-m " not in addopts, "no marker is deselected by default"


def test_citation_and_project_links_agree_with_the_code():
    import yaml

    from kneecourse.course.links import COURSE_REPOSITORY, binder_link

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0" and cff["title"] and cff["authors"] and cff["message"]
    # the version is written once (kneecourse.__version__): the build reads it there, the citation leaves it out
    assert "version" not in cff and "version" not in project and "version" in project["dynamic"]
    versions = [p for p in ROOT.glob("*.*") if p.is_file() and kc.__version__ in p.read_text(errors="replace")]
    assert versions == [], f"the version {kc.__version__} is written again in {versions}"
    from importlib.metadata import version

    assert version("kneecourse") == kc.__version__
    assert cff["repository-code"] == project["urls"]["Source"] == COURSE_REPOSITORY
    assert project["urls"]["Run on Binder"] == binder_link()
    for name in ("CONTRIBUTING.md", "CITATION.cff"):
        assert project["urls"][name.split(".")[0].title()].endswith(f"/blob/main/{name}")
        assert (ROOT / name).is_file()


def test_contributing_states_the_layer_rule_the_tests_hold():
    from .test_package import ALLOWED

    text = (ROOT / "CONTRIBUTING.md").read_text()
    for layer in ALLOWED:
        assert layer in text, f"CONTRIBUTING.md does not place {layer}"
    for phrase in ("one model call", "python -m kneecourse app-notebooks", "refresh_reference_outputs.py",
                   "pre-commit install", "-m \"not browser and not slow and not perf\""):
        assert phrase in text, phrase


def test_a_ci_workflow_runs_the_ci_script_a_fresh_machine_runs():
    """Contributors to a public repository expect a workflow file; it runs .ci/run, which runs the README's
    test command, so the two cannot drift apart."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert "bash .ci/run" in steps, steps
    assert all(job.get("timeout-minutes", 360) <= 30 for job in workflow["jobs"].values())
    assert "README" in (ROOT / ".ci" / "run").read_text() and '.venv/bin/python -m pip install ".[test]"' in (
        ROOT / ".ci" / "run").read_text()


def test_the_commit_message_hook_holds_the_subject_to_72_characters():
    import importlib.util

    spec = importlib.util.spec_from_file_location("check", ROOT / "tests" / "tools" / "check_commit_message.py")
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    assert check.problems("Spring step reports its preferred rate\n\nThe body says why.\n") == []
    assert "73 characters" in check.problems("x" * 73)[0]
    assert "blank line" in check.problems("A subject\nand a body glued on")[0]
    assert check.problems("# only a comment\n") == ["the message is empty"]
    assert "id: commit-message" in (ROOT / ".pre-commit-config.yaml").read_text()
