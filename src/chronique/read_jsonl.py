"""Reader of ``.jsonl``: one article a line, ``{"id"|"doc_id", "published", "text", "title"?, "url"?}``.

Each line is one article or one rejection named ``FILE:LINE``; a file that is not UTF-8 is one rejection.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from chronique.model import Article, Options, Rejection
from chronique.validate import InvalidInput, article_from_record

SUFFIX = ".jsonl"
# A line holds the text plus its JSON envelope; json.dumps' \uXXXX escapes take 6 characters for one.
_ESCAPE_FACTOR = 6
_ENVELOPE_CHARS = 1_000_000


def read_jsonl(path: Path, options: Options) -> Iterator[Article | Rejection]:
    """The articles of a JSON Lines file, in line order; blank lines are skipped."""
    try:
        _check_utf8(path)
    except InvalidInput as bad:
        yield bad.rejection(str(path))
        return
    except OSError as err:
        yield Rejection(str(path), f"the JSONL file cannot be read ({err.strerror})", "check the file")
        return
    with path.open(encoding="utf-8-sig") as handle:
        yield from _items(_bounded_lines(handle, _line_limit(options)), str(path), options)


def jsonl_records(lines: Iterable[str], name: str, options: Options) -> Iterator[Article | Rejection]:
    """The articles of JSON lines already decoded, named ``name:LINE``, validated as `read_jsonl` does."""
    return _items(((line, len(line)) for line in lines), name, options)


def _line_limit(options: Options) -> int:
    return _ESCAPE_FACTOR * options.max_text_chars + _ENVELOPE_CHARS


def _items(lines: Iterable[tuple[str, int]], name: str, options: Options) -> Iterator[Article | Rejection]:
    limit = _line_limit(options)
    for number, (line, length) in enumerate(lines, start=1):
        source = f"{name}:{number}"
        if length > limit:
            yield Rejection(
                source,
                f"the line has {length:,} characters, more than the limit of {limit:,} "
                f"(max_text_chars={options.max_text_chars:,})",
                "split the article, or raise max_text_chars",
            )
            continue
        if not line.strip():
            continue  # blank lines (a trailing newline) are not articles
        try:
            record: object = json.loads(line)
        except (ValueError, RecursionError) as err:  # ValueError: also a number of over 4,300 digits
            yield Rejection(source, f"the line is not valid JSON ({err})", "write one JSON object a line")
            continue
        if isinstance(record, dict):
            yield article_from_record(record, source, options)
        else:
            kind = type(record).__name__
            yield Rejection(source, f"the line is a JSON {kind}, not an object", "write an object")


def _check_utf8(path: Path) -> None:
    """Decode the whole file chunk by chunk, so that a bad file is one rejection, not one per line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            if b"\x00" in chunk:
                raise InvalidInput("the JSONL file is binary data (NUL bytes)", "give UTF-8 JSON lines")
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as err:
                raise InvalidInput(
                    f"the JSONL file is not valid UTF-8 (bad byte at offset {offset - pending + err.start})",
                    "re-save the file as UTF-8",
                ) from None
            offset += len(chunk)


def _bounded_lines(handle: TextIO, limit: int) -> Iterator[tuple[str, int]]:
    """Each line with its length; a line longer than ``limit`` is skipped unread (memory stays bounded)
    and comes out as ``("", its length)``."""
    while line := handle.readline(limit + 1):
        length = len(line)
        if length > limit:
            while not line.endswith("\n") and (line := handle.readline(limit + 1)):
                length += len(line)
            yield "", length
        else:
            yield line, length
