"""A class view service on a loopback port, with a stand-in for the hub's authentication (the real hub is in
tests/delivery/test_classview_hub.py): ``Authorization: token NAME`` is learner NAME, ``token NAME:facilitator``
a facilitator, ``token NAME:admin`` a hub admin."""
import asyncio
import threading

import pytest

from kneecourse.classview.service import FACILITATE_SCOPE, SERVICE_NAME, make_app
from kneecourse.cli.local_server import free_port

PREFIX = f"/services/{SERVICE_NAME}/"


class StandInHubAuth:
    def get_current_user(self):
        header = self.request.headers.get("Authorization", "")
        if not header.startswith("token ") or not header[6:]:
            return None
        name, _, role = header[6:].partition(":")
        return {"name": name, "admin": role == "admin",
                "scopes": [FACILITATE_SCOPE] if role == "facilitator" else [f"access:services!service={SERVICE_NAME}"]}


class Service:
    """The service in a thread of its own; ``stop()`` and ``start()`` again as a restart (same folder)."""

    def __init__(self, folder):
        self.folder, self.port = folder, free_port()
        self.url = f"http://127.0.0.1:{self.port}{PREFIX}"
        self._thread = None

    def start(self):
        ready = threading.Event()

        def run():
            async def serve():
                self.app = make_app(self.folder, PREFIX, "test-workshop", auth_mixin=StandInHubAuth)
                self._server = self.app.listen(self.port, "127.0.0.1")
                self._stop = asyncio.Event()
                ready.set()
                await self._stop.wait()
                self._server.stop()
                self.app.settings["answers"].close()

            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(serve())
            self._loop.close()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        assert ready.wait(10)
        return self

    def stop(self):
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)


@pytest.fixture
def service(tmp_path):
    s = Service(tmp_path / "service").start()
    yield s
    s.stop()
