"""Tests for timeline.md: French headings, group order, bullets, and escaping of article text."""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.markdown import EMPTY, MODALITY_NOTES, escape_markdown, heading, render_markdown
from chronique.model import (
    UNFACTUAL_MODALITIES,
    Anchoring,
    Article,
    ArticleResult,
    Event,
    Evidence,
    Grain,
    Modality,
    ResolvedValue,
    TimexType,
)
from chronique.timeline import build_timeline
from chronique.vocabulary import Vocabulary, load

D = dt.date
VOCABULARY = load()


def value(
    text: str, grain: Grain, start: dt.date, end: dt.date | None = None, mod: str | None = None
) -> ResolvedValue:
    """A resolved value; ``end`` defaults to ``start``."""
    return ResolvedValue(text, TimexType.DATE, grain, start, end or start, mod)


def event(
    resolved: ResolvedValue,
    summary: str = "Le ministre annonce une réforme",
    *,
    article_id: str = "a1",
    trigger_start: int = 10,
    anchoring: Anchoring = Anchoring.DIRECT,
    actors: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    sentence: str = "Le ministre a annoncé une réforme.",
    more: tuple[str, ...] = (),
    modality: Modality = Modality.ASSERTED,
    speaker: str | None = None,
) -> Event:
    """An event with plausible defaults."""
    return Event(
        article_id=article_id,
        trigger="annonce",
        lemma="annoncer",
        trigger_start=trigger_start,
        trigger_end=trigger_start + 7,
        resolved=resolved,
        anchoring=anchoring,
        confidence=0.9,
        summary=summary,
        evidence=Evidence(sentence, 0, len(sentence)),
        actors=actors,
        places=places,
        more_evidence=tuple(Evidence(text, 100, 100 + len(text)) for text in more),
        modality=modality,
        speaker=speaker,
    )


def render(*events: Event, vocabulary: Vocabulary = VOCABULARY) -> str:
    """The Markdown of the events, grouped into articles by their article_id."""
    by_article: dict[str, list[Event]] = {}
    for item in events:
        by_article.setdefault(item.article_id, []).append(item)
    results = [
        ArticleResult(
            Article(id=key, published=D(2022, 9, 10), text="…", source=f"{key}.txt"), (), tuple(items)
        )
        for key, items in by_article.items()
    ]
    return render_markdown(build_timeline(results), vocabulary)


def headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def bullets(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("- ")]


