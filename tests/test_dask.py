"""Scale-out: the flow on a two-worker Dask cluster writes exactly what it writes in-process.

Dask needs a real Prefect server (each worker process reports its task runs to it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

from chronique.analyzer import analyzers_made
from chronique.state import read_state
from flows.build_timeline import build_timeline, task_runner
from tests.orchestration import PrefectServer, prefect_server, write_articles

__all__ = ["prefect_server"]  # the shared session fixture

pytestmark = pytest.mark.slow


def model_loads() -> int:
    """How many analyzers (each with its spaCy model) this process made."""
    return analyzers_made()


def test_dask_cluster_writes_what_the_in_process_run_writes(
    prefect_server: PrefectServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = write_articles(tmp_path / "in")
    # the worker processes read their settings from the environment they start with
    for name in ("PREFECT_API_URL", "PREFECT_HOME", "DASK_LOGGING__DISTRIBUTED"):
        monkeypatch.setenv(name, prefect_server.env[name])
    settings = {PREFECT_API_URL: prefect_server.api_url, PREFECT_HOME: prefect_server.env["PREFECT_HOME"]}
    with temporary_settings(settings):
        # distributed's constructors carry no annotations
        with LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            on_dask = build_timeline.with_options(task_runner=task_runner(cluster.scheduler_address))
            state = on_dask(str(articles), str(tmp_path / "dask"), articles_per_task=2, return_state=True)
            assert state.is_completed()
            with Client(cluster) as client:  # type: ignore[no-untyped-call]
                loads = client.run(model_loads)
        in_process = build_timeline(
            str(articles), str(tmp_path / "local"), articles_per_task=2, return_state=True
        )
        assert in_process.is_completed()

    assert len(loads) == 2
    assert set(loads.values()) == {1}  # 3 batches, 2 workers: the model loaded once in each
    for name in ("timeline.parquet", "timeline.md", "story.parquet", "story.md", "rejected.md"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    on_dask_state, in_process_state = read_state(tmp_path / "dask"), read_state(tmp_path / "local")
    assert on_dask_state is not None
    assert in_process_state is not None
    assert on_dask_state.articles == in_process_state.articles
