"""``timeline.html``: one self-contained page, article text escaped for each context, small enough to mail."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest

from chronique.markdown import heading
from chronique.outputs import STORY_MARKDOWN_NAME, WRITERS, OutputContext
from chronique.state import RunState
from chronique.timeline_html import HTML_NAME, escape_html, render_timeline_html, script_json, story_payload
from chronique.vocabulary import load
from tests.story_frames import (
    HOSTILE_SENTENCE,
    HOSTILE_SUMMARY,
    HOSTILE_TITLE,
    HOSTILE_URL,
    saturdays_story,
    seed_rows,
    seed_story,
    story_event,
    story_frame,
    timeline_frame,
)


class _Elements(HTMLParser):
    """Every start tag of a page, with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parsed(page: str) -> _Elements:
    elements = _Elements()
    elements.feed(page)
    return elements


def hostile_story() -> tuple[str, list[str]]:
    story = story_frame(
        [
            story_event(
                HOSTILE_SUMMARY,
                dt.date(2023, 3, 3),
                article_ids=["evil"],
                evidence=[HOSTILE_SENTENCE],
                actors=["<b>X</b>"],
                speaker="'\"&",
            ),
        ]
    )
    timeline = timeline_frame([{"article_id": "evil", "title": HOSTILE_TITLE, "url": HOSTILE_URL}])
    return render_timeline_html(story, timeline), [
        HOSTILE_SUMMARY,
        HOSTILE_SENTENCE,
        HOSTILE_TITLE,
        HOSTILE_URL,
    ]


def test_timeline_html_is_a_registered_output() -> None:
    assert HTML_NAME in WRITERS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("</script>", "\\u003c/script\\u003e"),
        ("<!--", "\\u003c!--"),
        ("a & b", "a \\u0026 b"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ('"', '\\"'),
        ("é", "é"),
    ],
)
def test_script_json_cannot_end_its_script_block(text: str, expected: str) -> None:
    assert script_json(text) == f'"{expected}"'
    assert json.loads(script_json(text)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<b>", "&lt;b&gt;"), ("a & b", "a &amp; b"), ("\"'", "&quot;&#x27;"), ("plain", "plain")],
)
def test_escape_html(text: str, expected: str) -> None:
    assert escape_html(text) == expected


