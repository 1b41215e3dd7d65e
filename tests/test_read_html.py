"""Saved web pages: the main text without navigation, cookies or comments; the original publication date
and where it was found; a clear rejection for each page that is no readable article."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chronique.ingest import read_articles
from chronique.model import Article, Options, Rejection
from chronique.validate import InvalidInput
from chronique.web_dates import FoundDate, check_not_after, parse_date
from tests.web_inputs import SAVED_AT, WEB, copy_web, forbid_network, saved

CEST = dt.timezone(dt.timedelta(hours=2))  # Paris in summer
CET = dt.timezone(dt.timedelta(hours=1))  # in winter


def read_one(path: Path, options: Options | None = None) -> Article | Rejection:
    [item] = list(read_articles(path, options or Options()))
    return item


def article(tmp_path: Path, name: str) -> Article:
    copy_web(tmp_path, [name, name.replace(".html", ".meta.json")])
    item = read_one(tmp_path / name)
    assert isinstance(item, Article), item
    return item


# file, day, moment (None: the page gives no time with an offset), published_from
DATE_CASES = [
    pytest.param("izioum-jsonld.html", "2022-09-10", dt.datetime(2022, 9, 10, 8, 30, tzinfo=CEST),
                 "html:json-ld", id="json-ld-not-dateModified"),
    pytest.param("retraites-opengraph.html", "2022-12-05", dt.datetime(2022, 12, 5, 7, 15, tzinfo=CET),
                 "html:meta:article:published_time", id="meta-not-modified_time"),
    pytest.param("inondations-time.html", "2023-11-14", dt.datetime(2023, 11, 14, 10, 2, tzinfo=CET),
                 "html:time", id="first-time-not-the-update"),
    pytest.param("tour-url.html", "2022-07-13", None, "html:url", id="date-only-in-the-url"),
    pytest.param("greve-texte.html", "2022-12-16", None, "html:text", id="date-only-in-the-text"),
    pytest.param("direct-liveblog.html", "2022-04-24", dt.datetime(2022, 4, 24, 6, 0, tzinfo=CEST),
                 "html:json-ld", id="live-blog-its-start-not-a-post"),
    pytest.param("avec-meta.html", "2022-10-05", None, "meta", id="meta-json-beside-the-page"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "day", "moment", "published_from"), DATE_CASES)
def test_the_original_publication_date_and_where_it_was_found(
    tmp_path: Path, name: str, day: str, moment: dt.datetime | None, published_from: str
) -> None:
    found = article(tmp_path, name)
    assert (found.published, found.published_at, found.published_from) == (
        dt.date.fromisoformat(day),
        moment,
        published_from,
    )
    assert found.language == "fr"
    assert found.id == name.removesuffix(".html")


# file, title, text it must hold, text it must not hold (navigation, cookies, comments, related links)
TEXT_CASES = [
    pytest.param(
        "izioum-jsonld.html", "Guerre en Ukraine : l'armée ukrainienne reprend Izioum",
        ["L'armée ukrainienne a repris samedi la ville d'Izioum", "Les combats se poursuivaient dimanche"],
        ["cookies", "Accepter", "Commentaires", "Bravo aux soldats", "propagande", "À lire aussi",
         "Zaporijia", "prix du gaz", "Accueil", "Mentions légales", "dataLayer", "publicité"],
        id="cookie-banner-comments-related-links",
    ),
    pytest.param(
        "retraites-opengraph.html", "Retraites : le gouvernement présentera sa réforme en janvier",
        ["présenté le 10 janvier", "Olivier Dussopt"], ["S'abonner", "Se connecter"], id="open-graph",
    ),
    pytest.param(
        "direct-liveblog.html", "DIRECT. Élection présidentielle : suivez la soirée du second tour",
        ["Emmanuel Macron a été réélu", "La participation s'élevait à 63 %", "Les bureaux de vote"],
        ["Tous les directs"], id="live-blog-every-post",
    ),
    pytest.param(
        "avec-meta.html", "Culture : un budget en hausse de 7 %", ["un budget en hausse de sept"], [],
        id="title-from-meta-json",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "title", "present", "absent"), TEXT_CASES)
def test_the_main_text_and_title_without_boilerplate(
    tmp_path: Path, name: str, title: str, present: list[str], absent: list[str]
) -> None:
    found = article(tmp_path, name)
    assert found.title == title
    for words in present:
        assert words in found.text
    for words in absent:
        assert words not in found.text
    assert "\n\n" in found.text  # paragraphs apart, as in a .txt article
    assert "<" not in found.text


def test_the_url_is_the_canonical_one_or_the_meta_jsons(tmp_path: Path) -> None:
    assert article(tmp_path, "izioum-jsonld.html").url == (
        "https://www.lequotidien.example/international/ukraine-izioum-reprise"
    )
    assert article(tmp_path, "avec-meta.html").url == "https://culture.example/budget-2023"


def test_a_meta_json_overrides_only_what_it_gives(tmp_path: Path) -> None:
    copy_web(tmp_path, ["izioum-jsonld.html"])
    (tmp_path / "izioum-jsonld.meta.json").write_text(json.dumps({"url": "https://autre.example/izioum"}))
    found = read_one(tmp_path / "izioum-jsonld.html")
    assert isinstance(found, Article)
    assert (found.url, found.published_from) == ("https://autre.example/izioum", "html:json-ld")
    assert found.title == "Guerre en Ukraine : l'armée ukrainienne reprend Izioum"


# file, words of the reason, words of the fix
REJECTION_CASES = [
    pytest.param("sans-date.html", "no publication date found", "add sans-date.meta.json", id="no-date"),
    pytest.param("confidentialite.html", "no publication date found", "confidentialite.meta.json",
                 id="privacy-policy"),
    pytest.param("liste-rubrique.html", "no article text", "the article's own page", id="list-page"),
    pytest.param("abonnes.html", "paywall stub", "signed in", id="paywall-stub"),
    pytest.param("anglais.html", "not French", "French articles only", id="english"),
    pytest.param("tronquee.html", "truncated or broken", "save the page again in full", id="truncated"),
    pytest.param("futur.html", "after the file's own time 2023-12-01 12:00 UTC", "meta.json",
                 id="future-date"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "reason", "fix"), REJECTION_CASES)
def test_a_page_that_is_no_readable_article_is_rejected_with_the_fix(
    tmp_path: Path, name: str, reason: str, fix: str
) -> None:
    copy_web(tmp_path, [name])
    rejection = read_one(tmp_path / name)
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(tmp_path / name)
    assert reason in rejection.reason
    assert fix in rejection.fix


def test_a_future_page_is_read_once_the_file_is_newer(tmp_path: Path) -> None:
    copy_web(tmp_path, ["futur.html"])
    saved(tmp_path / "futur.html", dt.datetime(2024, 3, 22, tzinfo=dt.UTC))
    found = read_one(tmp_path / "futur.html")
    assert isinstance(found, Article)
    assert found.published == dt.date(2024, 3, 21)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the page is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"<html><body><p>Le d\xe9but d'un article", "truncated or broken"),
    ],
)
def test_broken_files_are_rejected(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "page.html").write_bytes(content)
    rejection = read_one(tmp_path / "page.html")
    assert isinstance(rejection, Rejection)
    assert reason in rejection.reason


def test_a_huge_page_is_refused_unread_naming_the_option(tmp_path: Path) -> None:
    copy_web(tmp_path, ["izioum-jsonld.html"])
    size = (tmp_path / "izioum-jsonld.html").stat().st_size
    rejection = read_one(tmp_path / "izioum-jsonld.html", Options(max_text_chars=size // 10))
    assert isinstance(rejection, Rejection)
    assert f"the page is {size:,} bytes" in rejection.reason
    assert "max_text_chars" in rejection.reason
    assert "raise max_text_chars" in rejection.fix


def test_reading_every_page_and_feed_opens_no_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_web(tmp_path)
    expected = list(read_articles(tmp_path, Options()))
    attempts = forbid_network(monkeypatch)
    assert list(read_articles(tmp_path, Options())) == expected
    assert attempts == []
    assert sum(isinstance(item, Article) for item in expected) >= 10


# what a page writes → (day, moment), or None when it is no date chronique accepts
PARSE_CASES = [
    ("2022-09-11T00:30:00+02:00", (dt.date(2022, 9, 11), dt.datetime(2022, 9, 11, 0, 30, tzinfo=CEST))),
    ("2022-09-10T22:30:00Z", (dt.date(2022, 9, 10), dt.datetime(2022, 9, 10, 22, 30, tzinfo=dt.UTC))),
    ("2022-09-10T08:30:00.000+0200", (dt.date(2022, 9, 10), dt.datetime(2022, 9, 10, 8, 30, tzinfo=CEST))),
    ("2022-09-10 08:30:00", (dt.date(2022, 9, 10), None)),  # no offset: the day only
    ("2022-09-10", (dt.date(2022, 9, 10), None)),
    ("2022-02-30", None),
    ("1700-01-01", None),
    ("10/09/2022", None),
    ("samedi", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_date(text: str, expected: tuple[dt.date, dt.datetime | None] | None) -> None:
    found = parse_date(text, "html:test")
    assert (None if found is None else (found.day, found.moment)) == expected


@pytest.mark.parametrize(
    ("found", "late"),
    [
        (FoundDate(dt.date(2023, 12, 1), dt.datetime(2023, 12, 1, 12, 59, tzinfo=dt.UTC), "x"), False),
        (FoundDate(dt.date(2023, 12, 1), dt.datetime(2023, 12, 1, 13, 1, tzinfo=dt.UTC), "x"), True),
        (FoundDate(dt.date(2023, 12, 2), None, "x"), False),  # a zone ahead of UTC: already the 2nd there
        (FoundDate(dt.date(2023, 12, 3), None, "x"), True),
    ],
)
def test_a_date_after_the_files_time_is_refused(found: FoundDate, late: bool) -> None:
    if late:
        with pytest.raises(InvalidInput, match="after the file's own time"):
            check_not_after(found, SAVED_AT)
    else:
        check_not_after(found, SAVED_AT)


def test_every_fixture_page_is_in_a_table_here() -> None:
    named = {p.values[0] for p in DATE_CASES + REJECTION_CASES}
    assert named == {p.name for p in WEB.glob("*.html")}


BODY = (
    "<p>Le gouvernement a présenté mercredi un projet de loi sur l'énergie, qui doit accélérer la "
    "construction de parcs éoliens en mer et de centrales solaires sur les terrains délaissés.</p>"
    "<p>Les députés examineront le texte en commission la semaine prochaine, a indiqué la ministre de la "
    "Transition énergétique devant la presse.</p>"
)
# markup of a page (head, then what comes before the article's paragraphs) → published_from, day
MARKUP_CASES = [
    pytest.param('<meta name="pubdate" content="2022-09-21T10:00:00+02:00">', "", "html:meta:pubdate",
                 "2022-09-21", id="meta-pubdate"),
    pytest.param('<meta itemprop="datePublished" content="2022-09-21">', "", "html:meta:datePublished",
                 "2022-09-21", id="meta-itemprop"),
    pytest.param("", '<time datetime="2022-09-23">23/09</time><time itemprop="datePublished" '
                 'datetime="2022-09-21T08:00:00+02:00">21/09</time>', "html:time", "2022-09-21",
                 id="time-itemprop-first"),
    pytest.param('<script type="application/ld+json">{"@type": ["NewsArticle"], "headline": "Une\nligne",'
                 ' "datePublished": "2022-09-21"}</script>', "", "html:json-ld", "2022-09-21",
                 id="json-ld-type-list-raw-newline"),
    pytest.param('<script type="application/ld+json">{"@type": "WebPage", "mainEntity": {"@type": '
                 '"NewsArticle", "datePublished": "2022-09-21"}}</script>', "", "html:json-ld", "2022-09-21",
                 id="json-ld-main-entity"),
    pytest.param('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>'
                 '<meta property="article:published_time" content="2022-09-22">', "",
                 "html:meta:article:published_time", "2022-09-22", id="broken-json-ld-falls-through"),
    pytest.param('<meta property="article:published_time" content="le 21 septembre">'
                 '<link rel="canonical" href="https://x.example/2022/09/20/energie">', "", "html:url",
                 "2022-09-20", id="unparsable-meta-falls-through"),
]  # fmt: skip


@pytest.mark.parametrize(("head", "before", "published_from", "day"), MARKUP_CASES)
def test_each_place_a_page_states_its_date(
    tmp_path: Path, head: str, before: str, published_from: str, day: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body><article>{before}{BODY}</article></body></html>")
    found = read_one(saved(page))
    assert isinstance(found, Article), found
    assert (found.published_from, found.published.isoformat()) == (published_from, day)


def test_a_page_in_windows_1252_is_decoded_by_its_charset(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    html = (
        '<html><head><meta charset="windows-1252"><meta property="article:published_time" '
        f'content="2022-09-21"></head><body><article>{BODY}</article></body></html>'
    )
    page.write_bytes(html.encode("cp1252"))
    found = read_one(saved(page))
    assert isinstance(found, Article), found
    assert "présenté mercredi" in found.text and "délaissés" in found.text
