"""The ``build-timeline`` flow in ephemeral mode (``prefect_test_harness``): the CLI's outputs, artifacts,
and a second run that changes nothing."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
from prefect.client.schemas.objects import TaskRun
from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.testing.utilities import prefect_test_harness
from prefect_dask.task_runners import DaskTaskRunner
from typer.testing import CliRunner

from chronique.cli import app
from chronique.model import Options
from flows.build_timeline import (
    DASK_ADDRESS_VARIABLE,
    _may_pass,
    artifact_key,
    build_timeline,
    start_ephemeral_server,
    task_runner,
    write_run,
)
from tests.conftest import ROOT
from tests.orchestration import OUTPUT_FILES, snapshot

pytestmark = pytest.mark.slow

SEEDS = ROOT / "seeds"
OUTPUTS = OUTPUT_FILES


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A temporary Prefect database and PREFECT_HOME for this module's flow runs."""
    home = tmp_path_factory.mktemp("prefect-home")
    with temporary_settings({PREFECT_HOME: home}), prefect_test_harness(server_startup_timeout=None):
        yield


def artifacts_of(flow_run_id: UUID | None) -> dict[str, tuple[str, str]]:
    """Key → (type, data) of a flow run's artifacts."""
    assert flow_run_id is not None
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
        )
    return {str(a.key): (str(a.type), str(a.data)) for a in found}


def test_flow_writes_what_chronique_run_writes_publishes_artifacts_and_is_idempotent(
    harness: None, tmp_path: Path
) -> None:
    cli = CliRunner().invoke(app, ["run", str(SEEDS), str(tmp_path / "cli")])
    assert cli.exit_code == 0, cli.output

    state = build_timeline(str(SEEDS), str(tmp_path / "flow"), return_state=True)
    assert state.is_completed()
    for name in OUTPUTS:
        assert (tmp_path / "flow" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name

    artifacts = artifacts_of(state.state_details.flow_run_id)
    assert set(artifacts) == {artifact_key("timeline", "flow"), artifact_key("articles", "flow")}
    kind, markdown = artifacts["timeline-flow"]
    assert kind == "markdown"
    page = (tmp_path / "flow" / "timeline.html").resolve()
    link, key_dates = markdown.split("\n\n", 1)
    assert link == f"**[Ouvrir la chronologie : timeline.html]({page.as_uri()})** — `{page}`"
    # the key dates: story.md's text, exactly
    assert key_dates == (tmp_path / "flow" / "story.md").read_text(encoding="utf-8")
    assert key_dates.startswith("# Chronologie : les dates clés")
    kind, table = artifacts["articles-flow"]
    assert kind == "table"
    rows = json.loads(table)
    assert [(row["article"], row["status"]) for row in rows] == [("000_b5c863f8a0090c42", "new")]
    assert rows[0]["events"] > 0
    assert rows[0]["time expressions"] > 0

    before = snapshot(tmp_path / "flow")
    again = build_timeline(str(SEEDS), str(tmp_path / "flow"), return_state=True)
    assert again.is_completed()
    assert snapshot(tmp_path / "flow") == before
    _, table = artifacts_of(again.state_details.flow_run_id)["articles-flow"]
    assert [row["status"] for row in json.loads(table)] == ["unchanged"]


def test_the_script_starts_the_ephemeral_server_first_and_runs_the_flow_on_it(tmp_path: Path) -> None:
    # make run's path: the server boots while the library loads; the flow must find it, not start another
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_API_")}
    env |= {"PREFECT_HOME": str(tmp_path / "home"), "PREFECT_SERVER_UI_ENABLED": "false"}
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, str(ROOT / "flows" / "build_timeline.py"), str(SEEDS), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert {path.name for path in out.iterdir()} >= set(OUTPUTS)
    assert done.stderr.count("Starting temporary server") <= 1
    assert "Finished in state Completed()" in done.stderr + done.stdout


def test_no_ephemeral_server_is_started_for_a_flow_that_has_a_server() -> None:
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert start_ephemeral_server() is None


def test_artifact_keys_are_lowercase_letters_digits_and_dashes() -> None:
    assert artifact_key("timeline", "/tmp/Out_Dir 2/") == "timeline-out-dir-2"
    assert artifact_key("articles", "output") == "articles-output"


def test_the_task_runner_is_in_process_unless_a_dask_address_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DASK_ADDRESS_VARIABLE, raising=False)
    assert isinstance(task_runner(), ThreadPoolTaskRunner)
    monkeypatch.setenv(DASK_ADDRESS_VARIABLE, "tcp://127.0.0.1:8786")
    assert isinstance(task_runner(), DaskTaskRunner)
    assert isinstance(task_runner("tcp://127.0.0.1:8787"), DaskTaskRunner)


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (OSError(5, "Input/output error"), True),
        (TimeoutError("busy share"), True),
        (FileNotFoundError("no input"), False),
        (PermissionError("read-only"), False),
        (ValueError("a bug"), False),
    ],
)
def test_only_file_system_errors_that_may_pass_are_retried(error: Exception, retried: bool) -> None:
    assert (
        _may_pass(write_run, TaskRun(flow_run_id=None, task_key="k", dynamic_key="0"), Failed(data=error))
        is retried
    )


_SCHEMA_TYPES = {int: "integer", bool: "boolean", str: "string"}


@pytest.mark.parametrize("field", dataclasses.fields(Options), ids=lambda field: field.name)
def test_every_option_is_a_typed_flow_parameter_with_the_librarys_default(
    field: dataclasses.Field[Any],
) -> None:
    schema = build_timeline.parameters.model_dump()["properties"][field.name]
    default = getattr(Options(), field.name)
    assert schema["default"] == default
    types = {choice["type"] for choice in schema.get("anyOf", [schema])}
    if default is None:  # an optional path, given as a string, or an optional number (key_dates)
        assert types == ({"integer", "null"} if str(field.type) == "int | None" else {"string", "null"})
    else:
        assert types == {_SCHEMA_TYPES[type(default)]}
