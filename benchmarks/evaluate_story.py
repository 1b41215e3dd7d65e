"""`make eval`, the story part: key dates of the TLS dev stories (../shared/eval/tls_dev) against their
reference chronologies, with score_tls.py (Date-F1 at k = the number of reference dates).

Each story's articles are analysed once, in this process (one analyzer for all stories); the story's
first k dates by ``date_rank`` are the prediction, each with story.md's first line for it as its
summary. ``--keep DIR`` keeps each story's timeline.parquet in DIR; ``--timelines DIR`` reads them back
instead of analysing the articles again (seconds per try when tuning ``build_story``). Run alone, this
script scores the stories only: ``python benchmarks/evaluate_story.py --shared ../shared [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from chronique.ingest import read_articles
from chronique.model import UNFACTUAL_MODALITIES, Article, Options, Rejection
from chronique.pipeline import analyse
from chronique.story import build_story
from chronique.story_markdown import for_summary
from chronique.story_rank import load_salience
from chronique.timeline import build_timeline
from chronique.vocabulary import Vocabulary, load_from

F1_LINE = re.compile(r"^(exact|\+-1 day)\s*: matches=\d+\s+P=[\d.]+\s+R=[\d.]+\s+F1=([\d.]+)$")
RECALL_LINE = re.compile(r"^date recall of the whole prediction list: exact=([\d.]+)\s+\+-1 day=([\d.]+)$")
STORIES = ("gilets-jaunes", "affaire-benalla", "covid19-france")


def story_timeline(articles_file: Path, options: Options) -> pl.DataFrame:
    """The timeline of one story's articles (rejections are reported and skipped)."""
    articles = []
    for item in read_articles(articles_file, options):
        if isinstance(item, Article):
            articles.append(item)
        else:
            print(f"note: {item.message()}")
    results = []
    for result in analyse(articles, options):
        if isinstance(result, Rejection):
            print(f"note: {result.message()}")
        else:
            results.append(result)
    return build_timeline(results)


def ranked_dates(story: pl.DataFrame, vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """The story's ranked days, best first, each with story.md's first line for it as summary."""
    facts = story.filter(
        pl.col("date_rank").is_not_null()
        & ~pl.col("modality").is_in(sorted(str(m) for m in UNFACTUAL_MODALITIES))
    )
    ranked = story.filter(pl.col("date_rank").is_not_null())
    salience = load_salience()
    best = {
        day: for_summary(events, vocabulary, salience)[0]["evidence"][0]
        for (day,), events in facts.group_by("date_start", maintain_order=True)
    }
    days = ranked.group_by("date_start").agg(pl.col("date_rank").min()).sort("date_rank")
    return [
        {"date": day.isoformat(), **({"summary": best[day]} if day in best else {})}
        for day in days.get_column("date_start").to_list()
    ]


def score_story(scorer: Path, reference: Path, prediction: Path) -> tuple[dict[str, float], str]:
    """score_tls.py's numbers: date_f1, date_f1_tol1, recall, recall_tol1."""
    output = subprocess.run(
        [sys.executable, str(scorer), str(reference), str(prediction)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    scores: dict[str, float] = {}
    for line in output.splitlines():
        if match := F1_LINE.match(line.strip()):
            scores["date_f1" if match[1] == "exact" else "date_f1_tol1"] = float(match[2])
        elif match := RECALL_LINE.match(line.strip()):
            scores["recall"], scores["recall_tol1"] = float(match[1]), float(match[2])
    return scores, output


def evaluate_stories(
    tls_dir: Path,
    spec: dict[str, Any],
    work: Path,
    raise_floors: bool,
    keep: bool,
    *,
    timelines: Path | None = None,
) -> bool:
    """Score every dev story and their mean against ``spec["floors"]``; True when one is below its floor.

    ``timelines``: a folder of kept ``<slug>.timeline.parquet`` to read instead of analysing the articles.
    """
    options = Options()
    vocabulary = load_from(options.data_dir)
    per_story: dict[str, dict[str, float]] = {}
    story_seconds = 0.0
    for slug in STORIES:
        if timelines is not None:
            timeline = pl.read_parquet(timelines / f"{slug}.timeline.parquet")
        else:
            timeline = story_timeline(tls_dir / f"{slug}.articles.jsonl", options)
        if keep and timelines is None:
            timeline.write_parquet(work / f"{slug}.timeline.parquet")
        start = time.perf_counter()
        story = build_story(timeline)
        story_seconds += time.perf_counter() - start
        prediction = work / f"{slug}.story.json"
        prediction.write_text(
            json.dumps(ranked_dates(story, vocabulary), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        scores, output = score_story(tls_dir / "score_tls.py", tls_dir / f"{slug}.reference.json", prediction)
        per_story[slug] = scores
        print(f"== story {slug}: {timeline.height} timeline rows → {story.height} story events")
        print(output.rstrip())
    mean = {
        metric: round(sum(scores[metric] for scores in per_story.values()) / len(per_story), 4)
        for metric in ("date_f1", "date_f1_tol1", "recall", "recall_tol1")
    }
    print(
        f"== stories: mean Date-F1 {mean['date_f1']:.3f} (±1 day {mean['date_f1_tol1']:.3f}); "
        f"build_story took {story_seconds:.2f} s for the three"
    )
    failed = False
    values = {
        **{f"{slug}_{m}": s[m] for slug, s in per_story.items() for m in s},
        **{f"mean_{m}": v for m, v in mean.items()},
    }
    for metric, floor in spec["floors"].items():
        value = values.get(metric, 0.0)
        verdict = "ok" if value >= floor else "BELOW FLOOR"
        failed |= value < floor
        print(f"   {metric:28s} {value:.3f}  floor {floor:.3f}  {verdict}")
        if raise_floors and value > floor:
            spec["floors"][metric] = value
    return failed


def main() -> int:
    """The story part of `make eval` alone (floors from benchmarks/floors.json; never raised here)."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--keep", type=Path, help="folder to keep each story's timeline.parquet in")
    parser.add_argument("--timelines", type=Path, help="kept timelines to read, not analysing")
    args = parser.parse_args()
    spec = json.loads((root / "benchmarks" / "floors.json").read_text(encoding="utf-8"))["stories"]
    work = args.keep or args.timelines or Path(tempfile.mkdtemp(prefix="chronique-story-"))
    work.mkdir(parents=True, exist_ok=True)
    tls_dir = args.shared / "eval" / spec["folder"]
    failed = evaluate_stories(tls_dir, spec, work, False, bool(args.keep), timelines=args.timelines)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