# Weekdays checked on a calendar: 1 and 8 September 2022 are Thursdays, 1 April 2022 a Friday,
# 5 September 2022 a Monday (first day of ISO week 36), 10 September 2022 a Saturday.
HEADING_CASES = [
    pytest.param(value("2022-09-08", Grain.DAY, D(2022, 9, 8)), "jeudi 8 septembre 2022", id="day"),
    pytest.param(value("2022-09-01", Grain.DAY, D(2022, 9, 1)), "jeudi 1er septembre 2022", id="day-1er"),
    pytest.param(value("2022-04-01", Grain.DAY, D(2022, 4, 1)), "vendredi 1er avril 2022", id="day-april"),
    pytest.param(
        value("2022-09-10T14:30", Grain.TIME, D(2022, 9, 10)), "samedi 10 septembre 2022", id="time"
    ),
    pytest.param(
        value("2022-09-09TEV", Grain.PART_OF_DAY, D(2022, 9, 9)), "vendredi 9 septembre 2022", id="pod"
    ),
    pytest.param(value("2022-04", Grain.MONTH, D(2022, 4, 1), D(2022, 4, 30)), "avril 2022", id="month"),
    pytest.param(
        value("2022-W36", Grain.WEEK, D(2022, 9, 5), D(2022, 9, 11)), "semaine du 5 septembre 2022", id="week"
    ),
    pytest.param(
        value("2022-W36-WE", Grain.WEEKEND, D(2022, 9, 10), D(2022, 9, 11)),
        "week-end du 10 septembre 2022",
        id="weekend",
    ),
    pytest.param(value("2022-SU", Grain.SEASON, D(2022, 6, 1), D(2022, 8, 31)), "été 2022", id="summer"),
    pytest.param(
        value("2022-WI", Grain.SEASON, D(2022, 12, 1), D(2023, 2, 28)), "hiver 2022-2023", id="winter"
    ),
    pytest.param(
        value("2022-Q1", Grain.QUARTER, D(2022, 1, 1), D(2022, 3, 31)), "1er trimestre 2022", id="q1"
    ),
    pytest.param(
        value("2022-Q3", Grain.QUARTER, D(2022, 7, 1), D(2022, 9, 30)), "3e trimestre 2022", id="q3"
    ),
    pytest.param(
        value("2020-H1", Grain.HALF_YEAR, D(2020, 1, 1), D(2020, 6, 30)), "1er semestre 2020", id="h1"
    ),
    pytest.param(
        value("2020-H2", Grain.HALF_YEAR, D(2020, 7, 1), D(2020, 12, 31)), "2e semestre 2020", id="h2"
    ),
    pytest.param(value("2022", Grain.YEAR, D(2022, 1, 1), D(2022, 12, 31)), "2022", id="year"),
    pytest.param(value("196X", Grain.DECADE, D(1960, 1, 1), D(1969, 12, 31)), "années 1960", id="decade"),
    pytest.param(
        value("18XX", Grain.CENTURY, D(1800, 1, 1), D(1899, 12, 31)), "XIXe siècle", id="century-19"
    ),
    pytest.param(
        value("20XX", Grain.CENTURY, D(2000, 1, 1), D(2099, 12, 31)), "XXIe siècle", id="century-21"
    ),
    pytest.param(value("04XX", Grain.CENTURY, D(400, 1, 1), D(499, 12, 31)), "Ve siècle", id="century-5"),
    pytest.param(
        value("2022-09-09/2022-09-10", Grain.INTERVAL, D(2022, 9, 9), D(2022, 9, 10)),
        "du 9 au 10 septembre 2022",
        id="interval-same-month",
    ),
    pytest.param(
        value("2022-08-30/2022-09-02", Grain.INTERVAL, D(2022, 8, 30), D(2022, 9, 2)),
        "du 30 août au 2 septembre 2022",
        id="interval-two-months",
    ),
    pytest.param(
        value("2021-12-30/2022-01-02", Grain.INTERVAL, D(2021, 12, 30), D(2022, 1, 2)),
        "du 30 décembre 2021 au 2 janvier 2022",
        id="interval-two-years",
    ),
    pytest.param(
        value("2022-09-01/2022-09-03", Grain.INTERVAL, D(2022, 9, 1), D(2022, 9, 3)),
        "du 1er au 3 septembre 2022",
        id="interval-1er",
    ),
    pytest.param(
        value("2022-04/2022-06", Grain.INTERVAL, D(2022, 4, 1), D(2022, 6, 30)),
        "d'avril à juin 2022",
        id="months",
    ),
    pytest.param(
        value("2021-11/2022-02", Grain.INTERVAL, D(2021, 11, 1), D(2022, 2, 28)),
        "de novembre 2021 à février 2022",
        id="months-two-years",
    ),
    pytest.param(
        value("2019/2021", Grain.INTERVAL, D(2019, 1, 1), D(2021, 12, 31)), "de 2019 à 2021", id="years"
    ),
    pytest.param(
        value("2022-09-09/2022-09-09", Grain.INTERVAL, D(2022, 9, 9), D(2022, 9, 9)),
        "vendredi 9 septembre 2022",
        id="interval-one-day",
    ),
]


@pytest.mark.parametrize(("resolved", "expected"), HEADING_CASES)
def test_heading_is_french(resolved: ResolvedValue, expected: str) -> None:
    assert resolved.date_start is not None
    assert resolved.date_end is not None
    assert (
        heading(resolved.grain, resolved.value, resolved.date_start, resolved.date_end, VOCABULARY)
        == expected
    )
    assert headings(render(event(resolved))) == [expected]


def test_empty_frame() -> None:
    assert render() == EMPTY == "# Chronologie\n\n_Aucun événement daté._\n"


def test_month_group_comes_before_its_days() -> None:
    markdown = render(
        event(value("2022-04-08", Grain.DAY, D(2022, 4, 8))),
        event(value("2022-04-01", Grain.DAY, D(2022, 4, 1))),
        event(value("2022-04", Grain.MONTH, D(2022, 4, 1), D(2022, 4, 30))),
        event(value("2022-Q2", Grain.QUARTER, D(2022, 4, 1), D(2022, 6, 30))),
        event(value("2022-03-31", Grain.DAY, D(2022, 3, 31))),
    )
    assert headings(markdown) == [
        "jeudi 31 mars 2022",
        "2e trimestre 2022",
        "avril 2022",
        "vendredi 1er avril 2022",
        "vendredi 8 avril 2022",
    ]


