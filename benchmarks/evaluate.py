"""`make eval`: score `chronique tag` on the dev sets (French TimeBank, OrangeSum dev) against the floors.

The floors (benchmarks/floors.json) only go up: `--raise-floors` writes the new scores where they beat the
floor and refuses to lower any. The data files' hashes are pinned beside them, so a changed dev set is seen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from evaluate_story import evaluate_stories  # noqa: E402  # a module beside this script

FLOORS = ROOT / "benchmarks" / "floors.json"
SCORE_LINE = re.compile(r"^(strict|relaxed|value)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)$")
EVENT_LINE = re.compile(r"^event-date accuracy: (\d+)/(\d+) = ([\d.]+)$")


def sha256(path: Path) -> str:
    """Hex digest of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tag(gold: Path, out: Path, *, rows: bool = False) -> None:
    """Run the real command line on a dev set (``rows``: the timeline's rows only, as ``run`` finds them)."""
    chronique = Path(sys.executable).with_name("chronique")
    subprocess.run([str(chronique), "tag", str(gold), str(out), *(["--rows"] if rows else [])], check=True)


def score(scorer: Path, gold: Path, pred: Path) -> tuple[dict[str, float], str]:
    """The scorer's numbers (strict_f1, relaxed_f1, value_f1, event_accuracy, …) and its output."""
    output = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred)], check=True, capture_output=True, text=True
    ).stdout
    scores: dict[str, float] = {}
    for line in output.splitlines():
        if match := SCORE_LINE.match(line.strip()):
            name = match.group(1)
            scores[f"{name}_p"], scores[f"{name}_r"], scores[f"{name}_f1"] = (
                float(g) for g in match.groups()[1:]
            )
        elif match := EVENT_LINE.match(line.strip()):
            scores["event_accuracy"] = float(match.group(3))
    return scores, output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--raise-floors", action="store_true", help="raise floors to the scores (never lower)"
    )
    parser.add_argument("--keep", type=Path, help="folder to keep the predictions in")
    args = parser.parse_args()
    eval_dir = args.shared / "eval"
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    work = args.keep or Path(tempfile.mkdtemp(prefix="chronique-eval-"))
    work.mkdir(parents=True, exist_ok=True)
    failed = False
    for name, spec in floors["sets"].items():
        gold = eval_dir / spec["file"]
        digest = sha256(gold)
        if digest != spec["sha256"]:
            print(f"note: {gold} changed since the floors were set ({digest[:12]} ≠ {spec['sha256'][:12]})")
        pred = work / f"{name}.pred.jsonl"
        tag(gold, pred)
        scores, output = score(eval_dir / "score_timex.py", gold, pred)
        print(f"== {name} ({spec['file']})")
        print(output.rstrip())
        if "rows_accuracy" in spec["floors"]:
            # the run's own path: only the sentences that can give a row are parsed (chronique.scope), and
            # only rows count; a gold event is right when a row covers its trigger with its date
            rows = work / f"{name}.rows.jsonl"
            tag(gold, rows, rows=True)
            row_scores, _ = score(eval_dir / "score_timex.py", gold, rows)
            scores["rows_accuracy"] = row_scores.get("event_accuracy", 0.0)
            print(f"event-date accuracy of the timeline's rows (tag --rows): {scores['rows_accuracy']:.3f}")
        for metric, floor in spec["floors"].items():
            value = scores.get(metric, 0.0)
            verdict = "ok" if value >= floor else "BELOW FLOOR"
            failed |= value < floor
            print(f"   {metric:15s} {value:.3f}  floor {floor:.3f}  {verdict}")
            if args.raise_floors and value > floor:
                spec["floors"][metric] = value
        spec["sha256"] = digest if args.raise_floors else spec["sha256"]
    if "stories" in floors:  # the story's key dates on the TLS dev stories (evaluate_story.py)
        failed |= evaluate_stories(
            eval_dir / floors["stories"]["folder"],
            floors["stories"],
            work,
            args.raise_floors,
            bool(args.keep),
        )
    if args.raise_floors:
        FLOORS.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"floors raised where beaten: {FLOORS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
