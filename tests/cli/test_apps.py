"""App pages: one notebook per explorer, the app command (cli.apps)."""
import pytest

from kneecourse.cli.apps import APPS, main, main_app_notebooks, voila_command, write_app_notebooks
from kneecourse.course.explorers import EXPLORERS
from kneecourse.course.files import apps_folder


def test_every_app_notebook_exists_and_uses_projector_style():
    for name, app in APPS.items():
        text = (apps_folder() / app.notebook).read_text()
        assert "kc.style(projector=True)" in text and f"{app.cls}()" in text, name
    assert sorted(p.name for p in apps_folder().glob("*.ipynb")) == sorted(a.notebook for a in APPS.values())


def test_app_notebooks_are_written_from_the_list_of_explorers(tmp_path):
    # the committed app notebooks are exactly what the list of explorers gives
    assert write_app_notebooks(apps_folder(), check=True) == []
    assert main_app_notebooks(["--check"]) == 0
    # a new explorer in the list means a new app notebook; a stray one is reported
    assert len(write_app_notebooks(tmp_path)) == len(EXPLORERS)
    assert write_app_notebooks(tmp_path, check=True) == []
    (tmp_path / "app_gone.ipynb").write_text("{}")
    (tmp_path / EXPLORERS[0].notebook).write_text("{}")
    assert write_app_notebooks(tmp_path, check=True) == [EXPLORERS[0].notebook, "app_gone.ipynb"]


def test_app_command(capsys):
    cmd = voila_command("squat", 9000)
    assert "--Voila.ip=127.0.0.1" in cmd and "--port=9000" in cmd
    assert any(c.endswith("app_squat.ipynb") for c in cmd)
    with pytest.raises(ValueError, match="unknown app"):
        voila_command("nope")
    assert main(["list"]) == 0
    assert "squat" in capsys.readouterr().out


def test_the_app_server_needs_the_token_it_prints(tmp_path):
    """A page on another site (DNS rebinding: any Host header) must not reach the app or its kernel; the link the
    command prints (with its token) does."""
    import os
    import re
    import subprocess
    import sys
    import time
    import urllib.parse

    from kneecourse.cli.local_server import free_port

    port = free_port()
    env = dict(os.environ, KNEECOURSE_HOME=str(tmp_path), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    proc = subprocess.Popen([sys.executable, "-m", "kneecourse", "app", "lever", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        link = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", line)
        assert link, line
        base = f"http://127.0.0.1:{port}"

        def status(url, host=None):
            """The answer's status, a redirect to the login page counted as refused (no redirect followed)."""
            import http.client

            parts = urllib.parse.urlsplit(url)
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                         headers={"Host": host or parts.netloc})
            r = conn.getresponse()
            refused = r.status in (301, 302, 303) and "login" in (r.getheader("Location") or "")
            conn.close()
            return 403 if refused else r.status

        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                first = status(f"{base}/api/kernels", host=f"evil.example:{port}")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the app server did not start")
        assert first in (401, 403)
        assert status(f"{base}/", host=f"evil.example:{port}") in (401, 403)
        assert status(link.group(0)) == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
