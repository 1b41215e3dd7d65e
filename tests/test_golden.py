"""The seed's timeline is exactly the reviewed golden files (regenerate on purpose with `make golden`)."""

from __future__ import annotations

from tests.golden_io import GOLDEN, seed_outputs


def test_seed_timeline_matches_golden_files() -> None:
    markdown, rows = seed_outputs()
    assert markdown == (GOLDEN / "timeline.md").read_text(encoding="utf-8")
    assert rows == (GOLDEN / "timeline.json").read_text(encoding="utf-8")