def test_the_page_requests_nothing() -> None:
    page = render_timeline_html(seed_story(), timeline_frame(seed_rows()))
    elements = parsed(page)
    for tag, attributes in elements.tags:
        assert not {"src", "href", "srcset", "action", "poster", "data"} & set(attributes), (tag, attributes)
        assert tag not in {"link", "img", "iframe", "object", "embed", "base"}, tag
    assert "@import" not in page and "url(" not in page
    [policy] = [a["content"] for t, a in elements.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert policy is not None and policy.startswith("default-src 'none'; script-src 'sha256-")


def test_hostile_text_stays_inside_the_data_block() -> None:
    page, hostile = hostile_story()
    elements = parsed(page)
    # the same elements as a harmless page: nothing from the article became markup
    harmless = parsed(render_timeline_html(seed_story(), timeline_frame(seed_rows())))
    assert [tag for tag, _ in elements.tags] == [tag for tag, _ in harmless.tags]
    assert len(elements.scripts) == 2
    data = json.loads(elements.scripts[0])
    assert data["events"][0]["summary"] == HOSTILE_SUMMARY
    assert data["events"][0]["evidence"] == [HOSTILE_SENTENCE]
    assert data["articles"] == [{"id": "evil", "title": HOSTILE_TITLE, "url": HOSTILE_URL}]
    for text in hostile:
        assert ("<" in text) == (text not in page)  # each string with markup is written escaped
    assert "\u2028" not in page and "\u2029" not in page
    assert page.count("</script>") == 2


def test_payload_cites_each_article_once_with_its_title_and_url() -> None:
    story = story_frame(
        [
            story_event("Le pont est inauguré", dt.date(2022, 9, 10), article_ids=["a", "b"]),
            story_event("Le maire parle", dt.date(2022, 9, 11), article_ids=["b", "c"]),
        ]
    )
    timeline = timeline_frame(
        [
            {"article_id": "a", "title": "Lyon inaugure", "url": "https://exemple.fr/a"},
            {"article_id": "b", "title": None, "url": None},
            {"article_id": "b", "title": "Le pont", "url": None},
        ]
    )
    payload = story_payload(story, timeline)
    assert payload["articles"] == [
        {"id": "a", "title": "Lyon inaugure", "url": "https://exemple.fr/a"},
        {"id": "b", "title": "Le pont", "url": None},
        {"id": "c", "title": None, "url": None},
    ]
    assert [e["articles"] for e in payload["events"]] == [[0, 1], [1, 2]]
    assert [e["start"] for e in payload["events"]] == ["2022-09-10", "2022-09-11"]
    assert payload["unfactual"] == ["hypothetical", "negated", "question"]


def synthetic_story(n_events: int, n_articles: int) -> tuple[str, int]:
    """A story of ``n_events`` realistic events (two evidence sentences, two sources); the page's size."""
    sentence = (
        "Le ministre de l'Économie a annoncé mardi à Paris un plan de soutien de deux milliards d'euros "
        "pour les entreprises touchées par la hausse des prix de l'énergie, selon un communiqué."
    )
    events = [
        story_event(
            f"Le ministre a annoncé le plan numéro {i}",
            dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500),
            article_ids=[f"article-{i % n_articles:05d}", f"article-{(i * 7) % n_articles:05d}"],
            evidence=[sentence, sentence.replace("mardi", "mercredi")],
            actors=["le ministre de l'Économie", f"l'entreprise {i % 40}"],
            places=["Paris"],
            date_rank=i + 1,
        )
        for i in range(n_events)
    ]
    timeline = timeline_frame(
        [
            {
                "article_id": f"article-{k:05d}",
                "title": f"Un titre d'article de presse numéro {k}",
                "url": f"https://www.exemple-de-journal.fr/economie/2022/article-{k:05d}.html",
            }
            for k in range(n_articles)
        ]
    )
    return render_timeline_html(story_frame(events), timeline), len(events)


def test_200_events_weigh_at_most_one_megabyte() -> None:
    page, _ = synthetic_story(200, 120)
    assert len(page.encode("utf-8")) <= 1_000_000


def test_the_seed_page_lists_the_seed_events_in_date_order() -> None:
    page = render_timeline_html(seed_story(), timeline_frame(seed_rows()))
    data = json.loads(parsed(page).scripts[0])
    assert [e["start"] for e in data["events"]] == [
        "2022-04-01",
        "2022-09-08",
        "2022-09-09",
        "2022-09-10",
        "2022-09-10",
        "2022-09-10",
    ]
    assert data["events"][0]["grain"] == "month"
    assert re.search(r"<html lang=\"fr\">", page)


@pytest.mark.parametrize(
    ("requested", "days"),
    [
        (None, 11),  # the story's default (saturdays_story's docstring: min(40, 11, 29, 28))
        (1, 1),
        (3, 3),
        (28, 28),
        (50, 30),  # 31 ranked days, but the 31st holds a question only: 30 days of facts
    ],
)
def test_the_page_marks_the_key_dates_story_md_shows(requested: int | None, days: int) -> None:
    story = saturdays_story()
    context = OutputContext(
        story=story,
        timeline=timeline_frame([]),
        rejections=(),
        state=RunState(analysis="x", articles={}),
        vocabulary=load(),
        key_dates=requested,  # the run's --key-dates, as both writers receive it
    )
    payload = json.loads(parsed(WRITERS[HTML_NAME](context).decode("utf-8")).scripts[0])
    # what web/timeline.js marks: the days of a fact ranked at most keyDates
    marked = sorted(
        {
            dt.date.fromisoformat(e["start"])
            for e in payload["events"]
            if e["rank"] is not None
            and e["rank"] <= payload["keyDates"]
            and e["modality"] not in payload["unfactual"]
        }
    )
    story_md = WRITERS[STORY_MARKDOWN_NAME](context).decode("utf-8")
    headings = [
        line[3:] for line in story_md.splitlines() if line.startswith("## ") and line != "## Périodes"
    ]
    assert len(marked) == days
    assert [heading("day", "", day, day, context.vocabulary) for day in marked] == headings
