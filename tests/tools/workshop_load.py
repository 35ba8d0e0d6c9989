"""Simulate a workshop: a local JupyterHub, N learners who open an nbgitpuller link, then run the course.

    python tests/tools/workshop_load.py --learners 40

Needs ``pip install ".[load]"`` (jupyterhub, nbgitpuller) and ``npm install -g configurable-http-proxy``.
Everything listens on 127.0.0.1; the hub uses a dummy authenticator and starts each learner's
JupyterLab server as a local process with a private home under a temporary folder.

Each learner, all at the same time, as on a workshop morning:

1. starts a server (what logging in does);
2. opens the facilitator's **nbgitpuller link** — the link's page, then the pull it starts — which
   clones the course from a local git repository (a bare clone of this checkout's HEAD, or
   ``--repo``) into ``~/kneecourse`` of their own home;
3. runs two course notebooks from that copy at once (modules 3 and 6), a kernel each, cell by cell
   through the server's REST and websocket API, as a browser would;
4. in the module-3 kernel, drags the PF explorer's knee angle as the browser does: the kernel builds
   the control's table of frames once (timed), then hears 40 values (each timed: the model, the
   readout and, for the last, the frame it sends); the browser draws the drag itself from the table
   (the drag benchmark, ``python -m kneecourse bench --browser``, measures that part).

The run is bounded: it stops after ``--timeout`` seconds whatever happens. Prints, per learner, the
pull time, the notebook cells run, peak memory (server + kernels), the p95 slider update and any
error; then the wall time and the totals. ``--json`` for figures.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from kneecourse.cli.local_server import free_port, serve
from kneecourse.course.links import HUB_FOLDER, nbgitpuller_link

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ("03_patellofemoral_load.ipynb", "06_running_as_a_spring.ipynb")
#: where an nbgitpuller link puts the course in a learner's home
TARGET = HUB_FOLDER
SLIDER_STEPS = 40
#: how long a request may wait to connect: a browser waits minutes, tornado's default is 20 s
CONNECT_S = 300
SLIDER_CELL = f"""
import json, time
from IPython.display import display
from kneecourse.widgets import PatellofemoralExplorer
_e = PatellofemoralExplorer()
display(_e)
# what the browser asks of the kernel for a drag: the control's table when the pointer reaches it, then the
# values it draws from that table (every step here, though a browser sends one a second), the last one final
_t0 = time.perf_counter()
_e.frame_table_message("knee_flexion_deg")
_table_ms = 1000 * (time.perf_counter() - _t0)
_ms = []
for _i in range({SLIDER_STEPS}):
    _t0 = time.perf_counter()
    _e._browser_set({{**_e._values_json(), "knee_flexion_deg": float(20 + 4 * (_i % 20))}},
                    final=_i == {SLIDER_STEPS} - 1, tabled=True)
    _ms.append(1000 * (time.perf_counter() - _t0))
print("SLIDER_MS", json.dumps(_ms))
print("TABLE_MS", json.dumps(_table_ms))
"""

def course_repository(work: Path, source: str | None) -> str:
    """A git URL to pull the course from: ``source``, or a bare clone of this checkout's HEAD."""
    if source:
        return source
    bare = work / "course.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(ROOT), str(bare)], check=True)
    return bare.as_uri()


def pull_query(repo: str) -> str:
    """The query of the nbgitpuller link the facilitator shares (``python -m kneecourse links``), for ``repo``."""
    return urllib.parse.urlparse(nbgitpuller_link("http://hub", repository=repo)).query


def percentile(xs, q):
    """The q-th percentile (nearest rank); NaN for no data."""
    xs = sorted(xs)
    if not xs:
        return float("nan")
    return xs[min(len(xs) - 1, max(0, int(round(q / 100 * len(xs) + 0.5)) - 1))]


