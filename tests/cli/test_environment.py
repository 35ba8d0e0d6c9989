"""The environment check (cli.environment)."""



def test_environment_check_reads_extension_paths_from_jupyter_core(monkeypatch, tmp_path):
    from kneecourse.cli import environment

    ext = tmp_path / "labextensions" / "jupyter-matplotlib"
    ext.mkdir(parents=True)
    (ext / "package.json").write_text("{}")
    import jupyter_core.paths

    monkeypatch.setattr(jupyter_core.paths, "jupyter_path", lambda *sub: [str(tmp_path / sub[0])] if sub else [])
    assert environment._labextension_present("jupyter-matplotlib")
    assert not environment._labextension_present("@jupyter-widgets/jupyterlab-manager")


def test_the_check_finds_the_settings_without_importing_jupyterlab(tmp_path):
    """Importing JupyterLab to find its folder cost module 00 seconds; the check reads Jupyter's paths instead."""
    import subprocess
    import sys

    code = ("import sys; from kneecourse.cli.environment import check_environment, course_settings_file; "
            "check_environment(show=False); print('jupyterlab' in sys.modules); print(course_settings_file())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=tmp_path).stdout.split("\n")
    assert out[0] == "False"
    assert out[1].endswith("settings/overrides.d/kneecourse.json")


def test_the_notebooks_line_names_the_notebooks_being_run(tmp_path, monkeypatch):
    """From a learner's own copy the check named the copy inside site-packages, not the notebooks being run."""
    from kneecourse.cli import main as course_main
    from kneecourse.cli.environment import check_environment
    from kneecourse.course.files import notebooks_folder

    assert course_main(["copy", str(tmp_path)]) == 0
    monkeypatch.chdir(tmp_path / "notebooks")  # a notebook's kernel runs in the notebook's folder
    row = next(r for r in check_environment(show=False) if r["item"] == "course notebooks")
    assert row["ok"] and row["found"].startswith(str((tmp_path / "notebooks").resolve()))
    monkeypatch.chdir(tmp_path)
    row = next(r for r in check_environment(show=False) if r["item"] == "course notebooks")
    assert row["found"].startswith(str(notebooks_folder())) and "installed copy" in row["found"]
