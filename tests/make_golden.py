"""`make golden`: rewrite tests/golden/ from the seed on purpose; review the diff before committing."""

from __future__ import annotations

from tests.golden_io import GOLDEN, seed_outputs


def main() -> None:
    markdown, rows = seed_outputs()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    (GOLDEN / "timeline.md").write_text(markdown, encoding="utf-8")
    (GOLDEN / "timeline.json").write_text(rows, encoding="utf-8")
    print(f"wrote {GOLDEN / 'timeline.md'} and {GOLDEN / 'timeline.json'}; review `git diff tests/golden`")


if __name__ == "__main__":
    main()