def test_timed_events_share_their_day_heading() -> None:
    markdown = render(
        event(value("2022-09-10T14:30", Grain.TIME, D(2022, 9, 10)), "Manifestation", trigger_start=5),
        event(value("2022-09-10T09:00", Grain.TIME, D(2022, 9, 10)), "Réunion", trigger_start=6),
        event(value("2022-09-10TEV", Grain.PART_OF_DAY, D(2022, 9, 10)), "Concert", trigger_start=7),
        event(value("2022-09-10", Grain.DAY, D(2022, 9, 10)), "Grève", trigger_start=8),
    )
    assert headings(markdown) == ["samedi 10 septembre 2022"]
    assert [line.split(" — ")[0] for line in bullets(markdown)] == [
        "- 14 h 30 : Manifestation",
        "- 9 h : Réunion",
        "- soir : Concert",
        "- Grève",
    ]


def test_two_articles_on_one_date_share_a_heading() -> None:
    sept_8 = value("2022-09-08", Grain.DAY, D(2022, 9, 8))
    # different sentences: the same sentence in two articles is one event reported twice (a dispatch)
    markdown = render(
        event(sept_8, "B", article_id="b", sentence="B a eu lieu."),
        event(sept_8, "A", article_id="a", sentence="A a eu lieu."),
    )
    assert headings(markdown) == ["jeudi 8 septembre 2022"]
    assert [line[:5] for line in bullets(markdown)] == ["- A —", "- B —"]
    assert all(line.endswith(f"(article {key})") for line, key in zip(bullets(markdown), "ab", strict=True))


def test_full_bullet() -> None:
    item = event(
        value("2022-09", Grain.MONTH, D(2022, 9, 1), D(2022, 9, 30), mod="START"),
        "Le conseil se réunira",
        anchoring=Anchoring.PUBLICATION,
        actors=("le conseil", "la maire"),
        places=("Paris",),
        sentence="Le conseil se réunira début septembre.",
        more=("Il se réunira.", "Encore."),
    )
    assert bullets(render(item)) == [
        "- Le conseil se réunira — acteurs : le conseil, la maire — lieux : Paris — "
        "« Le conseil se réunira début septembre. » (article a1) _(daté par la date de publication)_ (début) "
        "(aussi : « Il se réunira. » ; « Encore. »)"
    ]


@pytest.mark.parametrize(
    ("mod", "note"), [("START", " (début)"), ("MID", " (mi-)"), ("END", " (fin)"), (None, "")]
)
def test_mod_note(mod: str | None, note: str) -> None:
    (line,) = bullets(render(event(value("2022-09", Grain.MONTH, D(2022, 9, 1), D(2022, 9, 30), mod=mod))))
    assert line.endswith("(article a1)" + note)


