"""Helpers for the orchestration tests: small French articles, and one real Prefect server per session."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT

PREFECT = Path(sys.executable).parent / "prefect"
# No telemetry, patient start-up on 2 cores, short polling (../shared/PREFECT-NOTES.md); the UI on, as
# `make server` serves it (tests/test_deployment.py checks that it answers).
PREFECT_TEST_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_UI_ENABLED": "true",
    "PREFECT_WORKER_QUERY_SECONDS": "2",
    # The 06:00 runs of build-timeline/scheduled must never reach a test's `worker --run-once`.
    "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
    "DASK_LOGGING__DISTRIBUTED": "warning",
}
STARTUP_SECONDS = 120.0

ARTICLES = {
    "lyon": ("2022-09-10", "Le maire de Lyon a inauguré samedi le nouveau pont sur le Rhône."),
    "marseille": ("2022-09-12", "Jeudi dernier, les pompiers sont intervenus à Marseille après un incendie."),
    "budget": ("2022-10-03", "Le gouvernement présentera mercredi son projet de budget à Paris."),
    "donges": ("2022-11-20", "La grève a commencé lundi à la raffinerie de Donges, près de Nantes."),
    "proces": ("2022-12-01", "Le tribunal de Paris a condamné hier l'ancien ministre à deux ans de prison."),
}


# The public files of an output folder, in the writers' order (the state file aside): written out here, not
# read from ``outputs.WRITERS``, so that a writer lost or renamed fails the tests that use it.
OUTPUT_FILES = (
    "timeline.parquet",
    "timeline.md",
    "story.parquet",
    "story.md",
    "rejected.md",
    "articles.parquet",
    "timeline.html",
    "timeline.json",
)


def write_article(folder: Path, article_id: str, published: str, text: str) -> None:
    """``<id>.txt`` + ``<id>.meta.json`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{article_id}.txt").write_text(text + "\n", encoding="utf-8")
    meta = {"id": article_id, "published": published, "title": article_id.capitalize()}
    (folder / f"{article_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def write_articles(folder: Path, names: tuple[str, ...] = tuple(ARTICLES)) -> Path:
    """A folder with the named test articles; returns it."""
    for name in names:
        write_article(folder, name, *ARTICLES[name])
    return folder


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of ``folder`` (hidden ones included): its bytes and modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class PrefectServer:
    """A ``prefect server start`` this test session started, and the environment that reaches it."""

    api_url: str
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    log: Path

    def cli(self, *args: str, timeout: float = 180) -> str:
        """Run the ``prefect`` command against this server from the repository's root; its output."""
        done = subprocess.run(
            [str(PREFECT), *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout + done.stderr

    def get(self, path: str) -> Any:
        """GET ``path`` of the REST API, as JSON."""
        response = httpx.get(f"{self.api_url}{path}", timeout=30)
        response.raise_for_status()
        return response.json()

    def stop(self) -> None:
        """Stop the server and whatever it started (its own process group)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)


def _wait_healthy(server: PrefectServer) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{server.api_url}/health", timeout=5).status_code == 200:
                return
        time.sleep(0.5)
    server.stop()
    raise AssertionError(f"the Prefect server did not answer at {server.api_url}:\n{server.log.read_text()}")


def start_server(home: Path) -> PrefectServer:
    """``prefect server start`` on a free 127.0.0.1 port with its own PREFECT_HOME; returns once healthy."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PREFECT_", "CHRONIQUE_"))}
    # PWD: prefect.yaml's pull step is `{{ $PWD }}`, resolved when the tests deploy from the repository
    env |= PREFECT_TEST_ENV | {"PREFECT_HOME": str(home), "PREFECT_API_URL": api_url, "PWD": str(ROOT)}
    home.mkdir(parents=True, exist_ok=True)
    log = home / "server.log"
    with log.open("wb") as handle:
        process = subprocess.Popen(
            [str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends everything it started
        )
    server = PrefectServer(api_url=api_url, env=env, process=process, log=log)
    _wait_healthy(server)
    return server


_SERVER = pytest.StashKey[PrefectServer]()


@pytest.fixture(scope="session")
def prefect_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> PrefectServer:
    """One real server for the whole session, however many test modules ask for it; stopped at the end.

    Kept in the config's stash because each module that imports this fixture gets its own copy of it.
    """
    stash = request.config.stash
    if _SERVER not in stash:
        server = start_server(tmp_path_factory.mktemp("prefect-home"))
        request.config.add_cleanup(server.stop)
        stash[_SERVER] = server
    return stash[_SERVER]
