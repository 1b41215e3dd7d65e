"""Incremental runs: what an output folder already holds, and a lock so that two runs never write it at once.

The state file (``.chronique-state.json`` in the output folder) records, for every article whose rows are in
the timeline, a digest of the article and its count of time expressions, plus a fingerprint of the code,
data and options that produced the rows. A run analyses only the articles whose digest is new or different;
when the fingerprint changes, every article read is analysed again. The state file is one file of the output
set (``outputs.WRITERS``), published with the timeline it describes.

The fingerprint covers an allow-list of modules (``ANALYSIS_MODULES``): a new output module must not force
every article to be analysed again. Each module of the package is on it or on ``NOT_ANALYSIS_MODULES``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.metadata
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import filelock

from chronique.model import Article, Options

logger = logging.getLogger(__name__)

STATE_NAME = ".chronique-state.json"
LOCK_NAME = ".chronique.lock"
STATE_FORMAT = 1
# A run over a large inbox takes minutes: wait that long for the other run before giving up.
DEFAULT_LOCK_TIMEOUT = 900.0
_PACKAGE = Path(__file__).parent
# The package's modules (and subpackages) whose change can change a row of an article whose digest is equal:
# the stages from the cleaned text to the timeline row, their contracts (model), their French data, and
# ``pipeline`` for ``analyse``, which chains the stages. Only these are fingerprinted.
ANALYSIS_MODULES = frozenset(
    {
        "analyzer",
        "anchors",
        "bounds",
        "calendar",
        "clean",
        "data",
        "events",
        "extract",
        "glued",
        "grammar",
        "modality",
        "model",
        "nlp",
        "phrases",
        "pipeline",
        "resolve",
        "retellings",
        "scope",
        "slots",
        "clauses",
        "sayings",
        "summaries",
        "tense",
        "timeline",
        "timexes",
        "verb_forms",
        "vocabulary",
        "voices",
    }
)
# The modules that cannot change a row: reading (the article's digest covers what it reads), the incremental
# bookkeeping and this module, the story, rendering and writing (redone from the rows on every run), the
# worker pool (it keeps the order), tagging and the command line. A new module goes on one of the two
# lists (tested).
NOT_ANALYSIS_MODULES = frozenset(
    {
        "__init__",
        "cli",
        "files",
        "incremental",
        "ingest",
        "markdown",
        "outputs",
        "parallel",
        "pattern_cache",  # how fast the tokenizer is built, not what it does
        "articles",
        "read_feed",
        "read_html",
        "read_jsonl",
        "read_text",
        "run_display",
        "state",
        "story",
        "story_markdown",
        "story_merge",
        "story_rank",
        "tagging",
        "timeline_html",
        "timeline_json",
        "validate",
        "web_dates",
    }
)


class OutputLockedError(TimeoutError):
    """Another run held the output folder's lock for longer than the timeout."""


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the state file keeps of one article: its digest and its count of time expressions."""

    digest: str
    timexes: int


@dataclass(frozen=True, slots=True)
class RunState:
    """The articles whose rows the timeline holds, and the fingerprint of the analysis that made them."""

    analysis: str
    articles: Mapping[str, ArticleState]


def article_digest(article: Article) -> str:
    """sha256 of every field of the article: any change that could change its rows changes the digest."""
    fields = [None if value is None else str(value) for value in dataclasses.astuple(article)]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _model_version(name: str) -> str:
    try:
        return importlib.metadata.version(name.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


# Data files that only the story stage reads (it is redone from the rows on every run): no re-analysis.
STORY_DATA_FILES = frozenset({"salience.tsv"})


def analysis_files() -> list[Path]:
    """The files of ``ANALYSIS_MODULES``: a module's ``.py``, every file of a subpackage (data included)."""
    found: list[Path] = []
    for name in sorted(ANALYSIS_MODULES):
        module = _PACKAGE / f"{name}.py"
        if module.is_file():
            found.append(module)
        else:
            found += (
                p
                for p in (_PACKAGE / name).rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.name not in STORY_DATA_FILES
            )
    return sorted(found)


def analysis_fingerprint(options: Options) -> str:
    """sha256 of the analysis code and data, the spaCy model's version and the options that change rows.

    The code is hashed rather than a version number: rows made by older rules must not survive an upgrade.
    """
    digest = hashlib.sha256()
    for path in analysis_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    if options.data_dir is not None:
        # a data folder of one's own replaces the packaged data: its files change rows as theirs do
        for path in sorted(
            p for p in options.data_dir.iterdir() if p.is_file() and p.name not in STORY_DATA_FILES
        ):
            digest.update(b"data_dir/" + path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    # batch_size and n_process change how fast, not what: they stay out
    model = [options.model, _model_version(options.model)]
    settings = [*model, options.max_text_chars, options.include_durations]
    digest.update(json.dumps(settings).encode("utf-8"))
    return digest.hexdigest()


def state_bytes(state: RunState) -> bytes:
    """The state file's content: sorted keys, so the same state always gives the same bytes."""
    document = {
        "format": STATE_FORMAT,
        "analysis": state.analysis,
        "articles": {
            key: {"digest": value.digest, "timexes": value.timexes}
            for key, value in sorted(state.articles.items())
        },
    }
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def read_state(output_dir: Path) -> RunState | None:
    """The state of ``output_dir``, or None when there is none or it cannot be used (then: start afresh)."""
    path = output_dir / STATE_NAME
    if not path.exists():
        return None
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document["format"] != STATE_FORMAT:
            raise ValueError(f"format {document['format']!r}, expected {STATE_FORMAT}")
        articles = {
            str(key): ArticleState(digest=str(value["digest"]), timexes=int(value["timexes"]))
            for key, value in document["articles"].items()
        }
        return RunState(analysis=str(document["analysis"]), articles=articles)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        logger.warning("%s cannot be used (%s): the timeline is rebuilt from the articles read", path, err)
        return None


@contextlib.contextmanager
def output_lock(output_dir: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold ``output_dir/.chronique.lock`` for the whole run; wait up to ``timeout`` s for another run.

    An OS lock (flock): it is released when its process dies, so a crashed run never leaves it held.
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    path = output_dir / LOCK_NAME
    lock = filelock.FileLock(path, timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise OutputLockedError(
            f"{output_dir} is being written by another chronique run (it has held {path} for more than "
            f"{timeout:g} s) — wait for that run to finish and start again, or write to another folder"
        ) from None
    try:
        yield
    finally:
        lock.release()