def hub_config(work: Path, port: int, token: str, server_args=(), classview=False) -> str:
    server_args = list(server_args)
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
        c.Spawner.args = (["--allow-root"] if {os.geteuid() == 0} else []) + {server_args!r}
        c.Spawner.start_timeout = 600
        c.Spawner.http_timeout = 600
        c.JupyterHub.concurrent_spawn_limit = 0
        # a short runtime folder: IPC kernel sockets are files whose paths must stay under ~100 characters
        # (callables: the hub does not expand "{{username}}" in these values)
        c.Spawner.environment = {{
            "KNEECOURSE_HOME": lambda spawner: f"{work}/home/{{spawner.user.name}}/.kneecourse",
            "JUPYTER_RUNTIME_DIR": lambda spawner: f"/tmp/{work.name[-8:]}-{{spawner.user.name}}"}}
        c.JupyterHub.db_url = "sqlite:///{work}/hub.sqlite"
        c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
        c.JupyterHub.pid_file = "{work}/hub.pid"
        c.JupyterHub.services = [{{"name": "workshop-load", "api_token": "{token}"}}]
        c.JupyterHub.load_roles = [{{"name": "workshop-load", "services": ["workshop-load"],
                                     "scopes": ["admin:users", "admin:servers", "access:servers", "tokens"]}}]
        c.JupyterHub.cleanup_servers = True
    """) + ("\n" + classview_recipe(work) if classview else "")


#: the class view's part of the hub configuration, as docs/jupyterhub.md gives it (the recipe is what is run)
CLASSVIEW_RECIPE_START = "# kneecourse class view (docs/jupyterhub.md)"
FACILITATOR = "coach"


def classview_recipe(work: Path) -> str:
    """The recipe's block from docs/jupyterhub.md, with this run's folder for the service."""
    text = (ROOT / "docs" / "jupyterhub.md").read_text()
    block = text[text.index(CLASSVIEW_RECIPE_START):]
    block = block[:block.index("```")]
    folder = work / "classview"
    folder.mkdir(parents=True, exist_ok=True)
    block = re.sub(r'^CLASSVIEW_DIR = .*$', f"CLASSVIEW_DIR = {str(folder)!r}", block, flags=re.M)
    block = re.sub(r'^CLASSVIEW_PORT = .*$', f"CLASSVIEW_PORT = {free_port()}", block, flags=re.M)
    assert f'FACILITATORS = ["{FACILITATOR}"]' in block, "the recipe's facilitator example changed"
    return block


#: what a learner's kernel runs after the notebooks: commit a prediction and answer each choice of the notebook,
#: shared with the class view (on by the hub's default), timing each post
CLASSVIEW_CELL = """
import json, time
from kneecourse.selfcheck import sharing
from kneecourse.selfcheck.bank import predictions, quiz
from kneecourse.selfcheck.questions import MultipleChoice
nb = {nb!r}
print("CLASSVIEW_ON", json.dumps(sharing.sharing()))
ms = []
for p in predictions(nb):
    t0 = time.perf_counter(); sharing.share(nb, p.id, "prediction", {value}, background=False)
    ms.append(1000 * (time.perf_counter() - t0))
for q in quiz(nb):
    if isinstance(q, MultipleChoice):
        t0 = time.perf_counter(); sharing.share(nb, q.id, "choice", {option} % len(q.options), background=False)
        ms.append(1000 * (time.perf_counter() - t0))
