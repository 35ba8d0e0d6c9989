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
