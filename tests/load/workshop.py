"""Simulate a workshop: a local JupyterHub, N learners, each running two course notebooks at once.

    python tests/load/workshop.py --learners 10

Needs ``pip install -e ".[load]"`` (jupyterhub) and ``npm install -g configurable-http-proxy``.
Everything listens on 127.0.0.1; the hub uses a dummy authenticator and starts each learner's
JupyterLab server as a local process with a private home under a temporary folder. Each learner
starts a kernel per notebook and executes its code cells through the server's REST and websocket
API, as a browser would. The run is bounded: it stops after ``--timeout`` seconds whatever happens.
Prints wall time, errors and peak memory (server + kernels) per learner; ``--json`` for figures.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ("03_patellofemoral_load.ipynb", "06_running_as_a_spring.ipynb")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hub_config(work: Path, port: int, token: str) -> str:
    return textwrap.dedent(f"""
        c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
        c.JupyterHub.hub_ip = "127.0.0.1"
        c.JupyterHub.hub_port = {free_port()}
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
        c.JupyterHub.authenticator_class = "dummy"
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = "{work}/home/{{username}}"
        c.Spawner.default_url = "/lab"
        c.Spawner.cmd = ["{sys.executable}", "-m", "jupyterhub.singleuser"]
        c.Spawner.args = ["--allow-root"] if {os.geteuid() == 0} else []
        c.Spawner.start_timeout = 120
        c.Spawner.http_timeout = 120
        c.Spawner.environment = {{"KNEECOURSE_HOME": "{work}/home/{{username}}/.kneecourse"}}
        c.JupyterHub.db_url = "sqlite:///{work}/hub.sqlite"
        c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
        c.JupyterHub.pid_file = "{work}/hub.pid"
        c.JupyterHub.services = [{{"name": "workshop-load", "api_token": "{token}"}}]
        c.JupyterHub.load_roles = [{{"name": "workshop-load", "services": ["workshop-load"],
                                     "scopes": ["admin:users", "admin:servers", "access:servers"]}}]
        c.JupyterHub.cleanup_servers = True
    """)


def learner_pids(name: str):
    """Processes started for one learner (their environment names them)."""
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            env = (d / "environ").read_bytes()
        except OSError:
            continue
        if f"JUPYTERHUB_USER={name}".encode() in env.split(b"\0"):
            pids.append(int(d.name))
    return pids


def rss_mb(pids):
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class Learner:
    def __init__(self, base, token, name):
        self.base, self.token, self.name = base, token, name
        self.http = AsyncHTTPClient()
        self.errors, self.peak_mb, self.seconds, self.cells = [], 0.0, None, 0

    async def api(self, method, path, body=None, hub=True):
        url = f"{self.base}/hub/api{path}" if hub else f"{self.base}/user/{self.name}/api{path}"
        req = HTTPRequest(url, method=method, headers={"Authorization": f"token {self.token}"},
                          body=None if method in ("GET", "DELETE") else json.dumps(body or {}),
                          request_timeout=120)
        resp = await self.http.fetch(req, raise_error=False)
        if resp.code >= 400:
            raise RuntimeError(f"{method} {url}: HTTP {resp.code} {resp.body[:200]!r}")
        return json.loads(resp.body) if resp.body else None

    async def start(self):
        await self.api("POST", f"/users/{self.name}")
        await self.api("POST", f"/users/{self.name}/server")
        for _ in range(240):
            info = await self.api("GET", f"/users/{self.name}")
            server = info.get("servers", {}).get("", {})
            if server.get("ready"):
                return
            await asyncio.sleep(0.5)
        raise RuntimeError(f"{self.name}: server not ready after 120 s")

    async def run_notebook(self, nb_name):
        cells = [c for c in json.loads((ROOT / "notebooks" / nb_name).read_text())["cells"] if c["cell_type"] == "code"]
        kernel = await self.api("POST", "/kernels", {"name": "python3"}, hub=False)
        ws_url = f"{self.base.replace('http', 'ws')}/user/{self.name}/api/kernels/{kernel['id']}/channels"
        ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {self.token}"}))
        session = uuid.uuid4().hex
        try:
            # notebooks open relative links and data from the course folder
            cells.insert(0, {"source": f"import os; os.chdir({str(ROOT / 'notebooks')!r})"})
            for cell in cells:
                src = "".join(cell["source"])
                msg_id = uuid.uuid4().hex
                await ws.write_message(json.dumps({
                    "header": {"msg_id": msg_id, "username": self.name, "session": session, "msg_type": "execute_request",
                               "version": "5.3", "date": ""},
                    "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                    "content": {"code": src, "silent": False, "store_history": True, "user_expressions": {},
                                "allow_stdin": False, "stop_on_error": True},
                }))
                done = False
                while not done:
                    raw = await asyncio.wait_for(ws.read_message(), timeout=300)
                    if raw is None:
                        raise RuntimeError(f"{self.name}: kernel websocket closed in {nb_name}")
                    if not isinstance(raw, str):
                        continue
                    m = json.loads(raw)
                    if m.get("parent_header", {}).get("msg_id") != msg_id:
                        continue
                    if m["msg_type"] == "error":
                        self.errors.append(f"{nb_name}: {m['content']['ename']}: {m['content']['evalue']}")
                    if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                        done = True
                        self.cells += 1
                self.peak_mb = max(self.peak_mb, rss_mb(learner_pids(self.name)))
        finally:
            ws.close()
            await self.api("DELETE", f"/kernels/{kernel['id']}", hub=False)

    async def work(self):
        t0 = time.perf_counter()
        await self.start()
        await asyncio.gather(*(self.run_notebook(nb) for nb in NOTEBOOKS))
        self.seconds = time.perf_counter() - t0


async def workshop(base, token, n):
    learners = [Learner(base, token, f"learner{i:02d}") for i in range(n)]
    results = await asyncio.gather(*(learner.work() for learner in learners), return_exceptions=True)
    for learner, res in zip(learners, results):
        if isinstance(res, Exception):
            learner.errors.append(f"{type(res).__name__}: {res}")
    return learners


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10)
    parser.add_argument("--timeout", type=int, default=900, help="stop the whole run after this many seconds")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not shutil.which("configurable-http-proxy"):
        print("configurable-http-proxy not found: npm install -g configurable-http-proxy", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="kneecourse-workshop-"))
    port, token = free_port(), secrets.token_hex(16)
    (work / "jupyterhub_config.py").write_text(hub_config(work, port, token))
    log = open(work / "hub.log", "w")
    hub = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(work / "jupyterhub_config.py")],
                           cwd=work, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                import urllib.request

                with urllib.request.urlopen(f"{base}/hub/api/", timeout=2):
                    break
            except OSError:
                if hub.poll() is not None:
                    raise RuntimeError((work / "hub.log").read_text()[-3000:])
                time.sleep(0.5)
        t0 = time.perf_counter()
        learners = asyncio.run(asyncio.wait_for(workshop(base, token, args.learners), args.timeout))
        wall = time.perf_counter() - t0
    finally:
        os.killpg(hub.pid, signal.SIGTERM)
        try:
            hub.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
        log.close()
    rows = [{"learner": x.name, "seconds": round(x.seconds or float("nan"), 1), "peak_mb": round(x.peak_mb, 1),
             "cells_executed": x.cells, "errors": x.errors} for x in learners]
    ok = all(not r["errors"] for r in rows)
    summary = {"learners": args.learners, "notebooks_each": list(NOTEBOOKS), "wall_s": round(wall, 1),
               "all_completed": ok, "rows": rows, "cpus": os.cpu_count()}
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        for r in rows:
            print(f"{r['learner']}: {r['cells_executed']} cells in {r['seconds']:6.1f} s, "
                  f"peak {r['peak_mb']:6.1f} MB (server + kernels)"
                  + (f"  ERRORS: {r['errors']}" if r["errors"] else ""))
        print(f"{args.learners} learners, wall time {wall:.1f} s, all completed without error: {ok}")
    if ok:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"logs kept in {work}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
