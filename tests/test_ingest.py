"""Tests for the input stage: every bad input is one Rejection, and the good articles are still read."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from chronique.ingest import READERS, is_readable, read_articles, reader_of, unreadable_message
from chronique.model import Article, Options, Rejection
from chronique.validate import article_from_record, language_of, load_language_words

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FRENCH = (
    "Le président a annoncé samedi une réforme des retraites. Les syndicats ont été reçus à l'Élysée, "
    "mais ils sont restés prudents dans leurs déclarations pour la presse."
)
ENGLISH = (
    "The president said on Monday that the army was ready and that the troops are in the city "
    "with their allies, but it has not been confirmed by the ministry."
)
GERMAN = "Der Präsident hat gesagt, dass die Armee bereit ist und nicht mit den Truppen auf die Stadt zieht."
META = json.dumps({"published": "2022-09-10"})
# A saved page and a feed of one article, for the table of one article of each format.
PAGE = (
    '<html><head><meta property="article:published_time" content="2022-09-10T08:00:00+02:00"></head>'
    f"<body><article><p>{FRENCH}</p><p>Les négociations reprendront lundi au ministère du Travail, "
    "a indiqué la Première ministre devant les députés.</p></article></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><guid>a</guid>'
    f"<pubDate>Sat, 10 Sep 2022 08:00:00 +0200</pubDate><description>{FRENCH}</description></item>"
    "</channel></rss>"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4

Files = dict[str, str | bytes]


def write(folder: Path, files: Files) -> None:
    """Write each file (text as UTF-8, bytes as they are)."""
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def meta(**fields: object) -> str:
    return json.dumps({"published": "2022-09-10", **fields})


def read(path: Path, options: Options | None = None) -> list[Article | Rejection]:
    return list(read_articles(path, options or Options()))


def split(items: list[Article | Rejection]) -> tuple[list[Article], list[Rejection]]:
    articles = [item for item in items if isinstance(item, Article)]
    return articles, [item for item in items if isinstance(item, Rejection)]


def with_good(files: Files) -> Files:
    """The bad files plus one good article, which must still be read."""
    return {**files, "good.txt": FRENCH, "good.meta.json": META}


BAD_FOLDER_CASES = [
    pytest.param({"bad.txt": FRENCH}, "bad.txt", "no metadata file bad.meta.json", id="missing-meta"),
    pytest.param({"bad.meta.json": META}, "bad.meta.json", "no text file bad.txt", id="meta-without-text"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": "{published: 2022"}, "bad.meta.json", "not valid JSON",
                 id="meta-not-json"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": '["2022-09-10"]'}, "bad.meta.json", "JSON object",
                 id="meta-not-object"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": b"\xff\xfe{}"}, "bad.meta.json", "not UTF-8",
                 id="meta-not-utf8"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": '{"title": "Izyum"}'}, "bad.meta.json",
                 '"published" date is missing', id="no-published"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(published="2022-13-45")}, "bad.meta.json",
                 "not a real date", id="impossible-date"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(published="2022-02-30")}, "bad.meta.json",
                 "not a real date", id="february-30"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(published="demain")}, "bad.meta.json",
                 "not an ISO date", id="unparsable-date"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(published=20220910)}, "bad.meta.json",
                 "must be a string", id="date-not-string"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(published="1799-12-31")}, "bad.meta.json",
                 "1800–2100", id="date-before-1800"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(published="2101-01-01")}, "bad.meta.json",
                 "1800–2100", id="date-after-2100"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(published="2022-09-10T08:30:00")}, "bad.meta.json",
                 "without a UTC offset", id="datetime-without-offset"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(id="a/b")}, "bad.meta.json", "not safe",
                 id="id-with-slash"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(id="a\\b")}, "bad.meta.json", "not safe",
                 id="id-with-backslash"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(id="..")}, "bad.meta.json", "not safe",
                 id="id-dot-dot"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(id="a:b?")}, "bad.meta.json", "not safe",
                 id="id-unsafe-chars"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(id="")}, "bad.meta.json", "not safe",
                 id="id-empty"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(id=7)}, "bad.meta.json", '"id" must be a string',
                 id="id-not-string"),
    pytest.param({"a b.txt": FRENCH, "a b.meta.json": META}, "a b.meta.json", "not safe",
                 id="unsafe-file-stem"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(language="en")}, "bad.meta.json",
                 "'en'", id="declared-english"),
    pytest.param({"bad.txt": FRENCH, "bad.meta.json": meta(title=["x"])}, "bad.meta.json",
                 '"title" must be a string', id="title-not-string"),
    pytest.param({"bad.txt": "", "bad.meta.json": META}, "bad.txt", "empty", id="empty-text"),
    pytest.param({"bad.txt": " \n\t\n ", "bad.meta.json": META}, "bad.txt", "only whitespace",
                 id="whitespace-text"),
    pytest.param({"bad.txt": PNG, "bad.meta.json": META}, "bad.txt", "binary", id="png-as-txt"),
    pytest.param({"bad.txt": FRENCH.encode() + b"\x00" + FRENCH.encode(), "bad.meta.json": META}, "bad.txt",
                 "binary", id="nul-byte"),
    pytest.param({"bad.txt": b"\x01\x02\x03\x04\x05\x06 abc \x07\x08", "bad.meta.json": META}, "bad.txt",
                 "binary", id="control-bytes"),
    pytest.param({"bad.txt": b"\x81\x8d\x8f\x90\x9d Paris", "bad.meta.json": META}, "bad.txt",
                 "not valid UTF-8", id="not-utf8-not-cp1252"),
    pytest.param({"bad.txt": (ENGLISH + " Café.").encode("cp1252"), "bad.meta.json": META}, "bad.txt",
                 "not valid UTF-8", id="cp1252-not-french"),
    pytest.param({"bad.txt": ENGLISH, "bad.meta.json": META}, "bad.txt", "'en'", id="english-text"),
    pytest.param({"bad.txt": GERMAN, "bad.meta.json": META}, "bad.txt", "'de'", id="german-text"),
]  # fmt: skip


@pytest.mark.parametrize(("files", "source", "reason"), BAD_FOLDER_CASES)
def test_bad_folder_input_is_one_rejection(tmp_path: Path, files: Files, source: str, reason: str) -> None:
    write(tmp_path, with_good(files))
    articles, rejections = split(read(tmp_path))
    assert [r.source for r in rejections] == [str(tmp_path / source)]
    assert reason in rejections[0].reason
    assert rejections[0].fix
    assert [a.id for a in articles] == ["good"]


def test_seed_folder_reads_as_one_article() -> None:
    items = read(SEEDS)
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article)
    assert article.id == "000_b5c863f8a0090c42"
    assert article.published == dt.date(2022, 9, 10)
    assert article.published_at is None
    assert article.source == str(SEEDS / "000_b5c863f8a0090c42.txt")
    assert article.text.startswith("Kharkiv Kharkiv")


@pytest.mark.parametrize(
    ("published", "day", "offset"),
    [
        ("2022-09-10T08:30:00+02:00", dt.date(2022, 9, 10), dt.timedelta(hours=2)),
        # The local date of publication counts, not the UTC one (2022-09-11 04:30 UTC here).
        ("2022-09-10T23:30:00-05:00", dt.date(2022, 9, 10), dt.timedelta(hours=-5)),
        ("2022-09-10T08:30:00Z", dt.date(2022, 9, 10), dt.timedelta(0)),
    ],
)
def test_datetime_with_offset(tmp_path: Path, published: str, day: dt.date, offset: dt.timedelta) -> None:
    write(
        tmp_path, {"a.txt": FRENCH, "a.meta.json": meta(published=published, title="Titre", url="https://x")}
    )
    [article] = read(tmp_path)
    assert isinstance(article, Article)
    assert article.published == day
    assert article.published_at is not None
    assert article.published_at.utcoffset() == offset
    assert (article.title, article.url) == ("Titre", "https://x")


def test_meta_id_overrides_file_stem_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": FRENCH, "a.meta.json": meta(id="izyum-2022", note="x", language="fr-FR")})
    [article] = read(tmp_path)
    assert isinstance(article, Article)
    assert article.id == "izyum-2022"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    write(
        tmp_path, {"a.txt": b"\xef\xbb\xbf" + FRENCH.encode(), "a.meta.json": b"\xef\xbb\xbf" + META.encode()}
    )
    [article] = read(tmp_path)
    assert isinstance(article, Article)
    assert article.text == FRENCH


@pytest.mark.parametrize("text", [FRENCH, "Été brûlant à Orléans."], ids=["long", "short"])
def test_cp1252_french_is_decoded_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    write(tmp_path, {"a.txt": text.encode("cp1252"), "a.meta.json": META})
    with caplog.at_level(logging.WARNING, logger="chronique.validate"):
        [article] = read(tmp_path)
    assert isinstance(article, Article)
    assert article.text == text
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert str(tmp_path / "a.txt") in record.getMessage()
    assert "cp1252" in record.getMessage()


def test_english_article_is_rejected_naming_the_language(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": ENGLISH, "a.meta.json": META})
    [rejection] = read(tmp_path)
    assert isinstance(rejection, Rejection)
    assert "en" in rejection.reason
    assert "not French" in rejection.reason


def test_short_text_with_too_little_evidence_is_accepted(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"a.txt": "Kharkiv : bilan.", "b.txt": "OK computer", "a.meta.json": META, "b.meta.json": META},
    )
    assert [type(item) for item in read(tmp_path)] == [Article, Article]


def test_duplicate_id_rejects_the_second_naming_the_first(tmp_path: Path) -> None:
    write(tmp_path, with_good({
        "a.txt": FRENCH, "a.meta.json": meta(id="x"), "b.txt": FRENCH, "b.meta.json": meta(id="x"),
    }))  # fmt: skip
    articles, rejections = split(read(tmp_path))
    assert [a.source for a in articles] == [str(tmp_path / "a.txt"), str(tmp_path / "good.txt")]
    [rejection] = rejections
    assert rejection.source == str(tmp_path / "b.txt")
    assert "'x'" in rejection.reason
    assert str(tmp_path / "a.txt") in rejection.reason


def test_text_over_the_char_limit_after_decoding(tmp_path: Path) -> None:
    limit = len(FRENCH)  # the good article just fits
    # 2 bytes a character: passes the byte pre-check (4 × limit), fails on characters.
    write(tmp_path, with_good({"bad.txt": "é" * (limit + 1), "bad.meta.json": META}))
    articles, rejections = split(read(tmp_path, Options(max_text_chars=limit)))
    assert [a.id for a in articles] == ["good"]
    [rejection] = rejections
    assert rejection.source == str(tmp_path / "bad.txt")
    assert f"more than the limit of max_text_chars={limit}" in rejection.reason


def test_20_mb_file_is_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(20):
            handle.write("Le chat est là. " * 65_536)
    write(tmp_path, with_good({"big.meta.json": META}))
    read_bytes = Path.read_bytes

    def guarded(path: Path) -> bytes:
        assert path != big, "the 20 MB file must not be loaded"
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    articles, rejections = split(read(tmp_path))
    assert [a.id for a in articles] == ["good"]
    [rejection] = rejections
    assert rejection.source == str(big)
    assert "max_text_chars=1,000,000" in rejection.reason


def test_jsonl_one_bad_line_among_two_good(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "published": "2022-09-10", "text": FRENCH, "title": "A"}),
        '{"id": "b", "published": ',
        json.dumps({"doc_id": "c", "published": "2022-09-11T10:00:00+02:00", "text": FRENCH}),
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    articles, rejections = split(read(path))
    assert [(a.id, a.source) for a in articles] == [("a", f"{path}:1"), ("c", f"{path}:3")]
    assert articles[0].title == "A"
    assert articles[1].published_at == dt.datetime(2022, 9, 11, 8, tzinfo=dt.UTC)
    [rejection] = rejections
    assert rejection.source == f"{path}:2"
    assert "not valid JSON" in rejection.reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json", "not valid JSON"),
        ('["a", "2022-09-10"]', "JSON list, not an object"),
        ('{"published": "2022-09-10"}', "missing required field(s): id, text"),
        ('{"id": "b", "doc_id": null, "text": "x"}', "missing required field(s): published"),
        ('{"id": 3, "published": "2022-09-10", "text": "x"}', '"id" must be a string'),
        ('{"id": "b", "published": "2022-09-10", "text": 3}', '"text" must be a string'),
        ('{"id": "b", "published": "2022-09-10", "text": "x", "url": 3}', '"url" must be a string'),
        ('{"id": "b", "published": "demain", "text": "x"}', "not an ISO date"),
        ('{"id": "../b", "published": "2022-09-10", "text": "x"}', "not safe"),
        ('{"id": "a", "published": "2022-09-10", "text": "x"}', "already used"),
        (json.dumps({"id": "b", "published": "2022-09-10", "text": ENGLISH}), "'en'"),
        (json.dumps({"id": "b", "published": "2022-09-10", "text": " "}), "empty"),
        (json.dumps({"id": "b", "published": "2022-09-10", "text": "\x00"}), "NUL"),
    ],
)
def test_jsonl_bad_line_is_one_rejection(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "batch.jsonl"
    good = [json.dumps({"id": i, "published": "2022-09-10", "text": FRENCH}) for i in ("a", "c")]
    path.write_text("\n".join([good[0], line, good[1]]), encoding="utf-8")
    articles, rejections = split(read(tmp_path))
    assert [a.id for a in articles] == ["a", "c"]
    [rejection] = rejections
    assert rejection.source == f"{path}:2"
    assert reason in rejection.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b'{"id": "a", "published": "2022-09-10", "text": "\xe9t\xe9"}\n',
            "not valid UTF-8 (bad byte at offset 48)",
        ),
        ('{"id": "a"}\n'.encode("utf-16"), "binary"),
    ],
)
def test_undecodable_jsonl_is_one_rejection(tmp_path: Path, content: bytes, reason: str) -> None:
    write(tmp_path, with_good({"batch.jsonl": content}))
    articles, rejections = split(read(tmp_path))
    assert [a.id for a in articles] == ["good"]
    [rejection] = rejections
    assert rejection.source == str(tmp_path / "batch.jsonl")
    assert reason in rejection.reason


def test_jsonl_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    record = {"id": "a", "published": "2022-09-10", "text": FRENCH}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(record).encode())
    assert [item.source for item in read(path)] == [f"{path}:1"]


def test_article_from_record() -> None:
    record = {"id": "a", "published": "2022-09-10", "text": FRENCH, "extra": 1}
    article = article_from_record(record, "mem:1", Options())
    assert article == Article("a", dt.date(2022, 9, 10), FRENCH, "mem:1", published_from="jsonl")
    rejection = article_from_record({**record, "language": "de"}, "mem:2", Options())
    assert isinstance(rejection, Rejection)
    assert rejection.source == "mem:2"


@pytest.mark.parametrize(
    ("line", "article_id"),
    [
        ('{"id": "b", "published": "demain", "text": "x"}', "b"),
        ('{"doc_id": "b", "text": "x"}', "b"),
        ('{"id": "../b", "published": "2022-09-10", "text": "x"}', "../b"),  # kept as given, not as a path
        ('{"id": 3, "published": "2022-09-10", "text": "x"}', None),
        ('{"published": "2022-09-10", "text": "x"}', None),
        ("not json", None),
        ('["b"]', None),
        (json.dumps({"id": "a", "published": "2022-09-10", "text": FRENCH}), "a"),  # a duplicate
    ],
)
def test_rejected_line_keeps_the_id_it_gave(tmp_path: Path, line: str, article_id: str | None) -> None:
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "a", "published": "2022-09-10", "text": FRENCH})
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    [_, rejection] = read(path)
    assert isinstance(rejection, Rejection)
    assert rejection.article_id == article_id


def test_order_is_sorted_and_deterministic(tmp_path: Path) -> None:
    jsonl = json.dumps({"id": "j", "published": "2022-09-10", "text": FRENCH})
    # Written out of order; also a file that is not an input at all.
    write(tmp_path, {
        "c.txt": FRENCH, "c.meta.json": META, "README.md": "notes", "a.txt": FRENCH, "b.jsonl": jsonl,
        "a.meta.json": META, "d.meta.json": META,
    })  # fmt: skip
    first = read(tmp_path)
    assert first == read(tmp_path)
    names = ["README.md", "a.txt", "b.jsonl:1", "c.txt", "d.meta.json"]  # README.md: named as skipped
    assert [item.source for item in first] == [str(tmp_path / name) for name in names]


def test_missing_folder_raises_at_the_call(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        read_articles(tmp_path / "nowhere", Options())


def test_input_of_no_registered_suffix_raises_at_the_call(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match=r"a\.csv: neither a folder nor a file chronique reads \(\.txt, "):
        read_articles(tmp_path / "a.csv", Options())


# One article of each registered format, as the files that make it up; a new format must add its row.
ONE_ARTICLE_OF: dict[str, Files] = {
    ".txt": {"a.txt": FRENCH, "a.meta.json": META},
    ".jsonl": {"a.jsonl": json.dumps({"id": "a", "published": "2022-09-10", "text": FRENCH})},
    **{suffix: {f"a{suffix}": PAGE} for suffix in (".html", ".htm")},
    **{suffix: {f"a{suffix}": RSS} for suffix in (".xml", ".rss", ".atom")},
}


def test_every_registered_suffix_has_a_sample_here() -> None:
    assert sorted(ONE_ARTICLE_OF) == sorted(READERS)


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_each_registered_suffix_is_read_alone_and_in_a_folder(tmp_path: Path, suffix: str) -> None:
    write(tmp_path, ONE_ARTICLE_OF[suffix])
    path = tmp_path / f"a{suffix}"
    assert reader_of(path.name) is READERS[suffix]
    assert is_readable(path)
    alone, in_folder = read(path), read(tmp_path)
    assert [type(item) for item in alone] == [Article]
    assert alone == in_folder


@pytest.mark.parametrize("name", ["a.csv", "a.json", "a.md", "a", "a.txt.bak", "a.jsonl.gz"])
def test_a_file_of_no_registered_suffix_is_not_readable_and_named(tmp_path: Path, name: str) -> None:
    write(tmp_path, {name: META})
    assert reader_of(name) is None
    assert not is_readable(tmp_path / name)
    [skipped] = read(tmp_path)
    assert isinstance(skipped, Rejection)
    assert skipped.source == str(tmp_path / name)
    assert skipped.reason.startswith("skipped: ")
    assert "move it out of the folder" in skipped.fix


def test_unreadable_message_names_every_registered_suffix() -> None:
    message = unreadable_message(Path("a.csv"))
    assert message.startswith(
        "a.csv: neither a folder nor a file chronique reads (.txt, .jsonl, .html, .htm, .xml, .rss, .atom) "
        "— give a folder of articles, "
    )
    assert all(suffix in message and READERS[suffix].hint in message for suffix in READERS)


def test_metadata_beside_a_file_that_takes_none_is_named(tmp_path: Path) -> None:
    write(tmp_path, {**ONE_ARTICLE_OF[".jsonl"], "a.meta.json": META})
    assert reader_of("a.meta.json") is None  # it is read with the file it describes, never alone
    assert not is_readable(tmp_path / "a.meta.json")
    articles, rejections = split(read(tmp_path))
    assert [a.source for a in articles] == [f"{tmp_path / 'a.jsonl'}:1"]
    assert [r.message() for r in rejections] == [
        f"{tmp_path / 'a.meta.json'}: there is no text file a.txt or page a.html or page a.htm for this "
        "metadata — add a.txt or a.html or a.htm"
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FRENCH, "fr"),
        (ENGLISH, "en"),
        (GERMAN, "de"),
        ("El presidente dijo que los soldados y las tropas están listos para la guerra.", "es"),
        ("Il presidente della Repubblica ha detto che non sono pronti per la guerra.", "it"),
        ("Kharkiv, Izyum, Donetsk.", "unknown"),
        ("", "unknown"),
    ],
)
def test_language_of(text: str, language: str) -> None:
    assert language_of(text) == language


def test_seed_is_french() -> None:
    assert language_of((SEEDS / "000_b5c863f8a0090c42.txt").read_text(encoding="utf-8")) == "fr"


def test_language_words_file_is_valid() -> None:
    words = load_language_words()
    for code in ("fr", "en", "de", "es", "it"):
        assert sum(lang == code for lang in words.values()) >= 20
    # Shared words (la: fr, es, it) are no evidence for any language.
    assert "la" not in words
    assert words["les"] == "fr"


@pytest.mark.parametrize(
    "line",
    ["fr\tle\textra", "fr", "french\tle", "fr\t ", "\tle", "FR\tle"],
)
def test_malformed_language_words_file(tmp_path: Path, line: str) -> None:
    path = tmp_path / "words.tsv"
    path.write_text(f"# comment\nfr\tles\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"{path}:3"):
        load_language_words(path)