print("CLASSVIEW_MS", json.dumps(ms))
print("CLASSVIEW_PENDING", sharing.pending())
"""


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


def service_pids(module: str):
    """Processes running ``python -m <module>`` (the class view service)."""
    pids = []
    for d in Path("/proc").iterdir():
        try:
            if d.name.isdigit() and module.encode() in (d / "cmdline").read_bytes().split(b"\0"):
                pids.append(int(d.name))
        except OSError:
            continue
    return pids


async def read_classview(base: str, token: str, learners) -> dict:
    """As the facilitator: the class view's counts against what the learners posted, and the service's memory."""
    http = AsyncHTTPClient()
    req = HTTPRequest(f"{base}/hub/api/users/{FACILITATOR}/tokens", method="POST",
                      headers={"Authorization": f"token {token}"},
                      body=json.dumps({"scopes": ["custom:kneecourse-classview:facilitate",
                                                  "access:services!service=kneecourse-classview"],
                                       "note": "workshop load test"}))
    facilitator = json.loads((await http.fetch(req)).body)["token"]
    resp = await http.fetch(HTTPRequest(f"{base}/services/kneecourse-classview/api/summary",
                                        headers={"Authorization": f"token {facilitator}"}))
    summary = json.loads(resp.body)
    posted = [q for q in summary["questions"]  # what CLASSVIEW_CELL posts: predictions and choices
              if q["notebook"] in {Path(nb).stem for nb in NOTEBOOKS} and q["kind"] in ("prediction", "choice")]
    done = sum(1 for x in learners if not x.errors)
    every = [ms for x in learners for ms in x.post_ms]
    return {"learners_seen": summary["learners"], "answers": summary["answers"],
            "questions_with_every_learner": sum(q["n"] == done for q in posted), "questions": len(posted),
            "posts": len(every), "post_ms_median": round(percentile(every, 50), 1),
            "post_ms_p95": round(percentile(every, 95), 1), "post_ms_max": round(max(every, default=0.0), 1),
            "left_in_outboxes": sum(x.pending for x in learners),
            "service_pss_mb": round(memory_mb(service_pids("kneecourse.classview"))[1], 1)}


def memory_mb(pids):
    """(RSS, PSS) of the processes, MB. RSS counts every shared page (the Python binary, numpy's and
    matplotlib's libraries) once per process; PSS splits a shared page between the processes that map it,
    so PSS summed over a workshop is the memory the machine really uses."""
    rss = pss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


def available_mb() -> float:
    """The machine's MemAvailable (MB)."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def lowest_available(box, stop):
    """Keep the lowest MemAvailable seen in ``box[0]`` until ``stop`` is set (a sample a second)."""
    while not stop.is_set():
        box[0] = min(box[0], available_mb())
        await asyncio.sleep(1.0)


class Learner:
    def __init__(self, base, token, name, repo, work):
        self.base, self.token, self.name, self.repo, self.folder = base, token, name, repo, work
        self.http = AsyncHTTPClient()
        self.errors, self.peak_mb, self.peak_pss_mb, self.seconds, self.cells = [], 0.0, 0.0, None, 0
        self.pull_s, self.slider_ms, self.table_ms = None, [], float("nan")
        self.classview, self.post_ms, self.pending = False, [], 0

    async def api(self, method, path, body=None, hub=True):
        url = f"{self.base}/hub/api{path}" if hub else f"{self.base}/user/{self.name}/api{path}"
        req = HTTPRequest(url, method=method, headers={"Authorization": f"token {self.token}"},
                          connect_timeout=CONNECT_S,
                          body=None if method in ("GET", "DELETE") else json.dumps(body or {}),
                          request_timeout=600)
        resp = await self.http.fetch(req, raise_error=False)
        if resp.code >= 400:
            raise RuntimeError(f"{method} {url}: HTTP {resp.code} {resp.body[:200]!r}")
        return json.loads(resp.body) if resp.body else None

    async def start(self):
        await self.api("POST", f"/users/{self.name}")
        await self.api("POST", f"/users/{self.name}/server")
        for _ in range(1200):
            info = await self.api("GET", f"/users/{self.name}")
            server = info.get("servers", {}).get("", {})
            if server.get("ready"):
                return
            await asyncio.sleep(0.5)
        raise RuntimeError(f"{self.name}: server not ready after 600 s")

    async def pull(self):
        """Open the nbgitpuller link: its page, then the pull it starts (an event stream)."""
        t0 = time.perf_counter()
        headers = {"Authorization": f"token {self.token}"}
        pull = HTTPRequest(f"{self.base}/user/{self.name}/git-pull?{pull_query(self.repo)}",
                           headers=headers, connect_timeout=CONNECT_S, request_timeout=300)
        page = await self.http.fetch(pull, raise_error=False)
        for _ in range(5):  # the proxy may not route to a server the hub has just called ready: a browser, sent
            if page.code != 404:  # back by the hub, tries again; so does a learner here (counted in pull_s)
                break
            await asyncio.sleep(2)
            page = await self.http.fetch(pull, raise_error=False)
        if page.code != 200:
            raise RuntimeError(f"{self.name}: the nbgitpuller link answered HTTP {page.code}")
        events = []
        resp = await self.http.fetch(HTTPRequest(
            f"{self.base}/user/{self.name}/git-pull/api?{pull_query(self.repo)}", headers=headers,
            connect_timeout=CONNECT_S, request_timeout=600), raise_error=False)
        for line in resp.body.decode().splitlines():
            if line.startswith("data: "):
                events.append(json.loads(line[6:]))
        phases = [e.get("phase") for e in events]
        if "finished" not in phases:
            raise RuntimeError(f"{self.name}: nbgitpuller did not finish: "
                               f"{[e.get('message') for e in events if e.get('phase') == 'error']}")
        if not (self.course / "00_start_here.ipynb").is_file():
            raise RuntimeError(f"{self.name}: the pulled course has no notebooks in {self.course}")
        self.pull_s = time.perf_counter() - t0

    @property
    def course(self) -> Path:
        """The learner's own copy of the notebooks, where the link put them."""
        return self.folder / "home" / self.name / TARGET / "notebooks"

    async def execute(self, ws, session, code, nb_name):
        """Run one cell; returns its printed output."""
        msg_id = uuid.uuid4().hex
        await ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": self.name, "session": session, "msg_type": "execute_request",
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        printed = []
        while True:
            raw = await asyncio.wait_for(ws.read_message(), timeout=600)
            if raw is None:
                raise RuntimeError(f"{self.name}: kernel websocket closed in {nb_name}")
            if not isinstance(raw, str):
                continue
            m = json.loads(raw)
            if m["msg_type"] == "status" and m["content"].get("execution_state") in ("restarting", "dead"):
                raise RuntimeError(f"{self.name}: the kernel of {nb_name} was "
                                   f"{m['content']['execution_state']} while running a cell")
            if m.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "error":
                self.errors.append(f"{nb_name}: {m['content']['ename']}: {m['content']['evalue']}")
            if m["msg_type"] == "stream":
                printed.append(m["content"]["text"])
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                self.cells += 1
                rss, pss = memory_mb(learner_pids(self.name))
                self.peak_mb, self.peak_pss_mb = max(self.peak_mb, rss), max(self.peak_pss_mb, pss)
                return "".join(printed)

    async def run_notebook(self, nb_name):
        cells = [c for c in json.loads((self.course / nb_name).read_text())["cells"] if c["cell_type"] == "code"]
        kernel = await self.api("POST", "/kernels", {"name": "python3"}, hub=False)
        ws_url = f"{self.base.replace('http', 'ws')}/user/{self.name}/api/kernels/{kernel['id']}/channels"
        ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {self.token}"},
                                                 connect_timeout=CONNECT_S, request_timeout=CONNECT_S))
        session = uuid.uuid4().hex
        try:
            # the notebook's own folder is the kernel's working folder, as when the learner opens it
            await self.execute(ws, session, f"import os; os.chdir({str(self.course)!r})", nb_name)
            # each learner's course folder and runtime folder are their own (the hub does not expand
            # "{username}" in Spawner.environment: a template there gives every learner the same folder)
            seen = await self.execute(ws, session, "print(os.environ.get('KNEECOURSE_HOME'), "
                                                   "os.environ.get('JUPYTER_RUNTIME_DIR'))", nb_name)
            if any(self.name not in part for part in seen.split()) or len(seen.split()) != 2:
                self.errors.append(f"the kernel's folders are not this learner's own: {seen.strip()!r}")
            for cell in cells:
                await self.execute(ws, session, "".join(cell["source"]), nb_name)
            if nb_name == NOTEBOOKS[0]:
                out = await self.execute(ws, session, SLIDER_CELL, nb_name)
                for line in out.splitlines():
                    if line.startswith("SLIDER_MS "):
                        self.slider_ms = json.loads(line.split(" ", 1)[1])
                    elif line.startswith("TABLE_MS "):
                        self.table_ms = float(json.loads(line.split(" ", 1)[1]))
                if not self.slider_ms:
                    self.errors.append("the slider timing printed nothing")
            if self.classview:
                k = int(self.name[-2:])
                out = await self.execute(ws, session, CLASSVIEW_CELL.format(
                    nb=Path(nb_name).stem, value=1.5 + 0.25 * (k % 5), option=k), nb_name)
                for line in out.splitlines():
                    key, _, value = line.partition(" ")
                    if key == "CLASSVIEW_ON" and not json.loads(value):
                        self.errors.append("sharing is not on though the hub makes it the default")
                    elif key == "CLASSVIEW_MS":
                        self.post_ms += json.loads(value)
                    elif key == "CLASSVIEW_PENDING":
                        self.pending += int(value)
        finally:
            ws.close()
            await self.api("DELETE", f"/kernels/{kernel['id']}", hub=False)

    async def work(self):
        t0 = time.perf_counter()
        await self.start()
        await self.pull()
        await asyncio.gather(*(self.run_notebook(nb) for nb in NOTEBOOKS))
        self.seconds = time.perf_counter() - t0


