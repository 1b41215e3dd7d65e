"""``timeline.html`` in a real headless Chromium (Debian's ``chromium``, driven by Playwright for Python).

Every request that is not the page itself (``file://``) or inline data (``data:``) is recorded and aborted:
the tests fail if the page asks for anything. Skipped only where no Chromium is installed (``make
browser`` installs it; CI does so in ``.ci/run``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Route, sync_playwright
from playwright.sync_api import Page as BrowserPage

from chronique.story_markdown import render_story
from chronique.timeline_html import render_timeline_html
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
from tests.test_timeline_html import synthetic_story

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright's Python package is not installed"
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine (`make browser` installs Debian's chromium): browser tests not run",
)


@dataclass
class Page:
    """An open page, what it asked the network for, and what it said on the console."""

    page: BrowserPage
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def record(self, kind: str, text: str) -> None:
        if kind in {"error", "warning"}:
            self.errors.append(text)

    def rows(self) -> list[str]:
        return [text.strip() for text in self.page.locator("#lignes button.evenement").all_inner_texts()]


def wait_until(page: BrowserPage, expression: str, seconds: float = 30) -> None:
    """Poll ``expression`` with ``evaluate`` (the page's policy forbids the eval of ``wait_for_function``)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        time.sleep(0.05)


Opener = Callable[[str], Page]
"""Writes a page's HTML to a file and opens it in a fresh browser context, the network blocked."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser, tmp_path: Path) -> Iterator[Opener]:
    contexts: list[BrowserContext] = []

    def opener(html: str) -> Page:
        path = tmp_path / f"timeline-{len(contexts)}.html"
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        contexts.append(context)
        page = Page(context.new_page())

        def route(request_route: Route) -> None:
            url = request_route.request.url
            if url.startswith(("file://", "data:")):
                request_route.continue_()
            else:
                page.requests.append(url)
                request_route.abort()

        context.route("**/*", route)
        page.page.on("console", lambda message: page.record(message.type, message.text))
        page.page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.page.goto(path.as_uri())
        wait_until(page.page, "window.chroniqueReady === true")
        return page

    yield opener
    for context in contexts:
        context.close()


def seed_page(open_page: Opener, key_dates: int | None = None) -> Page:
    return open_page(render_timeline_html(seed_story(), timeline_frame(seed_rows()), key_dates=key_dates))


def test_the_seed_shows_its_events_with_french_dates_and_asks_for_nothing(open_page: Opener) -> None:
    page = seed_page(open_page)
    rows = page.rows()
    assert [row.splitlines()[0] for row in rows] == [
        "avril 2022",
        "jeudi 8 septembre 2022",
        "vendredi 9 septembre 2022",
        # a day's events by importance: a reported one in the article's lead (0.9 × 1.3, story_rank's rules
        # "modality" and "lead"), a fact further down (1.0), an inherited date (0.8)
        "samedi 10 septembre 2022rapporté",
        "samedi 10 septembre 2022",
        "samedi 10 septembre 2022",
    ]
    assert rows[1].splitlines()[1] == "L'offensive ukrainienne a commencé dans la région de Kharkov"
    assert page.page.inner_text("#compte") == "6 événements"
    # story.md's number of key dates: the seed is one article, so round(2 × √1) = 2, one week of
    # publication and no day that two articles support: min(2, 1, 1) = 1, its rank 1 (8 September)
    assert page.page.locator("#dates-cles button").all_inner_texts() == ["8 sept. 2022"]
    assert page.requests == []
    assert page.errors == []


def test_filters_narrow_the_list(open_page: Opener) -> None:
    page = seed_page(open_page, key_dates=3)  # its three ranked days (April is a month)
    page.page.select_option("#f-acteur", "la Russie")
    assert [row.splitlines()[1] for row in page.rows()] == ["Izum a été capturée par la Russie"]
    page.page.click("#f-effacer")
    assert len(page.rows()) == 6
    page.page.fill("#f-texte", "ministere")  # accents and case do not matter
    wait_until(page.page, "document.getElementById('compte').textContent === '1 événement'")
    assert [row.splitlines()[1] for row in page.rows()] == [
        "Le ministère russe de la Défense a publié une vidéo"
    ]
    page.page.click("#f-effacer")
    page.page.click("#dates-cles button >> text=9 sept. 2022")
    assert [row.splitlines()[0] for row in page.rows()] == ["vendredi 9 septembre 2022"]
    assert page.errors == []


def test_the_keyboard_walks_the_list_and_opens_an_event(open_page: Opener) -> None:
    page = seed_page(open_page)
    page.page.focus("#lignes button >> nth=0")
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("ArrowDown")
    headline = "L'offensive ukrainienne a commencé dans la région de Kharkov"
    assert page.page.inner_text("#detail h2") == headline
    assert "jeudi 8 septembre 2022" in page.page.inner_text("#detail dl")
    assert page.page.evaluate("document.activeElement.dataset.position") == "1"
    page.page.focus("#frise")
    page.page.keyboard.press("+")
    assert page.errors == []


def test_hostile_article_text_stays_text(open_page: Opener) -> None:
    story = story_frame(
        [
            story_event(
                HOSTILE_SUMMARY,
                dt.date(2023, 3, 3),
                article_ids=["evil"],
                evidence=[HOSTILE_SENTENCE],
                actors=["<b>X</b>"],
            )
        ]
    )
    timeline = timeline_frame([{"article_id": "evil", "title": HOSTILE_TITLE, "url": HOSTILE_URL}])
    page = open_page(render_timeline_html(story, timeline))
    page.page.click("#lignes button")
    assert page.page.inner_text("#detail h2") == HOSTILE_SUMMARY
    assert page.page.text_content("#detail .phrases q") == HOSTILE_SENTENCE
    assert page.page.inner_text("#detail .sources cite") == HOSTILE_TITLE
    assert page.page.locator("#detail a").count() == 0  # a javascript: URL is shown, never linked
    assert page.page.evaluate("window.pwned") is None
    assert page.page.locator("img, b, svg script, [onerror], [onload], [onmouseover]").count() == 0
    page.page.select_option("#f-acteur", "<b>X</b>")
    assert len(page.rows()) == 1
    assert page.requests == []
    assert page.errors == []


def test_unfactual_events_are_hidden_unless_asked_for(open_page: Opener) -> None:
    story = story_frame(
        [
            story_event("Le ministre a démissionné", dt.date(2022, 9, 10)),
            story_event("Le ministre a-t-il démissionné", dt.date(2022, 9, 11), modality="question"),
            story_event("Le ministre n'a pas démissionné", dt.date(2022, 9, 12), modality="negated"),
        ]
    )
    page = open_page(render_timeline_html(story, timeline_frame([])))
    assert len(page.rows()) == 1
    page.page.select_option("#f-modalite", "toutes")
    rows = page.rows()
    assert len(rows) == 3
    assert "question" in rows[1] and "nié" in rows[2]
    page.page.click("#lignes button >> nth=1")
    assert "non factuel : question" in page.page.inner_text("#detail dl")


def test_print_view_holds_the_whole_chronology(open_page: Opener) -> None:
    page = seed_page(open_page)
    page.page.emulate_media(media="print")
    wait_until(page.page, "document.querySelectorAll('#impression > li').length === 6")
    printed = page.page.inner_text("#impression")
    assert "samedi 10 septembre 2022" in printed
    assert "L'offensive ukrainienne à grande échelle" in printed  # the evidence, not only the summary
    assert page.page.locator("#liste").is_hidden()


def test_five_thousand_events_render_a_bounded_list_and_filter(open_page: Opener) -> None:
    html, n_events = synthetic_story(5000, 2000)
    page = open_page(html)
    assert page.page.inner_text("#compte") == "5\u202f000 événements"
    assert page.page.locator("#lignes li").count() <= 60  # only the rows in view (and a few more) exist
    assert page.page.locator("#frise rect").count() <= 400  # counted per column, not one mark per event
    page.page.fill("#f-texte", "plan numéro 4999")
    wait_until(page.page, "document.getElementById('compte').textContent === '1 événement'")
    page.page.fill("#f-texte", "")
    page.page.select_option("#f-acteur", "l'entreprise 3")
    wait_until(page.page, "document.getElementById('compte').textContent === '125 événements'")
    page.page.locator("#defilement").evaluate(
        "node => { node.scrollTop = 3000; node.dispatchEvent(new Event('scroll')); }"
    )
    wait_until(
        page.page,
        "document.querySelector('#lignes li') && document.querySelector('#lignes li').style.top !== '0px'",
    )
    assert page.page.locator("#lignes li").count() <= 60
    assert n_events == 5000
    assert page.requests == []
    assert page.errors == []


def saturdays_page(open_page: Opener, key_dates: int | None = None) -> Page:
    return open_page(render_timeline_html(saturdays_story(), timeline_frame([]), key_dates=key_dates))


def axis(page: Page) -> tuple[str, str, int]:
    """The axis as a reader sees it: its scale, its first tick's label, its number of ticks."""
    ticks = page.page.locator("#frise text.etiquette").all_text_contents()
    return page.page.inner_text("#echelle"), ticks[0], page.page.locator("#frise line.graduation").count()


# The opened view of saturdays_story, by hand (web/timeline.js, storyView): the key dates' span from the
# first day's start to the last day's end, a twentieth of it as a margin each side, at least a fortnight.
OPENED_VIEWS = [
    # 11 key dates, 17 Nov. to 26 Jan.: 71 days + 2 × 3.55 = 13 Nov. 10:48 to 30 Jan. 13:12; 78 days on
    # 1,246 px is 16 px a day: a week is 112 px ≥ 70, a day 16 < 70: weekly ticks from 13 Nov. (a Tuesday,
    # left of the frame): 20 Nov. to 29 Jan., 11 ticks
    (None, ("Échelle : semaines", "mar. 20 nov.", 11)),
    # 28 key dates, 17 Nov. to 25 May: 190 days + 2 × 9.5 = 7 Nov. 12:00 to 4 June 12:00; 6 px a day: a
    # week is 42 px, a month 179 px: monthly ticks, 1 Dec. to 1 June, 7 ticks (January named by its year)
    (28, ("Échelle : mois", "déc.", 7)),
    # 1 key date, 17 Nov.: 1 day + 2 × 1 day < a fortnight: 10 Nov. 12:00 to 24 Nov. 12:00; 89 px a day:
    # daily ticks, 11 Nov. (a Sunday) to 24 Nov., 14 ticks
    (1, ("Échelle : jours", "dim. 11 nov.", 14)),
]
# The whole span: 1836 to 2 June 2019 (the question's day ends then), 4 % more each side: about 1829 to
# 2027, 6 px a year: a decade is 63 px < 70, fifty years 315 px: ticks every fifty years, 1850 to 2000.
WHOLE_SPAN = ("Échelle : décennies", "1850", 4)


@pytest.mark.parametrize(("key_dates", "opened"), OPENED_VIEWS)
def test_the_axis_opens_on_the_key_dates_and_the_whole_span_is_a_click_away(
    open_page: Opener, key_dates: int | None, opened: tuple[str, str, int]
) -> None:
    page = saturdays_page(open_page, key_dates)
    assert axis(page) == opened
    page.page.click("#zoom-tout")
    assert axis(page) == WHOLE_SPAN
    page.page.click("#zoom-recit")
    assert axis(page) == opened
    page.page.focus("#frise")
    page.page.keyboard.press("0")
    assert axis(page) == WHOLE_SPAN
    page.page.keyboard.press("1")
    assert axis(page) == opened
    assert page.errors == []


def test_tick_labels_stay_inside_the_axis(open_page: Opener) -> None:
    # 1 key date: daily ticks to 24 Nov., 0.5 day (45 px) from the right edge: its label, about 70 px wide,
    # would be cut there; its tick stays
    page = saturdays_page(open_page, 1)
    labels = page.page.locator("#frise text.etiquette").evaluate_all(
        "nodes => nodes.map((n) => [n.textContent, n.getBBox().x + n.getBBox().width])"
    )
    width = page.page.evaluate("document.getElementById('frise').viewBox.baseVal.width")
    assert all(right <= width for _, right in labels)
    assert labels[-1][0] == "ven. 23 nov."
    assert page.page.locator("#frise line.graduation").count() == 14


def test_a_story_without_key_dates_opens_on_its_whole_span(open_page: Opener) -> None:
    story = story_frame(
        [
            story_event(
                "ce monument construit",
                dt.date(1836, 1, 1),
                dt.date(1836, 12, 31),
                grain="year",
                date_rank=None,
            ),
            story_event(
                "les gilets jaunes",
                dt.date(2018, 11, 1),
                dt.date(2018, 11, 30),
                grain="month",
                date_rank=None,
            ),
        ]
    )
    page = open_page(render_timeline_html(story, timeline_frame([])))
    # 1836 to 1 Dec. 2018, 4 % more each side: 1829 to 2026 again
    assert axis(page) == WHOLE_SPAN
    assert page.page.locator("#zoom-recit").is_hidden()
    assert page.page.locator("#zoom-tout").is_visible()


def top_row(page: Page) -> str:
    """The date and summary of the row at the top of the list's visible part."""
    top = page.page.evaluate("document.getElementById('defilement').scrollTop")
    row = page.page.locator(f'#lignes li[style*="top: {top}px"] button')
    return row.locator(".date").inner_text() + " | " + row.locator(".resume").inner_text()


@pytest.mark.parametrize(
    ("key_dates", "first"),
    [
        # the view starts on 13 Nov.: the first event that starts in it is the first Saturday; the call of
        # 12 Nov. and the background (1836, 1995, 2011, the taxes of 2016 to 2018: a period that overlaps
        # the view but began years before it) are above it
        (None, "samedi 17 novembre 2018 | Acte 1 : les gilets jaunes ont manifesté"),
        # the view starts on 7 Nov. (28 key dates) or 10 Nov. (one): the call of 12 Nov. is in the margin
        # the axis keeps before the first key date, not a key date itself (rank 29): the list opens on the
        # first key date, the call a row above it
        (28, "samedi 17 novembre 2018 | Acte 1 : les gilets jaunes ont manifesté"),
        (1, "samedi 17 novembre 2018 | Acte 1 : les gilets jaunes ont manifesté"),
        # 29 key dates: the call (rank 29) is one, the earliest: the list opens on it
        (29, "lundi 12 novembre 2018 | Un appel à bloquer les routes a été lancé"),
    ],
)
def test_the_list_starts_at_the_opened_period(open_page: Opener, key_dates: int | None, first: str) -> None:
    page = saturdays_page(open_page, key_dates)
    assert top_row(page) == first
    # after a filter, the list starts there again
    page.page.select_option("#f-acteur", "les gilets jaunes")
    assert top_row(page).startswith("samedi 17 novembre 2018")
    page.page.click("#f-effacer")
    assert top_row(page) == first
    # the background stays a scroll away, above
    page.page.locator("#defilement").evaluate(
        "node => { node.scrollTop = 0; node.dispatchEvent(new Event('scroll')); }"
    )
    wait_until(page.page, "document.querySelector('#lignes li button').textContent.startsWith('1836')")
    assert top_row(page) == "1836 | ce monument construit"
    assert page.errors == []


def test_a_key_date_lists_its_own_events_first(open_page: Opener) -> None:
    """A key date's button filters the list to the periods that hold its day and the day's events."""
    day = dt.date(2018, 12, 1)
    story = story_frame(
        [
            *(
                story_event(
                    f"Bilan de l'année numéro {n}",
                    dt.date(2018, 1, 1),
                    dt.date(2018, 12, 31),
                    grain="year",
                    date_rank=None,
                )
                for n in range(12)
            ),
            story_event(
                "La semaine de l'acte 3",
                dt.date(2018, 11, 26),
                dt.date(2018, 12, 2),
                grain="interval",
                date_rank=None,
            ),
            *(story_event(f"Acte 3, fait numéro {n}", day, importance=20 - n) for n in range(12)),
            story_event("Acte 2", dt.date(2018, 11, 24), date_rank=2),
        ]
    )
    page = open_page(render_timeline_html(story, timeline_frame([]), key_dates=2))
    page.page.click("#dates-cles button >> text=1er déc. 2018")
    # 25 rows: 12 years, the week, then the day's 12 events, the most important first; the axis shows
    # 24 Nov. to 8 Dec., where the week starts, but the list starts at the day the button names
    assert page.page.inner_text("#compte") == "25 événements"
    assert top_row(page) == "samedi 1er décembre 2018 | Acte 3, fait numéro 0"
    assert page.errors == []


@pytest.mark.parametrize(
    ("key_dates", "marked", "first", "last"),
    [
        # the Saturdays are ranked in date order: the first eleven (story.md's default: saturdays_story)
        (None, 11, "samedi 17 novembre 2018", "samedi 26 janvier 2019"),
        (3, 3, "samedi 17 novembre 2018", "samedi 1er décembre 2018"),
        (28, 28, "samedi 17 novembre 2018", "samedi 25 mai 2019"),
        # every day of facts: the fire of 2011 and the call of 12 Nov. too, not the day of a question
        (50, 30, "samedi 27 août 2011", "samedi 25 mai 2019"),
    ],
)
def test_the_page_marks_as_many_key_dates_as_story_md(
    open_page: Opener, key_dates: int | None, marked: int, first: str, last: str
) -> None:
    page = saturdays_page(open_page, key_dates)
    buttons = page.page.locator("#dates-cles button")
    days = [title.split(" — ")[0] for title in buttons.evaluate_all("nodes => nodes.map((n) => n.title)")]
    assert (len(days), days[0], days[-1]) == (marked, first, last)
    assert page.page.locator("#frise line.cle").count() == marked  # every one in the opened view
    # story.md's headings: the same days, in the same (date) order, written the same way ("1er")
    story_md = render_story(saturdays_story(), load(), key_dates, {})
    assert days == [
        line[3:] for line in story_md.splitlines() if line.startswith("## ") and line != "## Périodes"
    ]
    assert page.errors == []


def key_labels(page: Page) -> list[dict[str, float]]:
    """The key-date labels drawn on the axis: rank and box (SVG units: the axis is drawn 1:1 in px)."""
    labels: list[dict[str, float]] = page.page.locator("#frise text.etiquette-cle").evaluate_all(
        """nodes => nodes.map((n) => {
            const box = n.getBBox();
            const rank = Number(n.dataset.rang);
            return { rank, x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height };
        })"""
    )
    return labels


def assert_apart(labels: list[dict[str, float]], width: float) -> None:
    for i, one in enumerate(labels):
        assert one["x"] >= 0 and one["right"] <= width, one
        for other in labels[i + 1 :]:
            apart = one["right"] <= other["x"] or other["right"] <= one["x"]
            apart = apart or one["bottom"] <= other["y"] or other["bottom"] <= one["y"]
            assert apart, (one, other)


@pytest.mark.parametrize(
    "actions",
    [
        [],
        ["#zoom-tout"],
        ["#zoom-arriere"],
        ["#zoom-avant", "#zoom-avant"],
    ],
)
@pytest.mark.parametrize("key_dates", [None, 28])
def test_key_date_labels_never_overlap(open_page: Opener, key_dates: int | None, actions: list[str]) -> None:
    page = saturdays_page(open_page, key_dates)
    for button in actions:
        page.page.click(button)
    width = page.page.evaluate("document.getElementById('frise').viewBox.baseVal.width")
    labels = key_labels(page)
    assert_apart(labels, width)
    lines = page.page.locator("#frise line.cle").evaluate_all(
        "nodes => nodes.map((n) => Number(n.dataset.rang))"
    )
    assert {label["rank"] for label in labels} <= set(lines)
    if 1 in lines:
        assert 1 in {label["rank"] for label in labels}  # the best rank always keeps its label


@pytest.mark.parametrize("ranks", [(1, 2, 3, 4), (4, 3, 2, 1), (2, 4, 1, 3), (3, 1, 4, 2)])
def test_crowded_key_date_labels_keep_the_best_ranks(open_page: Opener, ranks: tuple[int, ...]) -> None:
    """Four key dates on four days in a row, ranked in some order, and a background year 23 years before."""
    story = story_frame(
        [
            story_event(
                "les grandes grèves", dt.date(1995, 1, 1), dt.date(1995, 12, 31), grain="year", date_rank=None
            ),
            *(
                story_event(
                    f"Fait de rang {rank}", dt.date(2018, 11, 17) + dt.timedelta(days=day), date_rank=rank
                )
                for day, rank in enumerate(ranks)
            ),
        ]
    )
    page = open_page(render_timeline_html(story, timeline_frame([]), key_dates=4))
    # opened on a fortnight (4 days + 2 margins of a day are less): 89 px a day, room for every label
    assert sorted(label["rank"] for label in key_labels(page)) == [1, 2, 3, 4]
    # the whole span, 23 years: the four days are within 1 px, three rows of labels hold ranks 1 to 3
    page.page.click("#zoom-tout")
    labels = key_labels(page)
    assert sorted(label["rank"] for label in labels) == [1, 2, 3]
    assert page.page.locator("#frise line.cle").count() == 4  # the fourth date is still marked
    assert_apart(labels, page.page.evaluate("document.getElementById('frise').viewBox.baseVal.width"))
    page.page.click("#zoom-recit")
    assert sorted(label["rank"] for label in key_labels(page)) == [1, 2, 3, 4]
    assert page.errors == []