def test_minimal_bullet_has_no_empty_parts() -> None:
    (line,) = bullets(render(event(value("2022-09-08", Grain.DAY, D(2022, 9, 8)))))
    assert line == "- Le ministre annonce une réforme — « Le ministre a annoncé une réforme. » (article a1)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# titre", r"\# titre", id="heading"),
        pytest.param("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", id="html"),
        pytest.param("| a | b |", r"\| a \| b \|", id="table"),
        pytest.param("`code` et ``x``", r"\`code\` et \`\`x\`\`", id="backticks"),
        pytest.param("*gras*", r"\*gras\*", id="bold"),
        pytest.param("_ital_ ~barré~", r"\_ital\_ \~barré\~", id="underscore-tilde"),
        pytest.param("[lien](http://x)", r"\[lien\](http://x)", id="link"),
        pytest.param(
            "ligne 1\nligne 2\r\n\n  ligne 3\u2028fin", "ligne 1 ligne 2 ligne 3 fin", id="multi-line"
        ),
        pytest.param("a\\b", "a\\\\b", id="backslash"),
        pytest.param("A & B", "A &amp; B", id="ampersand"),
        pytest.param("&lt;", "&amp;lt;", id="entity-shown-as-text"),
        pytest.param("- puce", r"\- puce", id="leading-dash"),
        pytest.param("+ puce", r"\+ puce", id="leading-plus"),
        pytest.param("12. liste", r"12\. liste", id="leading-number-dot"),
        pytest.param("3) liste", r"3\) liste", id="leading-number-paren"),
        pytest.param("\n- puce", r"\- puce", id="dash-after-newline"),
        pytest.param("le 8 - 10 et 2022. Fin", "le 8 - 10 et 2022. Fin", id="inner-dash-and-dot-kept"),
        pytest.param("> citation", "&gt; citation", id="quote"),
        pytest.param("a\x00b\x1bc", "abc", id="control-characters"),
        pytest.param("L’été « chaud »", "L’été « chaud »", id="french-typography-kept"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_hostile_article_cannot_break_the_page() -> None:
    hostile = "# Titre\n- puce\n<script>alert(1)</script>\n| a | b |\n```"
    markdown = render(
        event(
            value("2022-09-08", Grain.DAY, D(2022, 9, 8)),
            hostile,
            article_id="<b>a1</b>\n# x",
            actors=(hostile,),
            places=(hostile,),
            sentence=hostile,
            more=(hostile,),
        )
    )
    lines = markdown.splitlines()
    assert [line for line in lines if line.startswith("#")] == ["# Chronologie", "## jeudi 8 septembre 2022"]
    assert len(bullets(markdown)) == 1
    assert len(lines) == 5  # title, blank, heading, blank, the one bullet
    assert "<" not in markdown
    assert "```" not in markdown


def test_output_is_deterministic() -> None:
    events = [
        event(value("2022-09-08", Grain.DAY, D(2022, 9, 8)), article_id="b"),
        event(value("2022-09", Grain.MONTH, D(2022, 9, 1), D(2022, 9, 30)), article_id="a"),
        event(value("2022-09-10T14:30", Grain.TIME, D(2022, 9, 10)), article_id="c"),
    ]
    first = render(*events)
    assert render(*events) == first
    assert render(*reversed(events)) == first
    assert first.endswith("\n")
    assert not first.endswith("\n\n")


SEPT_8 = value("2022-09-08", Grain.DAY, D(2022, 9, 8))
MODALITY_ROWS = [
    # (modality, speaker, the bullet's start: summary and mark, or None when the bullet is left out)
    (Modality.ASSERTED, None, "- Le ministre annonce une réforme — «"),
    (Modality.REPORTED, "le maire", "- Le ministre annonce une réforme, selon le maire — «"),
    (Modality.REPORTED, None, "- Le ministre annonce une réforme (rapporté) — «"),
    (Modality.ALLEGED, "l'OSDH", "- Le ministre annonce une réforme, selon l'OSDH (au conditionnel) — «"),
    (Modality.ALLEGED, None, "- Le ministre annonce une réforme (au conditionnel) — «"),
    (Modality.PLANNED, None, "- Le ministre annonce une réforme (prévu) — «"),
    (Modality.QUESTION, None, None),
    (Modality.NEGATED, None, None),
    (Modality.HYPOTHETICAL, "le maire", None),
]


@pytest.mark.parametrize(
    ("modality", "speaker", "start"), MODALITY_ROWS, ids=[f"{r[0]}-{r[1]}" for r in MODALITY_ROWS]
)
def test_modality_in_the_bullet(modality: Modality, speaker: str | None, start: str | None) -> None:
    other = event(SEPT_8, "Le maire inaugure le pont", trigger_start=90)
    shown = bullets(render(event(SEPT_8, modality=modality, speaker=speaker), other))
    if start is None:  # left out: only the other event remains
        assert [line.split(" — ")[0] for line in shown] == ["- Le maire inaugure le pont"]
    else:
        assert shown[0].startswith(start)
        assert len(shown) == 2


def test_every_modality_has_a_note_or_is_left_out() -> None:
    for modality in Modality:
        assert modality in MODALITY_NOTES, f"markdown.MODALITY_NOTES has no entry for {modality}"
        assert (MODALITY_NOTES[modality] is None) == (modality in UNFACTUAL_MODALITIES)


def test_only_unfactual_events_is_the_empty_chronology() -> None:
    assert render(event(SEPT_8, modality=Modality.QUESTION)) == EMPTY


def test_a_speaker_is_escaped() -> None:
    (line,) = bullets(render(event(SEPT_8, modality=Modality.REPORTED, speaker="# le *maire*")))
    assert ", selon \\# le \\*maire\\* — " in line
