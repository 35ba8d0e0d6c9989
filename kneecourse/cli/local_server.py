"""A server process on 127.0.0.1 for the benchmarks and the browser tests: start it, wait until it answers, stop it."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "free_port", "serve"]

#: Debian's Chromium, headless, with nothing that calls home
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(cmd, env, ready_url, log_path, what, timeout_s=90, cwd=None, group=False, stop_timeout_s=20):
    """Start a server process, wait until ``ready_url`` answers 200, stop it afterwards.

    Parameters
    ----------
    cmd : list of str
    env : dict
    ready_url : str
        A URL on 127.0.0.1 that answers 200 once the server is ready.
    log_path : path
        Where the server's output goes (its tail is in the error when it exits early).
    what : str
        The server's name, for errors.
    timeout_s : float, optional
        How long to wait for it (s).
    group : bool, optional
        Run it in a process group of its own and stop the whole group (a hub and the proxy and servers it
        starts); POSIX only.
    stop_timeout_s : float, optional
        How long it may take to stop before it is killed (s).
    """
    log = open(log_path, "w")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=cwd, start_new_session=group)
    try:
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited early; log:\n{Path(log_path).read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(ready_url, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"{what} did not answer within {timeout_s} s")
        yield proc
    finally:
        stop = (lambda sig: os.killpg(proc.pid, sig)) if group else (lambda sig: proc.send_signal(sig))
        stop(signal.SIGTERM)
        try:
            proc.wait(timeout=stop_timeout_s)
        except subprocess.TimeoutExpired:
            stop(signal.SIGKILL)
        log.close()
