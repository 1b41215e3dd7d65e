"""RSS and Atom feeds: one article per entry with text and date, the others rejected as FILE#N; XML bombs and
external entities refused before any parser expands them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest

from chronique.ingest import read_articles
from chronique.model import Article, Options, Rejection
from tests.web_inputs import WEB, copy_web, saved

PARIS_SUMMER = dt.timezone(dt.timedelta(hours=2))


def read(path: Path) -> list[Article | Rejection]:
    return list(read_articles(path, Options()))


def entries(tmp_path: Path, name: str) -> list[Article | Rejection]:
    copy_web(tmp_path, [name])
    return read(tmp_path / name)


def test_rss_entries_dates_texts_and_rejections_by_number(tmp_path: Path) -> None:
    first, second, third, fourth = entries(tmp_path, "depeches.rss")
    feed = tmp_path / "depeches.rss"
    assert isinstance(first, Article) and isinstance(second, Article)
    # 00:30 in Paris is still the 3rd in UTC: the day is the one the feed wrote
    assert first.published == dt.date(2022, 8, 4)
    assert first.published_at == dt.datetime(2022, 8, 4, 0, 30, tzinfo=PARIS_SUMMER)
    assert (first.source, first.published_from, first.language) == (f"{feed}#1", "feed", "fr")
    assert first.title == "Le Parlement adopte la loi sur le pouvoir d'achat"
    assert first.url == "https://www.lequotidien.example/politique/pouvoir-achat-adoption"
    assert first.text.startswith("Le Parlement a définitivement adopté")
    # the second has HTML inside: its full content, not its one-line description, as text
    assert second.text == (
        "Météo-France a levé mardi la vigilance rouge canicule dans quinze départements du Sud-Ouest, après "
        "des records de chaleur enregistrés lundi à Nantes et à Brest.\n\n"
        "Les pompiers luttaient toujours contre les incendies de Gironde, qui ont brûlé près de vingt mille "
        "hectares depuis le 12 juillet."
    )
    assert isinstance(third, Rejection) and isinstance(fourth, Rejection)
    assert third.message().startswith(f"{feed}#3: the entry has no date")
    assert fourth.message().startswith(f"{feed}#4: the entry has no text")


def test_atom_published_before_updated(tmp_path: Path) -> None:
    first, second = entries(tmp_path, "fil.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.published, first.published_from) == (dt.date(2022, 9, 8), "feed")  # not updated, the 9th
    assert first.text.startswith("La Banque centrale européenne a relevé jeudi")
    assert "\n\n" in first.text and "<p>" not in first.text
    assert (second.published, second.published_from) == (dt.date(2022, 8, 12), "feed:updated")
    assert second.text.startswith("Le taux de chômage a reculé")


def test_an_entry_keeps_its_id_when_the_feed_gains_entries(tmp_path: Path) -> None:
    before = [a.id for a in entries(tmp_path, "depeches.rss") if isinstance(a, Article)]
    text = (WEB / "depeches.rss").read_text(encoding="utf-8")
    newer = """<item><title>Nouvelle</title><guid>lq-nouvelle</guid>
  <pubDate>Fri, 05 Aug 2022 09:00:00 +0200</pubDate>
  <description>Le gouvernement a présenté vendredi un plan de sobriété énergétique.</description></item>
"""
    (tmp_path / "depeches.rss").write_text(text.replace("<item>", newer + "<item>", 1), encoding="utf-8")
    saved(tmp_path / "depeches.rss")
    after = [a for a in read(tmp_path / "depeches.rss") if isinstance(a, Article)]
    assert [a.id for a in after[1:]] == before
    assert after[0].source.endswith("depeches.rss#1") and after[1].source.endswith("depeches.rss#2")
    assert len({a.id for a in after}) == 3


@pytest.mark.parametrize("name", ["bombe.xml", "externe.xml"])
def test_entity_declarations_are_refused_before_parsing(tmp_path: Path, name: str) -> None:
    [rejection] = entries(tmp_path, name)
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(tmp_path / name)
    assert "declares XML entities" in rejection.reason
    assert "remove the <!DOCTYPE" in rejection.fix
    assert "root:" not in rejection.message()


def test_feedparser_alone_neither_reads_the_external_file_nor_expands_the_bomb() -> None:
    """The second line of defence, should the first miss a declaration: feedparser's own parser."""
    external = feedparser.parse((WEB / "externe.xml").read_bytes())
    assert "root:" not in str(external.entries)
    bomb = feedparser.parse((WEB / "bombe.xml").read_bytes())
    assert len(str(bomb.entries)) < 100_000  # "lol" 10⁹ times would be gigabytes


def test_an_xml_file_that_is_no_feed_is_rejected(tmp_path: Path) -> None:
    [rejection] = entries(tmp_path, "plan-du-site.xml")
    assert isinstance(rejection, Rejection)
    assert "not an RSS or Atom feed" in rejection.reason


def test_an_entry_dated_after_the_file_is_rejected(tmp_path: Path) -> None:
    copy_web(tmp_path, ["fil.atom"])
    saved(tmp_path / "fil.atom", dt.datetime(2022, 9, 1, tzinfo=dt.UTC))
    first, second = read(tmp_path / "fil.atom")
    assert isinstance(first, Rejection) and "after the file's own time" in first.reason
    assert first.source == f"{tmp_path / 'fil.atom'}#1"
    assert isinstance(second, Article)  # the 12 August entry is before the file's time


def test_an_empty_feed_is_one_rejection(tmp_path: Path) -> None:
    (tmp_path / "vide.rss").write_bytes(b"")
    [rejection] = read(tmp_path / "vide.rss")
    assert isinstance(rejection, Rejection) and "empty" in rejection.reason
