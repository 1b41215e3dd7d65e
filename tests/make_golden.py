"""`make golden`: rewrite tests/golden/ from each golden input on purpose; review the diff, then commit."""

from __future__ import annotations

from tests.golden_io import GOLDEN, GOLDEN_CASES, golden_outputs


def main() -> None:
    for case in GOLDEN_CASES.values():
        markdown, rows, story = golden_outputs(case)
        case.folder.mkdir(parents=True, exist_ok=True)
        (case.folder / "timeline.md").write_text(markdown, encoding="utf-8")
        (case.folder / "timeline.json").write_text(rows, encoding="utf-8")
        (case.folder / "story.md").write_text(story, encoding="utf-8")
        print(f"wrote {case.folder}: timeline.md, timeline.json, story.md")
    print(f"review `git diff {GOLDEN}`")


if __name__ == "__main__":
    main()
