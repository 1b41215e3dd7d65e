"""Output files, written atomically: a reader sees the old file or the new one, never half of one.

Each file is written to a temporary file in the same folder (so ``os.replace`` is a rename on one file
system), flushed to disk, then moved over the target. ``write_outputs`` writes and flushes all three
temporary files before it renames any, so a run killed at any moment leaves each file whole, old or new,
and the three renames follow each other within microseconds.

A run killed by SIGKILL cannot remove its temporary file (``.timeline.md.<random>.tmp``); the next run
removes those of its own outputs once they are an hour old (a younger one may belong to a run still going).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from chronique.markdown import escape_markdown, render_markdown
from chronique.model import Rejection
from chronique.vocabulary import Vocabulary

logger = logging.getLogger(__name__)

PARQUET_NAME = "timeline.parquet"
MARKDOWN_NAME = "timeline.md"
REJECTED_NAME = "rejected.md"

# Mode of a new output file: NamedTemporaryFile creates 0600, too private for a file meant to be shared.
NEW_FILE_MODE = 0o644
# A temporary file lives for the time of one write; one this old was left by a killed run.
STALE_TEMPORARY_SECONDS = 3600.0


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a renamed file to disk, where the platform allows it (not on Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:  # some file systems refuse fsync on a folder; the rename itself is still atomic
        pass
    finally:
        os.close(descriptor)


def _temporary_copy(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to disk, with ``path``'s mode."""
    mode = path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            delete=False, dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        ) as handle:
            temporary = Path(handle.name)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(mode)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(temporary: Path | None) -> None:
    if temporary is not None:
        with contextlib.suppress(OSError):
            temporary.unlink()


def write_atomic_many(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace each path with its data atomically: all temporary files are written and flushed first,
    then renamed one after the other (all in one folder, or each in its own).

    On any error every file not yet renamed is left as it was, and no temporary file stays behind.
    """
    temporaries: list[Path] = []
    try:
        for path, data in files:
            temporaries.append(_temporary_copy(path, data))
        for temporary, (path, _) in zip(list(temporaries), files, strict=True):
            temporary.replace(path)
            temporaries.remove(temporary)
    except BaseException:
        # BaseException: a Ctrl-C in the middle must not leave a stray temp file either
        for temporary in temporaries:
            _remove(temporary)
        raise
    for folder in dict.fromkeys(path.parent for path, _ in files):
        _sync_folder(folder)
    for path, data in files:
        logger.debug("wrote %s (%d bytes)", path, len(data))


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically.

    On any error the previous file is left as it was and the temporary file is removed.
    """
    write_atomic_many([(path, data)])


def remove_stale_temporaries(folder: Path, names: Sequence[str], older_than: float) -> list[Path]:
    """Remove the temporary files of ``names`` that a killed run left in ``folder``; return them."""
    removed: list[Path] = []
    now = time.time()
    for name in names:
        for temporary in folder.glob(f".{name}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - temporary.stat().st_mtime > older_than:
                    temporary.unlink()
                    removed.append(temporary)
                    logger.info("removed %s, left by an interrupted run", temporary)
    return removed


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    """The frame as Parquet; the same frame gives the same bytes (checked by the tests).

    Polars writes no timestamp; the footer names the Polars version, so bytes can differ across versions.
    """
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", statistics=True)
    return buffer.getvalue()


def write_parquet_atomic(frame: pl.DataFrame, path: Path) -> None:
    """Write ``frame`` as Parquet to ``path`` atomically (via a temp file in the same folder)."""
    write_atomic(path, parquet_bytes(frame))


def render_rejections(rejections: Sequence[Rejection]) -> str:
    """``rejected.md``: one table row per rejected input, or a line saying there is none."""
    lines = ["# Fichiers rejetés (rejected files)", ""]
    if not rejections:
        lines.append("Aucun fichier rejeté.")
    else:
        lines += [
            "| Fichier (file) | Raison (reason) | Correction (fix) |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| {escape_markdown(r.source)} | {escape_markdown(r.reason)} | {escape_markdown(r.fix)} |"
            for r in rejections
        ]
    return "\n".join(lines) + "\n"


def write_rejections(rejections: Sequence[Rejection], path: Path) -> None:
    """Write ``rejected.md`` atomically."""
    write_atomic(path, render_rejections(rejections).encode("utf-8"))


def write_outputs(
    frame: pl.DataFrame, rejections: Sequence[Rejection], output_dir: Path, vocabulary: Vocabulary
) -> list[Path]:
    """Write ``timeline.parquet``, ``timeline.md`` and ``rejected.md`` in ``output_dir``; return the paths."""
    output_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(
        output_dir, (PARQUET_NAME, MARKDOWN_NAME, REJECTED_NAME), older_than=STALE_TEMPORARY_SECONDS
    )
    files = [
        (output_dir / PARQUET_NAME, parquet_bytes(frame)),
        (output_dir / MARKDOWN_NAME, render_markdown(frame, vocabulary).encode("utf-8")),
        (output_dir / REJECTED_NAME, render_rejections(rejections).encode("utf-8")),
    ]
    write_atomic_many(files)
    return [path for path, _ in files]
