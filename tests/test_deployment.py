"""The deployments of prefect.yaml on a real Prefect server, run by a `process` worker as ``make serve`` does.

Deterministic: ``prefect worker start --run-once`` runs what is queued, then exits.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from chronique.model import Options
from chronique.outputs import WRITERS
from chronique.pipeline import run
from tests.conftest import ROOT
from tests.orchestration import PrefectServer, prefect_server, snapshot

__all__ = ["prefect_server"]  # the shared session fixture

pytestmark = pytest.mark.slow

POOL = "chronique"  # prefect.yaml's work pool
SEEDS = ROOT / "seeds"


def run_on_demand(server: PrefectServer, input_dir: Path, output_dir: Path) -> str:
    """Trigger build-timeline/on-demand, let a worker run it, return the flow run's final state type."""
    said = server.cli(
        "deployment",
        "run",
        "build-timeline/on-demand",
        "-p",
        f"input_dir={input_dir}",
        "-p",
        f"output_dir={output_dir}",
    )
    found = re.search(r"UUID: ([0-9a-f-]{36})", said)
    assert found, said
    server.cli("worker", "start", "--pool", POOL, "--run-once")
    state_type: str = server.get(f"/flow_runs/{found.group(1)}")["state"]["type"]
    if state_type != "COMPLETED":
        logs = httpx.post(
            f"{server.api_url}/logs/filter",
            json={"logs": {"flow_run_id": {"any_": [found.group(1)]}}},
            timeout=30,
        ).json()
        pytest.fail(f"the flow run ended {state_type}:\n" + "\n".join(log["message"] for log in logs))
    return found.group(1)


def test_deployments_register_and_on_demand_runs_are_incremental(
    prefect_server: PrefectServer, tmp_path: Path
) -> None:
    server = prefect_server
    server.cli("work-pool", "create", POOL, "--type", "process", "--overwrite")
    server.cli("--no-prompt", "deploy", "--all")

    scheduled = server.get("/deployments/name/build-timeline/scheduled")
    [schedule] = scheduled["schedules"]
    assert (schedule["schedule"]["cron"], schedule["schedule"]["timezone"]) == ("0 6 * * *", "Europe/Paris")
    assert schedule["active"]
    assert scheduled["parameters"] == {"input_dir": "inbox", "output_dir": "output/inbox"}
    assert server.get("/deployments/name/build-timeline/on-demand")["schedules"] == []

    output = tmp_path / "out"
    flow_run = run_on_demand(server, SEEDS, output)
    run(SEEDS, tmp_path / "expected", Options())
    for name in WRITERS:  # every output file, the state included
        assert (output / name).read_bytes() == (tmp_path / "expected" / name).read_bytes(), name
    artifacts = httpx.post(
        f"{server.api_url}/artifacts/filter",
        json={"artifacts": {"flow_run_id": {"any_": [flow_run]}}},
        timeout=30,
    ).json()
    assert {(a["key"], a["type"]) for a in artifacts} == {
        ("timeline-out", "markdown"),
        ("articles-out", "table"),
    }

    before = snapshot(output)
    run_on_demand(server, SEEDS, output)
    assert snapshot(output) == before


def test_the_ui_answers(prefect_server: PrefectServer) -> None:
    """`make server` serves the UI (the prefect wheel ships it): its index and its settings answer."""
    root = prefect_server.api_url.removesuffix("/api")
    index = httpx.get(f"{root}/", timeout=30, follow_redirects=True)
    assert index.status_code == 200
    assert index.headers["content-type"].startswith("text/html")
    assert "<title>Prefect" in index.text or "Prefect" in index.text
    settings = httpx.get(f"{root}/ui-settings", timeout=30)
    assert settings.status_code == 200
    assert settings.json()["api_url"].endswith("/api")
