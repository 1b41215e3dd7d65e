"""Input stage: which reader reads which file, and the checks made once over everything read.

`READERS` maps a file suffix to its reader. Adding a format is one reader module (a function
``(path, options) -> Iterator[Article | Rejection]`` that validates with `chronique.validate`) and one line
of `READERS`. A folder is read file by file in name order, each by the reader of its suffix; an
``<id>.meta.json`` belongs to the file beside it whose reader takes one, and is named when there is none.
Duplicate ids and file names that cannot be printed are handled here, once, whatever the reader.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from chronique import read_feed, read_html, read_jsonl, read_text
from chronique.model import Article, Options, Rejection
from chronique.validate import META_SUFFIX, SURROGATE

logger = logging.getLogger(__name__)

ReadFile = Callable[[Path, Options], Iterator[Article | Rejection]]


@dataclass(frozen=True, slots=True)
class Reader:
    """One input format: the function that reads a file of it, and how messages speak of it."""

    read: ReadFile
    hint: str  # what to give, in the message for an input chronique cannot read
    # How the message for an orphan <id>.meta.json names this format's <id><suffix> file ("text file");
    # None: the format takes no <id>.meta.json.
    meta_owner: str | None = None


READERS: Mapping[str, Reader] = {
    read_text.SUFFIX: Reader(
        read_text.read_text_article, "an <id>.txt with its <id>.meta.json", meta_owner="text file"
    ),
    read_jsonl.SUFFIX: Reader(read_jsonl.read_jsonl, "a .jsonl file with one article a line"),
    **{
        suffix: Reader(read_html.read_html_page, "a saved web page (.html, .htm)", meta_owner="page")
        for suffix in read_html.SUFFIXES
    },
    **{
        suffix: Reader(read_feed.read_feed, "an RSS or Atom feed (.xml, .rss, .atom)")
        for suffix in read_feed.SUFFIXES
    },
}


def reader_of(name: str) -> Reader | None:
    """The reader of a file name, by its longest registered suffix; None for a metadata file (it belongs
    to the file beside it) and for a file no reader takes."""
    if name.endswith(META_SUFFIX):
        return None
    suffixes = sorted((s for s in READERS if name.endswith(s)), key=len, reverse=True)
    return READERS[suffixes[0]] if suffixes else None


def is_readable(path: Path) -> bool:
    """Whether `read_articles` takes ``path``: a folder, or a file of a registered suffix."""
    return path.is_dir() or (path.is_file() and reader_of(path.name) is not None)


def unreadable_message(path: Path) -> str:
    """What to say of an input that is neither a folder nor a file of a registered suffix."""
    *choices, last = ["a folder of articles", *(reader.hint for reader in _distinct_readers())]
    return (
        f"{path}: neither a folder nor a file chronique reads ({', '.join(READERS)}) — "
        f"give {', '.join(choices)}, or {last}."
    )


def read_articles(path: Path, options: Options) -> Iterator[Article | Rejection]:
    """Stream the articles of a folder or of one file, each file read by the reader of its suffix.

    Raises FileNotFoundError or ValueError (at the call, not at the first item) for a missing input or
    one that `is_readable` refuses.
    """
    if not path.exists():
        raise FileNotFoundError(f"the input {path} does not exist: give a folder of articles or a file")
    if path.is_dir():
        return unique_printable(_folder(path, options))
    if (reader := reader_of(path.name)) is not None:
        return unique_printable(reader.read(path, options))
    raise ValueError(unreadable_message(path))


def unique_printable(items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    """Readers' items as they leave this stage: names printable, an id used twice rejected."""
    return _unique(_printable_sources(items))


def _folder(folder: Path, options: Options) -> Iterator[Article | Rejection]:
    entries = sorted(folder.iterdir())
    names = {p.name for p in entries if p.is_file()}
    for path in entries:
        name = path.name
        if name.startswith("."):
            # Hidden by convention (.gitkeep, .DS_Store, an editor's ._ copy): named in the log, not rejected,
            # or every run of a folder kept in git or opened on a Mac would end "rejected".
            logger.info("%s: skipped, a hidden file (its name starts with '.')", path)
        elif path.is_dir():
            yield _skipped(path, "a folder: chronique reads the files of the input folder, not subfolders")
        elif name not in names:
            yield _skipped(path, "neither a regular file nor a folder (a broken link, a socket, a device)")
        elif name.endswith(META_SUFFIX):
            yield from _orphan_meta(path, names)
        elif (reader := reader_of(name)) is not None:
            yield from reader.read(path, options)
        else:  # every file of the folder is read or named: nothing is skipped without a word
            kind = f"a {path.suffix} file" if path.suffix else "a file without a suffix"
            yield _skipped(path, f"{kind}, which chronique does not read")


def _skipped(path: Path, why: str) -> Rejection:
    """A file of the input folder that is no input: named, with why, so that nothing is left out silently."""
    return Rejection(
        str(path),
        f"skipped: {why}",
        f"give {', '.join(reader.hint for reader in _distinct_readers())}; or move it out of the folder",
    )


def _distinct_readers() -> list[Reader]:
    seen: dict[str, Reader] = {}
    for reader in READERS.values():
        seen.setdefault(reader.hint, reader)
    return list(seen.values())


def _orphan_meta(path: Path, names: set[str]) -> Iterator[Rejection]:
    """A metadata file is read with the file it describes; one with no such file beside it is named."""
    stem = path.name.removesuffix(META_SUFFIX)
    owners = {stem + suffix: reader.meta_owner for suffix, reader in READERS.items() if reader.meta_owner}
    if not owners.keys() & names:
        wanted = " or ".join(f"{noun} {name}" for name, noun in owners.items())
        yield Rejection(str(path), f"there is no {wanted} for this metadata", f"add {' or '.join(owners)}")


def _printable(text: str) -> str:
    """A file name that is not UTF-8 (Python keeps its bytes as surrogates) with its bytes written as escapes,
    ``caf\\xe9.txt``, so that it can be printed and written to the outputs."""
    if not SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _printable_sources(items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    for item in items:
        if isinstance(item, Article):
            yield replace(item, source=_printable(item.source))
        else:
            article_id = None if item.article_id is None else _printable(item.article_id)
            yield Rejection(
                _printable(item.source), _printable(item.reason), _printable(item.fix), article_id
            )


def _unique(items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    """Reject an article whose id an earlier article already has, naming that one's source."""
    first: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article) and item.id in first:
            yield Rejection(
                item.source,
                f"the id {item.id!r} is already used by {first[item.id]}",
                "give one of the two articles another id, or remove the duplicate",
                article_id=item.id,
            )
        else:
            if isinstance(item, Article):
                first[item.id] = item.source
            yield item
