"""Input stage: read articles from a folder (or a JSONL file), validate them, stream them out.

Every bad input becomes a `Rejection` that names the file (and line) and says what to do;
the good articles around it are still read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import json
import logging
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from chronique.model import Article, Options, Rejection

logger = logging.getLogger(__name__)

WORDS_FILE = Path(__file__).parent / "data" / "language_words.tsv"
META_SUFFIX = ".meta.json"
_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]{1,200}")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?")
_WORD = re.compile(r"[^\W\d_]+")
# Non-ASCII characters French text uses: a cp1252 file made only of these is French-looking
# even when it is too short for the function-word count to decide.
_FRENCH_CHARS = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»‹›‘’“”–—…€°\xa0")
_CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13} | {127})
_DATE_FIX = 'write "published" as "YYYY-MM-DD" or as a datetime with offset, e.g. "2022-09-10T08:30:00+02:00"'
# A JSON "\ud800" escape decodes to a lone surrogate, which no encoder (spaCy's, Parquet's) accepts.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A metadata file is a few hundred bytes; anything this big is not one, and is not loaded.
MAX_META_BYTES = 1_000_000
# A JSONL line holds the text plus its JSON envelope; json.dumps' \uXXXX escapes take 6 characters for one.
_JSONL_ESCAPE_FACTOR = 6
_JSONL_ENVELOPE_CHARS = 1_000_000


class _BadInputError(Exception):
    """Why an input is rejected and what to do; the caller, who knows the source, makes the Rejection."""

    def __init__(self, reason: str, fix: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fix = fix

    def rejection(self, source: str) -> Rejection:
        return Rejection(source=source, reason=self.reason, fix=self.fix)


@functools.cache
def load_language_words(path: Path = WORDS_FILE) -> Mapping[str, str]:
    """Word → language from a `language<TAB>word` file; ValueError naming path:line if malformed."""
    languages: dict[str, set[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(f.strip() for f in fields) or not re.fullmatch(r"[a-z]{2}", fields[0]):
            raise ValueError(f"{path}:{number}: expected 'xx<TAB>word' (2-letter code), got {line!r}")
        languages.setdefault(fields[1].strip().lower(), set()).add(fields[0])
    # A word shared by several languages is no evidence for any of them.
    return {word: next(iter(langs)) for word, langs in languages.items() if len(langs) == 1}


def language_of(text: str, words_file: Path = WORDS_FILE) -> str:
    """The language whose function words dominate the start of `text`, or "unknown" if unclear."""
    words = load_language_words(words_file)
    counts = Counter(words[w] for w in _WORD.findall(text[:2000].lower()) if w in words)
    ranked = counts.most_common(2)
    # Too few function words (a headline, a list) or no clear winner: do not guess.
    if not ranked or ranked[0][1] < 3 or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return "unknown"
    return ranked[0][0]


def _looks_french(text: str) -> bool:
    found = language_of(text)
    return found == "fr" or (found == "unknown" and all(c.isascii() or c in _FRENCH_CHARS for c in text))


def _string(key: str, value: object, fix: str = "") -> str:
    if not isinstance(value, str):
        raise _BadInputError(
            f'"{key}" must be a string, not {type(value).__name__}', fix or f'write "{key}" as a string'
        )
    if bad := _SURROGATE.search(value):
        raise _BadInputError(
            f'"{key}" holds an invalid character: the lone surrogate \\u{ord(bad[0]):04x} at position '
            f"{bad.start()} (a broken \\u escape)",
            "fix the \\u escapes of the JSON (a character outside the BMP is a pair: \\ud83d\\ude00)",
        )
    return value


def _optional(record: Mapping[str, object], key: str) -> str | None:
    return None if record.get(key) is None else _string(key, record[key])


def _check_id(value: object) -> str:
    article_id = _string("id", value)
    if "/" in article_id or "\\" in article_id or ".." in article_id or not _SAFE_ID.fullmatch(article_id):
        raise _BadInputError(
            f"the id {article_id!r} is not safe as a file name (it must be 1–200 ASCII letters, digits, "
            "'_', '-' or '.', with no path separator and no '..')",
            'rename the file or set a safe "id" such as "2022-09-10_izyum"',
        )
    return article_id


def _parse_published(value: object) -> tuple[dt.date, dt.datetime | None]:
    if value is None:
        raise _BadInputError('the required "published" date is missing', _DATE_FIX)
    text = _string("published", value, _DATE_FIX).strip()
    if not _DATE_SHAPE.fullmatch(text):
        raise _BadInputError(f'"published" is {value!r}, which is not an ISO date', _DATE_FIX)
    try:
        when = dt.datetime.fromisoformat(text) if len(text) > 10 else None
        day = when.date() if when else dt.date.fromisoformat(text)
    except ValueError as err:
        raise _BadInputError(f'"published" is {value!r}, not a real date ({err})', _DATE_FIX) from None
    if when is not None and when.tzinfo is None:
        # Without an offset the day itself can be wrong by one; make the author say which zone.
        raise _BadInputError(f'"published" is {value!r}, a time without a UTC offset', _DATE_FIX)
    if not 1800 <= day.year <= 2100:
        raise _BadInputError(
            f'"published" is {value!r}, outside the accepted years 1800–2100', "check the year of the date"
        )
    return day, when


def _meta_of(record: Mapping[str, object], default_id: str | None) -> Article:
    """The validated metadata of a meta.json object or a JSONL record, as an Article still without text."""
    language = _optional(record, "language")
    if language is not None and re.split(r"[-_]", language.strip().lower())[0] != "fr":
        raise _BadInputError(
            f'the article declares "language": {language!r}; chronique reads French articles only',
            'remove this article, or set "language": "fr" if the text is in fact French',
        )
    day, when = _parse_published(record.get("published"))
    article_id = _check_id(default_id if record.get("id") is None else record["id"])
    title, url = _optional(record, "title"), _optional(record, "url")
    return Article(article_id, day, "", "", title=title, url=url, published_at=when)


def _check_text(text: str, options: Options) -> str:
    """The text itself, if it is non-empty, short enough and not in another language."""
    if not text.strip():
        raise _BadInputError("the text is empty or only whitespace", "add the article's text, or remove it")
    if "\x00" in text:
        raise _BadInputError("the text contains NUL characters (binary data)", "remove the NUL characters")
    if len(text) > options.max_text_chars:
        raise _BadInputError(
            f"the text has {len(text):,} characters, more than the limit of "
            f"max_text_chars={options.max_text_chars:,}",
            "split the article, or raise max_text_chars",
        )
    language = language_of(text)
    if language not in {"fr", "unknown"}:
        raise _BadInputError(
            f"the text is not French: its function words are those of language {language!r}",
            "chronique reads French articles only: remove this article or give its French version",
        )
    return text


def article_from_record(record: Mapping[str, object], source: str, options: Options) -> Article | Rejection:
    """One JSONL record (`id` or `doc_id`, `published`, `text`, optional `title`, `url`) as an Article."""
    # `doc_id` is the other common name for the id (exports of document stores).
    article_id = record.get("id") if record.get("id") is not None else record.get("doc_id")
    fields = {**record, "id": article_id}
    missing = [key for key in ("id", "published", "text") if fields.get(key) is None]
    try:
        if missing:
            raise _BadInputError(f"missing required field(s): {', '.join(missing)}", "add them to the line")
        meta = _meta_of(fields, None)
        return replace(meta, text=_check_text(_string("text", record["text"]), options), source=source)
    except _BadInputError as bad:
        return bad.rejection(source)


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 (BOM stripped), else cp1252 if that reads as French; binary data is refused."""
    head = data[:8192]
    if b"\x00" in data or sum(b in _CONTROL_BYTES for b in head) > len(head) / 10:
        raise _BadInputError("the file is binary data, not text", "give the article as a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not text or not _looks_french(text):
        raise _BadInputError(
            f"the file is not valid UTF-8 (bad byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            "and does not read as French text in cp1252 either",
            "re-save the file as UTF-8",
        )
    logger.warning("%s is not valid UTF-8; decoded it as cp1252 (Windows-1252) — re-save it as UTF-8", path)
    return text


def _read_text(path: Path, options: Options) -> str:
    # A UTF-8 character takes at most 4 bytes: a bigger file is surely over the limit, so don't load it.
    size = path.stat().st_size
    if size > 4 * options.max_text_chars:
        raise _BadInputError(
            f"the file is {size:,} bytes: surely over the limit of "
            f"max_text_chars={options.max_text_chars:,} characters",
            "split the article, or raise max_text_chars",
        )
    return _check_text(_decode(path.read_bytes(), path), options)


def _load_meta(path: Path) -> Mapping[str, object]:
    size = path.stat().st_size
    if size > MAX_META_BYTES:
        raise _BadInputError(
            f"the metadata file is {size:,} bytes, more than the limit of {MAX_META_BYTES:,}",
            'keep only the metadata in it, e.g. {"published": "2022-09-10", "title": "…"}',
        )
    try:
        record: object = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise _BadInputError("the metadata file is not UTF-8", "re-save it as UTF-8") from None
    except json.JSONDecodeError as err:
        raise _BadInputError(
            f"the metadata is not valid JSON ({err.msg} at line {err.lineno} column {err.colno})",
            'fix the JSON, e.g. {"published": "2022-09-10"}',
        ) from None
    except (ValueError, RecursionError) as err:  # a number of over 4,300 digits; arrays nested too deep
        raise _BadInputError(
            f"the metadata is not valid JSON ({err})", 'fix the JSON, e.g. {"published": "2022-09-10"}'
        ) from None
    if not isinstance(record, dict):
        raise _BadInputError(
            f"the metadata must be a JSON object, not a JSON {type(record).__name__}",
            'write an object such as {"published": "2022-09-10"}',
        )
    return record


def _folder_article(txt: Path, options: Options) -> Article | Rejection:
    stem = txt.name.removesuffix(".txt")
    source = txt.with_name(stem + META_SUFFIX)  # whichever file is being read is the one at fault
    try:
        meta = _meta_of(_load_meta(source), stem)
        source = txt
        return replace(meta, text=_read_text(txt, options), source=str(txt))
    except _BadInputError as bad:
        return bad.rejection(str(source))
    except OSError as err:
        return Rejection(str(source), f"cannot read the file ({err.strerror})", "check that it is readable")


def _check_utf8(path: Path) -> None:
    """Decode the whole file chunk by chunk, so that a bad file is one rejection, not one per line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            if b"\x00" in chunk:
                raise _BadInputError("the JSONL file is binary data (NUL bytes)", "give UTF-8 JSON lines")
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as err:
                raise _BadInputError(
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


def _jsonl_lines(path: Path, options: Options) -> Iterator[Article | Rejection]:
    try:
        _check_utf8(path)
    except _BadInputError as bad:
        yield bad.rejection(str(path))
        return
    except OSError as err:
        yield Rejection(str(path), f"the JSONL file cannot be read ({err.strerror})", "check the file")
        return
    limit = _JSONL_ESCAPE_FACTOR * options.max_text_chars + _JSONL_ENVELOPE_CHARS
    with path.open(encoding="utf-8-sig") as handle:
        for number, (line, length) in enumerate(_bounded_lines(handle, limit), start=1):
            source = f"{path}:{number}"
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


def _folder(folder: Path, options: Options) -> Iterator[Article | Rejection]:
    names = {p.name for p in folder.iterdir() if p.is_file()}
    for name in sorted(names):
        path = folder / name
        txt = name.removesuffix(META_SUFFIX) + ".txt"
        if name.endswith(META_SUFFIX) and txt not in names:
            yield Rejection(str(path), f"there is no text file {txt} for this metadata", f"add {txt}")
        elif name.endswith(".txt"):
            if name.removesuffix(".txt") + META_SUFFIX in names:
                yield _folder_article(path, options)
            else:
                meta = name.removesuffix(".txt") + META_SUFFIX
                yield Rejection(
                    str(path),
                    f"there is no metadata file {meta} for this text",
                    f'create {meta} with at least {{"published": "YYYY-MM-DD"}}',
                )
        elif name.endswith(".jsonl"):
            yield from _jsonl_lines(path, options)


def _printable(text: str) -> str:
    """A file name that is not UTF-8 (Python keeps its bytes as surrogates) with its bytes written as escapes,
    ``caf\\xe9.txt``, so that it can be printed and written to the outputs."""
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _printable_sources(items: Iterator[Article | Rejection]) -> Iterator[Article | Rejection]:
    for item in items:
        if isinstance(item, Article):
            yield replace(item, source=_printable(item.source))
        else:
            yield Rejection(_printable(item.source), _printable(item.reason), _printable(item.fix))


def _unique(items: Iterator[Article | Rejection]) -> Iterator[Article | Rejection]:
    """Reject an article whose id an earlier article already has, naming that one's source."""
    first: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article) and item.id in first:
            yield Rejection(
                item.source,
                f"the id {item.id!r} is already used by {first[item.id]}",
                "give one of the two articles another id, or remove the duplicate",
            )
        else:
            if isinstance(item, Article):
                first[item.id] = item.source
            yield item


def read_articles(path: Path, options: Options) -> Iterator[Article | Rejection]:
    """Stream the articles of a folder (`<id>.txt` + `<id>.meta.json`, `*.jsonl`) or of one JSONL file.

    Raises FileNotFoundError (at the call, not at the first item) if `path` does not exist.
    """
    if not path.exists():
        raise FileNotFoundError(f"the input {path} does not exist: give a folder of articles or a .jsonl")
    if path.is_dir():
        return _unique(_printable_sources(_folder(path, options)))
    if path.suffix == ".jsonl":
        return _unique(_printable_sources(_jsonl_lines(path, options)))
    raise ValueError(f"the input {path} is neither a folder nor a .jsonl file")
