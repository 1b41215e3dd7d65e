"""Files written atomically: one at a time (``write_atomic``), or a set of outputs as a whole (``publish``).

One file is written to a temporary file beside it, flushed to disk, then renamed over it.

A set must be replaced as a whole: a reader must never find a new ``timeline.parquet`` beside an old
``timeline.md``, nor a state file that describes another timeline. Renaming several files cannot do that (a
run may die between two renames), so the set lives in a generation folder and one symlink points at it::

    output/.generations/7/{timeline.parquet, timeline.md, rejected.md, .chronique-state.json}
    output/.current -> .generations/7                   the pointer: the only link a run replaces
    output/timeline.parquet -> .current/timeline.parquet    stable: readers keep their paths

``publish`` writes every file of the new set into a new generation and flushes it, replaces ``.current``
by a freshly made link (``os.replace``: atomic), then removes the old generation. Killed before the
replacement, a run leaves the old set; after it, the new one. What a killed run leaves (a generation that
never became current, an old one not yet removed, a temporary link) is removed by the next run.

Symlinks rather than a manifest of digests: polars, duckdb, a browser or ``cat`` keep opening plain paths and
need not learn to check a manifest. A reader that opens several files across a swap can still pair two sets;
to read one set, resolve ``.current`` once (``os.path.realpath``). POSIX only, like the lock.

A folder written before generations existed (regular files) is taken over without a moment of mixed sets:
its files are copied into a generation of their own, which becomes current, then each file is replaced by
its link (which shows the same bytes); only then is the new set swapped in.

Callers hold the output folder's lock (``state.output_lock``): removing leftovers assumes no other run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

logger = logging.getLogger(__name__)

GENERATIONS_NAME = ".generations"
CURRENT_NAME = ".current"
# Mode of a new output file: NamedTemporaryFile creates 0600, too private for a file meant to be shared.
NEW_FILE_MODE = 0o644

Step = Callable[[str], None]
"""Called after each change ``publish`` makes on disk, with what it did (the crash tests kill there)."""


def _no_step(done: str) -> None:
    """The default ``Step``: nothing to observe."""


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename, a new file) to disk, where the platform allows it."""
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


def _remove(path: Path) -> None:
    """Remove a file, link or folder if it is there; a failure is left for the next run."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; on any error the previous file and no temporary is left."""
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
        temporary.replace(path)
    except BaseException:  # a Ctrl-C in the middle must not leave a stray temporary file either
        if temporary is not None:
            _remove(temporary)
        raise
    _sync_folder(path.parent)
    logger.debug("wrote %s (%d bytes)", path, len(data))


def published(folder: Path, names: Iterable[str]) -> dict[str, bytes | None]:
    """What a reader of ``folder`` finds now: each name's bytes, or None when it cannot be read."""
    found: dict[str, bytes | None] = {}
    for name in names:
        try:
            found[name] = (folder / name).read_bytes()
        except OSError:
            found[name] = None
    return found


def publish(folder: Path, files: Mapping[str, bytes], on_step: Step = _no_step) -> tuple[str, ...]:
    """Make ``folder`` show ``files`` (name → bytes) as one set; return the names whose bytes changed.

    When the folder already shows exactly ``files``, nothing is written: no generation, no timestamp.
    On an error the old set is left whole and the new generation is removed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(folder, files)
    before = published(folder, files)
    changed = tuple(name for name, data in files.items() if before[name] != data)
    if not changed:
        return ()
    if not _linked(folder, files):
        _take_over(folder, before, on_step)
    generation = _write_generation(folder, files, on_step)
    try:
        _replace_with_link(folder / CURRENT_NAME, f"{GENERATIONS_NAME}/{generation.name}")
    except BaseException:
        _remove(generation)
        raise
    on_step(f"{CURRENT_NAME} -> {generation.name}")
    for removed in _remove_leftovers(folder, files):
        on_step(f"removed {removed}")
    logger.debug("%s: published generation %s (%s changed)", folder, generation.name, ", ".join(changed))
    return changed


def _current_generation(folder: Path) -> str | None:
    """The name of the generation ``.current`` points at, or None when it is not a link."""
    try:
        return (folder / CURRENT_NAME).readlink().name
    except OSError:
        return None


def _linked(folder: Path, names: Iterable[str]) -> bool:
    """Whether ``.current`` is a link and every name is the stable link into it."""
    if _current_generation(folder) is None:
        return False
    for name in names:
        try:
            if (folder / name).readlink() != Path(CURRENT_NAME, name):
                return False
        except OSError:
            return False
    return True


def _take_over(folder: Path, shown: Mapping[str, bytes | None], on_step: Step) -> None:
    """Turn what ``folder`` shows into a current generation and stable links, showing the same bytes."""
    generation = _write_generation(
        folder, {n: data for n, data in shown.items() if data is not None}, on_step
    )
    current = folder / CURRENT_NAME
    if current.is_dir() and not current.is_symlink():  # a copy that followed the links: a leftover now
        current.rename(folder / GENERATIONS_NAME / f"{generation.name}-copied")
    _replace_with_link(current, f"{GENERATIONS_NAME}/{generation.name}")
    on_step(f"{CURRENT_NAME} -> {generation.name} (taken over)")
    for name in shown:
        _replace_with_link(folder / name, f"{CURRENT_NAME}/{name}")
        on_step(f"linked {name}")


def _write_generation(folder: Path, files: Mapping[str, bytes], on_step: Step) -> Path:
    """A new generation folder holding ``files``, flushed to disk; removed again on any error."""
    root = folder / GENERATIONS_NAME
    root.mkdir(exist_ok=True)
    number = max((int(path.name) for path in root.iterdir() if path.name.isdigit()), default=0) + 1
    generation = root / str(number)
    generation.mkdir()
    on_step(f"made {generation.name}")
    try:
        for name, data in files.items():
            with (generation / name).open("xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            (generation / name).chmod(NEW_FILE_MODE)
            on_step(f"wrote {generation.name}/{name}")
        _sync_folder(generation)
        _sync_folder(root)
    except BaseException:
        _remove(generation)
        raise
    return generation


def _replace_with_link(path: Path, target: str) -> None:
    """Replace ``path`` by a symlink to ``target`` in one rename (a new link made beside it first)."""
    temporary = path.with_name(f".{path.name}.link.tmp")
    _remove(temporary)
    temporary.symlink_to(target)
    try:
        temporary.replace(path)
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(path.parent)


def _remove_leftovers(folder: Path, names: Iterable[str]) -> list[str]:
    """Remove every generation but the current one, and the temporary files of ``names``; return them."""
    leftovers: list[Path] = []
    root = folder / GENERATIONS_NAME
    if root.is_dir():
        current = _current_generation(folder)
        leftovers += [path for path in root.iterdir() if path.name != current]
    # ``.<name>.<anything>.tmp``: this module's temporary links, and the files of runs that wrote in place
    for name in (*names, CURRENT_NAME):
        leftovers += folder.glob(f".{name}.*.tmp")
    for path in sorted(leftovers):
        _remove(path)
        logger.info("removed %s, left by an earlier run", path)
    return [path.name for path in sorted(leftovers)]
