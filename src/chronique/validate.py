"""What every reader checks: the metadata of an article, its text, its bytes, its language.

A reader (``read_text``, ``read_jsonl``, …) raises `InvalidInput` with the reason and the fix; it knows the
file (and line) at fault and turns it into the `Rejection`. The messages are the same whichever format the
article came in, so that ``chronique run`` and ``chronique tag`` say the same thing about the same input.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

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
# A JSON "\ud800" escape decodes to a lone surrogate, which no encoder (spaCy's, Parquet's) accepts; a file
# name that is not UTF-8 holds them too (Python keeps its bytes as surrogates).
SURROGATE = re.compile(r"[\ud800-\udfff]")
# A metadata file is a few hundred bytes; anything this big is not one, and is not loaded.
MAX_META_BYTES = 1_000_000


class InvalidInput(Exception):  # noqa: N818  # not an error of the program: the reason an input is refused
    """Why an input is rejected and what to do; the caller, who knows the source, makes the Rejection."""

    def __init__(self, reason: str, fix: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fix = fix

    def rejection(self, source: str, article_id: str | None = None) -> Rejection:
        return Rejection(source=source, reason=self.reason, fix=self.fix, article_id=article_id)


def words_file(data_dir: Path | None) -> Path:
    """The language-words file of a data folder (``Options.data_dir``), or the packaged one."""
    return WORDS_FILE if data_dir is None else data_dir / WORDS_FILE.name


# The readers' one cache (the analysis keeps its data in chronique.analyzer): a file read once per process.
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
        raise InvalidInput(
            f'"{key}" must be a string, not {type(value).__name__}', fix or f'write "{key}" as a string'
        )
    if bad := SURROGATE.search(value):
        raise InvalidInput(
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
        raise InvalidInput(
            f"the id {article_id!r} is not safe as a file name (it must be 1–200 ASCII letters, digits, "
            "'_', '-' or '.', with no path separator and no '..')",
            'rename the file or set a safe "id" such as "2022-09-10_izyum"',
        )
    return article_id


def _parse_published(value: object) -> tuple[dt.date, dt.datetime | None]:
    if value is None:
        raise InvalidInput('the required "published" date is missing', _DATE_FIX)
    text = _string("published", value, _DATE_FIX).strip()
    if not _DATE_SHAPE.fullmatch(text):
        raise InvalidInput(f'"published" is {value!r}, which is not an ISO date', _DATE_FIX)
    try:
        when = dt.datetime.fromisoformat(text) if len(text) > 10 else None
        day = when.date() if when else dt.date.fromisoformat(text)
    except ValueError as err:
        raise InvalidInput(f'"published" is {value!r}, not a real date ({err})', _DATE_FIX) from None
    if when is not None and when.tzinfo is None:
        # Without an offset the day itself can be wrong by one; make the author say which zone.
        raise InvalidInput(f'"published" is {value!r}, a time without a UTC offset', _DATE_FIX)
    if not 1800 <= day.year <= 2100:
        raise InvalidInput(
            f'"published" is {value!r}, outside the accepted years 1800–2100', "check the year of the date"
        )
    return day, when


# The names other readers (read_html, read_feed) use.
check_id = _check_id
optional_string = _optional
parse_published = _parse_published


def meta_of(record: Mapping[str, object], default_id: str | None) -> Article:
    """The validated metadata of a meta.json object or a JSONL record, as an Article still without text."""
    language = _optional(record, "language")
    if language is not None and re.split(r"[-_]", language.strip().lower())[0] != "fr":
        raise InvalidInput(
            f'the article declares "language": {language!r}; chronique reads French articles only',
            'remove this article, or set "language": "fr" if the text is in fact French',
        )
    day, when = _parse_published(record.get("published"))
    article_id = _check_id(default_id if record.get("id") is None else record["id"])
    title, url = _optional(record, "title"), _optional(record, "url")
    return Article(article_id, day, "", "", title=title, url=url, published_at=when)


def check_text(text: str, options: Options) -> str:
    """The text itself, if it is non-empty, short enough and not in another language."""
    if not text.strip():
        raise InvalidInput("the text is empty or only whitespace", "add the article's text, or remove it")
    if "\x00" in text:
        raise InvalidInput("the text contains NUL characters (binary data)", "remove the NUL characters")
    if len(text) > options.max_text_chars:
        raise InvalidInput(
            f"the text has {len(text):,} characters, more than the limit of "
            f"max_text_chars={options.max_text_chars:,}",
            "split the article, or raise max_text_chars",
        )
    language = language_of(text, words_file(options.data_dir))
    if language not in {"fr", "unknown"}:
        raise InvalidInput(
            f"the text is not French: its function words are those of language {language!r}",
            "chronique reads French articles only: remove this article or give its French version",
        )
    return text


def article_from_record(record: Mapping[str, object], source: str, options: Options) -> Article | Rejection:
    """One JSONL record (`id` or `doc_id`, `published`, `text`, optional `title`, `url`) as an Article;
    a rejection keeps the record's id when it has a string one (``chronique tag`` writes it out)."""
    # `doc_id` is the other common name for the id (exports of document stores).
    article_id = record.get("id") if record.get("id") is not None else record.get("doc_id")
    fields = {**record, "id": article_id}
    missing = [key for key in ("id", "published", "text") if fields.get(key) is None]
    try:
        if missing:
            raise InvalidInput(f"missing required field(s): {', '.join(missing)}", "add them to the line")
        meta = meta_of(fields, None)
        text = check_text(_string("text", record["text"]), options)
        language = language_of(text, words_file(options.data_dir))
        return replace(meta, text=text, source=source, published_from="jsonl", language=language)
    except InvalidInput as bad:
        return bad.rejection(source, article_id if isinstance(article_id, str) else None)


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (BOM stripped), else cp1252 if that reads as French; binary data is refused."""
    head = data[:8192]
    if b"\x00" in data or sum(b in _CONTROL_BYTES for b in head) > len(head) / 10:
        raise InvalidInput("the file is binary data, not text", "give the article as a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not text or not _looks_french(text):
        raise InvalidInput(
            f"the file is not valid UTF-8 (bad byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            "and does not read as French text in cp1252 either",
            "re-save the file as UTF-8",
        )
    logger.warning("%s is not valid UTF-8; decoded it as cp1252 (Windows-1252) — re-save it as UTF-8", path)
    return text


def read_bytes_within_limit(path: Path, options: Options) -> bytes:
    """The file's bytes, unless there are surely too many for ``options.max_text_chars`` characters."""
    # A UTF-8 character takes at most 4 bytes: a bigger file is surely over the limit, so don't load it.
    size = path.stat().st_size
    if size > 4 * options.max_text_chars:
        raise InvalidInput(
            f"the file is {size:,} bytes: surely over the limit of "
            f"max_text_chars={options.max_text_chars:,} characters",
            "split the article, or raise max_text_chars",
        )
    return path.read_bytes()


