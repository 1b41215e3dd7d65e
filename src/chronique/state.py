"""Incremental runs: what an output folder already holds, and a lock so that two runs never write it at once.

The state file (``.chronique-state.json`` in the output folder) records, for every article whose rows are in
the timeline, a digest of the article and its count of time expressions, plus a fingerprint of the code,
data and options that produced the rows. A run analyses only the articles whose digest is new or different;
when the fingerprint changes, every article read is analysed again.
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

from chronique.files import write_atomic
from chronique.model import Article, Options

logger = logging.getLogger(__name__)

STATE_NAME = ".chronique-state.json"
LOCK_NAME = ".chronique.lock"
STATE_FORMAT = 1
# A run over a large inbox takes minutes: wait that long for the other run before giving up.
DEFAULT_LOCK_TIMEOUT = 900.0
_PACKAGE = Path(__file__).parent
_FINGERPRINTED = (".py", ".tsv", ".txt")
# Modules that cannot change a row once the article's digest is equal: reading (the digest covers what it
# reads), rendering and writing (redone on every run), the command line, tagging and this module.
_NOT_ANALYSIS = frozenset({"cli.py", "files.py", "ingest.py", "markdown.py", "state.py", "tagging.py"})


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


def analysis_fingerprint(options: Options) -> str:
    """sha256 of the analysis code and data, the spaCy model's version and the options that change rows.

    The code is hashed rather than a version number: rows made by older rules must not survive an upgrade.
    """
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix not in _FINGERPRINTED or path.name in _NOT_ANALYSIS or "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
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


def replace_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless ``path`` already holds exactly it; True if it was written.

    A run that changes nothing leaves every output untouched, modification time included.
    """
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return False
    write_atomic(path, data)
    return True


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