#: the lowest MemAvailable (MB) seen during the workshop
LOWEST = [float("inf")]


async def workshop(base, token, n, repo, work, classview=False):
    # one HTTP client serves every learner: let all of them have requests in flight at once
    AsyncHTTPClient.configure(None, max_clients=max(10, 4 * n))
    learners = [Learner(base, token, f"learner{i:02d}", repo, work) for i in range(n)]
    for learner in learners:
        learner.classview = classview
    stop = asyncio.Event()
    sampler = asyncio.ensure_future(lowest_available(LOWEST, stop))
    results = await asyncio.gather(*(learner.work() for learner in learners), return_exceptions=True)
    stop.set()
    await sampler
    for learner, res in zip(learners, results):
        if isinstance(res, Exception):
            learner.errors.append(f"{type(res).__name__}: {res}")
    return learners


@contextlib.contextmanager
def running_hub(work: Path, port: int, config: str):
    """A JupyterHub on 127.0.0.1:``port`` with ``config``, its log in ``work``; yields its base URL, stops it
    (and everything it started) afterwards."""
    (work / "jupyterhub_config.py").write_text(config)
    base = f"http://127.0.0.1:{port}"
    # everything here is in the run's own folder: no need to wait long for the hub to stop
    with serve([sys.executable, "-m", "jupyterhub", "-f", str(work / "jupyterhub_config.py")], dict(os.environ),
               f"{base}/hub/api/", work / "hub.log", "JupyterHub", timeout_s=60, cwd=work, group=True,
               stop_timeout_s=10):
        yield base


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=40, help="learners at once (the README's workshop size: 40)")
    parser.add_argument("--repo", help="git URL of the course to pull (default: a bare clone of this checkout)")
    parser.add_argument("--timeout", type=int, default=1800, help="stop the whole run after this many seconds")
    parser.add_argument("--kernel-transport", choices=("ipc", "tcp"), default="ipc",
                        help="how kernels talk to their server: ipc (Unix sockets, what docs/jupyterhub.md sets up "
                             "for a one-machine hub) or tcp (Jupyter's default: loopback ports)")
    parser.add_argument("--classview", action="store_true",
                        help="run the class view (docs/jupyterhub.md's recipe): every learner's kernel shares its "
                             "answers, the facilitator's counts and the posts' times are reported")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not shutil.which("configurable-http-proxy"):
        print("configurable-http-proxy not found: npm install -g configurable-http-proxy", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="kneecourse-workshop-"))
    port, token = free_port(), secrets.token_hex(16)
    repo = course_repository(work, args.repo)
    config = hub_config(work, port, token, [f"--KernelManager.transport={args.kernel_transport}"], args.classview)
    with running_hub(work, port, config) as base:
        t0 = time.perf_counter()
        before_mb = available_mb()  # the hub and its proxy are running, no learner yet
        learners = asyncio.run(asyncio.wait_for(workshop(base, token, args.learners, repo, work, args.classview),
                                                args.timeout))
        wall = time.perf_counter() - t0
        room = asyncio.run(read_classview(base, token, learners)) if args.classview else None
    rows = [{"learner": x.name, "seconds": round(x.seconds or float("nan"), 1),
             "pull_s": round(x.pull_s or float("nan"), 1), "peak_mb": round(x.peak_mb, 1),
             "peak_pss_mb": round(x.peak_pss_mb, 1),
             "cells_executed": x.cells, "slider_p95_ms": round(percentile(x.slider_ms, 95), 1),
             "slider_median_ms": round(percentile(x.slider_ms, 50), 1), "table_ms": round(x.table_ms, 1),
             "errors": x.errors} for x in learners]
    ok = all(not r["errors"] for r in rows)
    every_step = [ms for x in learners for ms in x.slider_ms]
    summary = {"learners": args.learners, "kernel_transport": args.kernel_transport,
               "notebooks_each": list(NOTEBOOKS), "wall_s": round(wall, 1),
               "all_completed": ok, "failures": sum(bool(r["errors"]) for r in rows),
               "peak_mb_max": max((r["peak_mb"] for r in rows), default=0.0),
               "peak_mb_median": round(percentile([r["peak_mb"] for r in rows], 50), 1),
               "peak_pss_mb_median": round(percentile([r["peak_pss_mb"] for r in rows], 50), 1),
               "peak_pss_mb_max": max((r["peak_pss_mb"] for r in rows), default=0.0),
               # what the machine gave the workshop at its peak, per learner (servers, kernels, the hub's share)
               "machine_mb_per_learner": round((before_mb - LOWEST[0]) / args.learners, 1),
               "pull_s_max": max((r["pull_s"] for r in rows), default=0.0),
               "slider_p95_ms_worst_learner": max((r["slider_p95_ms"] for r in rows), default=0.0),
               "slider_p95_ms_all_steps": round(percentile(every_step, 95), 1),
               "table_ms_max": max((r["table_ms"] for r in rows), default=0.0),
               "rows": rows, "cpus": os.cpu_count()}
    if room is not None:
        summary["classview"] = room
        if room["questions_with_every_learner"] != room["questions"] or room["left_in_outboxes"]:
            ok = summary["all_completed"] = False
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        for r in rows:
            print(f"{r['learner']}: pulled in {r['pull_s']:5.1f} s, "
                  f"{r['cells_executed']} cells in {r['seconds']:6.1f} s, "
                  f"peak {r['peak_mb']:6.1f} MB (server + kernels), slider p95 {r['slider_p95_ms']:6.1f} ms, "
                  f"table {r['table_ms']:6.0f} ms"
                  + (f"  ERRORS: {r['errors']}" if r["errors"] else ""))
        print(f"{args.learners} learners on {os.cpu_count()} cores: wall time {wall:.1f} s, "
              f"failures {summary['failures']}, peak memory per learner: RSS {summary['peak_mb_median']:.0f} MB median"
              f" / {summary['peak_mb_max']:.0f} MB max, PSS {summary['peak_pss_mb_median']:.0f} MB median / "
              f"{summary['peak_pss_mb_max']:.0f} MB max, the machine's {summary['machine_mb_per_learner']:.0f} MB, "
              f"slider update p95 {summary['slider_p95_ms_all_steps']:.1f} ms over all steps "
              f"(worst learner {summary['slider_p95_ms_worst_learner']:.1f} ms)")
        if room is not None:
            print(f"class view: {room['learners_seen']} learners, {room['answers']} answers, "
                  f"{room['questions_with_every_learner']} of {room['questions']} questions counted every learner, "
                  f"post p95 {room['post_ms_p95']:.1f} ms (median {room['post_ms_median']:.1f}, "
                  f"max {room['post_ms_max']:.1f}), {room['left_in_outboxes']} left in outboxes, "
                  f"service PSS {room['service_pss_mb']:.0f} MB")
    for runtime in Path("/tmp").glob(f"{work.name[-8:]}-learner*"):
        shutil.rmtree(runtime, ignore_errors=True)
    if ok:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"logs kept in {work}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