def meta_path(path: Path, suffix: str) -> Path:
    """The ``<id>.meta.json`` that goes with the ``<id><suffix>`` file ``path``."""
    return path.with_name(path.name.removesuffix(suffix) + META_SUFFIX)


def load_meta(path: Path) -> Mapping[str, object]:
    """The JSON object of a ``<id>.meta.json``, not yet validated (`meta_of` does that)."""
    size = path.stat().st_size
    if size > MAX_META_BYTES:
        raise InvalidInput(
            f"the metadata file is {size:,} bytes, more than the limit of {MAX_META_BYTES:,}",
            'keep only the metadata in it, e.g. {"published": "2022-09-10", "title": "…"}',
        )
    try:
        record: object = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput("the metadata file is not UTF-8", "re-save it as UTF-8") from None
    except json.JSONDecodeError as err:
        raise InvalidInput(
            f"the metadata is not valid JSON ({err.msg} at line {err.lineno} column {err.colno})",
            'fix the JSON, e.g. {"published": "2022-09-10"}',
        ) from None
    except (ValueError, RecursionError) as err:  # a number of over 4,300 digits; arrays nested too deep
        raise InvalidInput(
            f"the metadata is not valid JSON ({err})", 'fix the JSON, e.g. {"published": "2022-09-10"}'
        ) from None
    if not isinstance(record, dict):
        raise InvalidInput(
            f"the metadata must be a JSON object, not a JSON {type(record).__name__}",
            'write an object such as {"published": "2022-09-10"}',
        )
    return record
