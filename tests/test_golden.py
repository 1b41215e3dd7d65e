"""Each golden input's timeline is exactly its reviewed golden files (regenerate with `make golden`)."""

from __future__ import annotations

import pytest

from tests.golden_io import GOLDEN_CASES, golden_outputs


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_timeline_matches_golden_files(name: str) -> None:
    case = GOLDEN_CASES[name]
    markdown, rows, story = golden_outputs(case)
    assert markdown == (case.folder / "timeline.md").read_text(encoding="utf-8")
    assert rows == (case.folder / "timeline.json").read_text(encoding="utf-8")
    assert story == (case.folder / "story.md").read_text(encoding="utf-8")
