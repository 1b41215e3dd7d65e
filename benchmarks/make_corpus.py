"""Benchmark corpora: the first N OrangeSum articles as ``<id>.txt`` + ``<id>.meta.json`` (or one JSONL).

The source stays in ``../shared/corpora`` and the corpora go to ``benchmarks/work/`` (git-ignored): the
articles are CC BY-SA 4.0 and are never committed. A folder already holding the same N articles is reused.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "corpora" / "orangesum_fr_news.jsonl.gz"
WORK = ROOT / "benchmarks" / "work"
MARKER = ".corpus.json"  # hidden: chronique reads only .txt, .meta.json and .jsonl files


@dataclass(frozen=True, slots=True)
class Corpus:
    """A corpus written for a run: where it is and what it holds."""

    path: Path
    articles: int
    chars: int
    words: int


def records(source: Path, count: int | None) -> Iterator[dict[str, str]]:
    """The first ``count`` records of the gzipped JSONL source (all of them when ``count`` is None)."""
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if count is not None and number >= count:
                return
            record: dict[str, str] = json.loads(line)
            yield record


def _marker(path: Path) -> Path:
    return path / MARKER if path.is_dir() else path.with_name(path.name + MARKER)


def _source_id(source: Path) -> dict[str, object]:
    """What identifies the source: its resolved path and size (the corpus is read-only)."""
    return {"source": str(source.resolve()), "source_bytes": source.stat().st_size}


def _reusable(path: Path, count: int | None, source: Path) -> Corpus | None:
    """The corpus already at ``path`` if it holds the first ``count`` articles of this very source."""
    marker = _marker(path)
    if not marker.is_file():
        return None
    data = json.loads(marker.read_text(encoding="utf-8"))
    same_source = all(data.get(key) == value for key, value in _source_id(source).items())
    if not same_source or data.get("count") != count:
        return None
    return Corpus(path=path, articles=data["articles"], chars=data["chars"], words=data["words"])


def _write_marker(corpus: Corpus, count: int | None, source: Path) -> None:
    data = {
        "count": count,
        "articles": corpus.articles,
        "chars": corpus.chars,
        "words": corpus.words,
        **_source_id(source),
    }
    _marker(corpus.path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def make_corpus(
    count: int | None, out: Path | None = None, *, source: Path = SOURCE, jsonl: bool = False
) -> Corpus:
    """Write the first ``count`` articles (None: all) into ``out``; reuse it if it already holds them."""
    name = f"orangesum_{count if count is not None else 'all'}"
    path = out or WORK / (name + (".jsonl" if jsonl else ""))
    existing = _reusable(path, count, source)
    if existing is not None:
        return existing
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    articles = chars = words = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        handle = stack.enter_context(path.open("w", encoding="utf-8")) if jsonl else None
        if handle is None:
            path.mkdir()
        for record in records(source, count):
            text = record["text"]
            if handle is not None:
                keep = {k: record[k] for k in ("id", "published", "title", "text") if k in record}
                handle.write(json.dumps(keep, ensure_ascii=False) + "\n")
            else:
                meta = {"id": record["id"], "published": record["published"], "title": record.get("title")}
                (path / f"{record['id']}.txt").write_text(text, encoding="utf-8")
                (path / f"{record['id']}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            articles += 1
            chars += len(text)
            words += len(text.split())
    corpus = Corpus(path=path, articles=articles, chars=chars, words=words)
    _write_marker(corpus, count, source)
    return corpus


def main() -> None:
    """Command line: ``make_corpus.py N [--out DIR] [--jsonl]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", help="number of articles from the start of the corpus, or 'all'")
    parser.add_argument("--out", type=Path, help="folder (or .jsonl file) to write; default benchmarks/work/")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the gzipped JSONL corpus")
    parser.add_argument("--jsonl", action="store_true", help="one JSONL file instead of a folder")
    args = parser.parse_args()
    count = None if args.count == "all" else int(args.count)
    corpus = make_corpus(count, args.out, source=args.source, jsonl=args.jsonl)
    print(f"{corpus.path}: {corpus.articles} articles, {corpus.words:,} words, {corpus.chars:,} characters")


if __name__ == "__main__":
    main()
