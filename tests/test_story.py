"""The story: merging mentions across articles, the key-date rules, date_rank, story.md, stable ids."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from chronique import story_rank
from chronique.model import Options
from chronique.story import STORY_SCHEMA, build_story, key_date_count, previous_event_ids
from chronique.story_markdown import names_day, render_story
from chronique.story_merge import mention_of, reads_alone, same_event, story_years
from chronique.story_rank import Salience, load_salience, mention_weight, rank_days
from chronique.timeline import TIMELINE_SCHEMA
from chronique.vocabulary import Vocabulary, VocabularyError, load

D = dt.date
MONDAY = D(2024, 3, 4)
STRIKE = "Les conducteurs de bus de Lyon se sont mis en grève lundi."


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load()


def row(
    article_id: str = "a1",
    day: dt.date = MONDAY,
    *,
    published: dt.date | None = None,
    lemma: str = "grève",
    summary: str = "les conducteurs de bus de Lyon en grève",
    sentence: str = STRIKE,
    actors: tuple[str, ...] = ("les conducteurs de bus",),
    places: tuple[str, ...] = ("Lyon",),
    anchoring: str = "direct",
    modality: str = "asserted",
    speaker: str | None = None,
    grain: str = "day",
    value: str | None = None,
    end: dt.date | None = None,
    trigger_start: int = 40,
    timex_text: str = "lundi",
    title: str | None = None,
) -> dict[str, Any]:
    """One timeline row with plausible defaults (the time expression right before the trigger)."""
    return {
        "article_id": article_id,
        "published": published or day,
        "date_start": day,
        "date_end": end or day,
        "grain": grain,
        "value": value or day.isoformat(),
        "mod": None,
        "timex_text": timex_text,
        "timex_start": 30,
        "timex_end": 30 + len(timex_text),
        "trigger": lemma,
        "lemma": lemma,
        "trigger_start": trigger_start,
        "trigger_end": trigger_start + len(lemma),
        "anchoring": anchoring,
        "confidence": 0.9,
        "modality": modality,
        "speaker": speaker,
        "summary": summary,
        "actors": list(actors),
        "places": list(places),
        "sentence": sentence,
        "sentence_start": 0,
        "sentence_end": len(sentence),
        "other_evidence": [],
        "title": title or f"Titre de {article_id}",
        "url": None,
        "source": f"{article_id}.txt",
    }


def timeline(*rows: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=TIMELINE_SCHEMA, strict=True)


# --- merge ------------------------------------------------------------------------------------------------

MERGE_ROWS = [
    # (name, rows, expected number of story events)
    (
        "same event in two articles",
        [
            row("a1"),
            row("a2", published=D(2024, 3, 5), sentence="Lundi, grève des conducteurs de bus à Lyon."),
        ],
        1,
    ),
    (
        "a dispatch republished word for word, other lemma",
        [row("a1"), row("a2", lemma="mettre", summary="autre chose", actors=(), places=())],
        1,
    ),
    (
        "different events on the same day",
        [
            row("a1"),
            row(
                "a2",
                lemma="inaugurer",
                summary="la maire inaugure le musée",
                sentence="La maire a inauguré le musée lundi.",
                actors=("la maire",),
                places=("le musée",),
            ),
        ],
        2,
    ),
    (
        "same words on different days",
        [row("a1"), row("a2", day=D(2024, 3, 7), sentence="Jeudi, les conducteurs de bus de Lyon en grève.")],
        2,
    ),
    (
        "a denial never merges with the fact",
        [
            row("a1"),
            row("a2", modality="negated", sentence="Les conducteurs de Lyon n'ont pas fait grève lundi."),
        ],
        2,
    ),
    (
        "two times of one day stay two events, even through a day-grain mention",
        [
            row(
                "a1", grain="time", value="2024-03-04T09:00", sentence="A 9 h, grève des conducteurs de bus."
            ),
            row(
                "a1",
                grain="time",
                value="2024-03-04T18:00",
                sentence="A 18 h, grève des conducteurs.",
                trigger_start=90,
            ),
            row("a2", sentence="Lundi, grève des conducteurs de bus à Lyon."),
        ],
        2,
    ),
]


@pytest.mark.parametrize(("name", "rows", "expected"), MERGE_ROWS, ids=[r[0] for r in MERGE_ROWS])
def test_merge(name: str, rows: list[dict[str, Any]], expected: int) -> None:
    story = build_story(timeline(*rows))
    assert story.height == expected
    assert story.get_column("n_mentions").sum() == len(rows)


def test_one_event_counts_its_articles_and_keeps_every_sentence() -> None:
    later = "Lundi 4 mars, les conducteurs de bus de Lyon avaient fait grève."
    story = build_story(timeline(row("a1"), row("a2", published=D(2024, 3, 20), sentence=later)))
    event = story.row(0, named=True)
    assert (event["n_articles"], event["article_ids"], event["first_reported"]) == (
        2,
        ["a1", "a2"],
        D(2024, 3, 4),
    )
    assert sorted(event["evidence"]) == sorted([STRIKE, later])
    assert event["actors"] == ["les conducteurs de bus"] and event["places"] == ["Lyon"]


def test_merge_does_not_depend_on_row_order() -> None:
    rows = [
        row("a1"),
        row("a2", published=D(2024, 3, 5), sentence="Lundi, grève des conducteurs de bus à Lyon."),
        row("a3", lemma="inaugurer", summary="la maire inaugure le musée", sentence="Musée inauguré lundi."),
        row("a3", day=D(2024, 3, 7), trigger_start=80, sentence="Jeudi, nouvelle grève des bus."),
        row(
            "a4",
            day=D(2024, 3, 1),
            end=D(2024, 3, 31),
            grain="month",
            value="2024-03",
            sentence="En mars, grève.",
        ),
    ]
    forward = build_story(timeline(*rows))
    backward = build_story(timeline(*reversed(rows)))
    assert forward.equals(backward)
    assert dict(forward.schema) | {} == {
        **STORY_SCHEMA,
        "anchoring": pl.String(),
        "mod": pl.String(),
        "last_reported": pl.Date(),
        "bound": pl.Boolean(),
    }


def test_same_event_needs_agreeing_values() -> None:
    left = mention_of(row("a1", grain="time", value="2024-03-04T09:00"))
    right = mention_of(row("a2", grain="time", value="2024-03-04T18:00"))
    assert not same_event(left, right)
    assert same_event(left, mention_of(row("a2")))  # the day refines to its time


# --- ranking rules: each has a reason (story_rank.py) and a row here --------------------------------------


def meeting() -> dict[str, Any]:
    """A neutral event (its lemma and words on neither list of data/salience.tsv), to compare kinds of day."""
    return row(lemma="recevoir", summary="la maire reçoit les syndicats", sentence="La maire a reçu lundi.")


WEIGHT_ROWS = [
    # (rule, stronger mention, weaker mention)
    ("publication", row(), row(anchoring="publication")),
    ("modality: asserted over planned", row(), row(modality="planned")),
    ("modality: nothing for a denial", row(modality="reported"), row(modality="negated")),
    ("retrospective", row(published=D(2024, 3, 20)), row()),
    (
        "bounds: the start of a count",
        row(),
        row(sentence="152 décès depuis le 1er mars.", timex_text="le 1er mars"),
    ),
    (
        "bounds: a deadline",
        row(),
        row(sentence="Le confinement est prolongé jusqu’au 15 avril.", timex_text="15 avril"),
    ),
    # an arrest (decisive trigger) over a meeting (neither list)
    ("salience: a decisive act", row(lemma="interpeller", summary="le militant interpellé"), meeting()),
    # the act named by a word of the summary, not by the trigger ("a ordonné la fermeture")
    (
        "salience: a decisive word",
        row(lemma="ordonner", summary="le maire ordonne la fermeture"),
        meeting(),
    ),
    # a meeting over a statement ("a estimé lundi"): commentary fills the days between events
    ("salience: routine", meeting(), row(lemma="estimer", summary="la maire estime la grève injuste")),
    # the same sentence, first in its article or far into it
    ("lead", row(), {**row(trigger_start=940), "sentence_start": 900, "timex_start": 930}),
    ("anticipation", row(published=D(2024, 2, 28)), row()),
    # a year written out: the far date is meant; without it, last March was read as next March
    (
        "yearless",
        row(day=D(2023, 3, 4), published=D(2024, 3, 20), timex_text="le 4 mars 2023"),
        row(day=D(2023, 3, 4), published=D(2024, 3, 20), timex_text="le 4 mars"),
    ),
]


@pytest.fixture(scope="module")
def salience() -> Salience:
    return load_salience()


@pytest.mark.parametrize(("rule", "strong", "weak"), WEIGHT_ROWS, ids=[r[0] for r in WEIGHT_ROWS])
def test_weight_rule(rule: str, strong: dict[str, Any], weak: dict[str, Any], salience: Salience) -> None:
    if rule.startswith("bounds"):  # the time expression where it stands, right after "depuis", "jusqu'au"
        weak["timex_start"] = weak["sentence"].index(weak["timex_text"])
    assert mention_weight(mention_of(strong), salience) > mention_weight(mention_of(weak), salience)


def test_salience_weighs_nothing_without_its_table() -> None:
    """Without data/salience.tsv's lists, every kind of event weighs the same (the rule is the data)."""
    act = mention_of(row(lemma="interpeller", summary="le militant interpellé"))
    assert mention_weight(act) == mention_weight(mention_of(meeting()))


SALIENCE_FAULTS = [
    # (file text, the error's words)
    (
        "decisive\tgrève\nroutine\tdire\nbanal\taller\n",
        "salience.tsv:3: unknown key .banal.; known: bound, decisive, demonstrative",
    ),
    ("decisive\tgrève\nroutine\tgrève\n", "salience.tsv:2: form 'grève' already belongs to key 'decisive'"),
    ("decisive\tgrève\ndecisive\tvote\tgrève\n", "salience.tsv:2: lemma 'grève' is already on line 1"),
    ("# nothing\n", "salience.tsv: no entries"),
]


@pytest.mark.parametrize(("text", "message"), SALIENCE_FAULTS)
def test_salience_file_is_validated(tmp_path: Any, text: str, message: str) -> None:
    (tmp_path / "salience.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message.replace("'", ".")):
        load_salience(tmp_path)


BOUND_LEADS = [
    # (the words before a date, a bound?)
    ("152 décès depuis le ", True),
    ("le confinement prolongé jusqu’au ", True),
    ("les écoles rouvriront d'ici le ", True),
    ("les restaurants rouvrent à partir du ", False),  # a start that is an event
    ("la manifestation du ", False),
    ("il le dit depuis longtemps, le ", False),
]


@pytest.mark.parametrize(("lead", "expected"), BOUND_LEADS)
def test_bound_words(salience: Salience, lead: str, expected: bool) -> None:
    assert salience.is_bound(lead.lower()) is expected


def test_packaged_salience(salience: Salience) -> None:
    assert {"manifestation", "interpeller", "démission", "confinement"} <= salience.decisive
    assert {"déclarer", "estimer", "indiquer"} <= salience.routine


def test_unfactual_weighs_nothing() -> None:
    for modality in ("question", "negated", "hypothetical"):
        assert mention_weight(mention_of(row(modality=modality))) == 0.0


def day_ranks(*rows: dict[str, Any]) -> dict[dt.date, int]:
    story = build_story(timeline(*rows)).filter(pl.col("date_rank").is_not_null())
    return dict(story.select("date_start", "date_rank").unique().iter_rows())


def test_articles_count_not_mentions() -> None:
    """Rule "articles": one article repeating a day is one witness; two articles beat it."""
    one_article = [row("a1", D(2024, 3, 4), trigger_start=i, sentence=f"Phrase {i}.") for i in range(5)]
    two_articles = [row(a, D(2024, 3, 10), sentence=f"Autre {a}.") for a in ("b1", "b2")]
    ranks = day_ranks(*one_article, *two_articles)
    assert ranks[D(2024, 3, 10)] == 1 and ranks[D(2024, 3, 4)] == 2


def test_referring_back_beats_the_same_day_report() -> None:
    """Rule "retrospective": two later articles citing a day outweigh two same-day reports of another."""
    later = [row(a, D(2024, 3, 4), published=D(2024, 3, 20), sentence=f"Rappel {a}.") for a in ("a1", "a2")]
    same_day = [row(a, D(2024, 3, 10), sentence=f"Ce jour {a}.") for a in ("b1", "b2")]
    assert day_ranks(*later, *same_day) == {D(2024, 3, 4): 1, D(2024, 3, 10): 2}


def test_same_day_articles_echo() -> None:
    """Rule "echo": two articles published the same day are one news cycle; two published on different
    days are two witnesses."""
    echo = [row(a, D(2024, 3, 4), published=D(2024, 3, 5), sentence=f"Lundi {a}.") for a in ("a1", "a2")]
    apart = [
        row(b, D(2024, 3, 10), published=D(2024, 3, 10 + n), sentence=f"Dimanche {b}.")
        for n, b in ((1, "b1"), (2, "b2"))
    ]
    assert day_ranks(*echo, *apart) == {D(2024, 3, 10): 1, D(2024, 3, 4): 2}


def test_agreement_on_one_event() -> None:
    """Rule "agreement": three articles on one event beat three articles on three scattered events."""
    agreeing = [row(a, D(2024, 3, 4), sentence=f"Lundi, grève des conducteurs de bus {a}.") for a in "xyz"]
    scattered = [
        row(
            a, D(2024, 3, 10), lemma=lemma, summary=lemma, actors=(), places=(), sentence=f"{lemma} dimanche."
        )
        for a, lemma in (("b1", "voter"), ("b2", "ouvrir"), ("b3", "mourir"))
    ]
    assert day_ranks(*agreeing, *scattered) == {D(2024, 3, 4): 1, D(2024, 3, 10): 2}


def test_neighbours_are_softly_suppressed() -> None:
    """Rule "neighbours": a day next to a ranked day loses ground to an equal day farther off."""
    scores = {D(2024, 3, 4): 10.0, D(2024, 3, 5): 6.0, D(2024, 3, 20): 5.5}
    assert rank_days(scores) == {D(2024, 3, 4): 1, D(2024, 3, 20): 2, D(2024, 3, 5): 3}
    # soft: a neighbour with much more evidence still comes second
    assert rank_days({**scores, D(2024, 3, 5): 9.0})[D(2024, 3, 5)] == 2


def test_ties_go_to_the_earlier_day() -> None:
    assert rank_days({D(2024, 3, 9): 1.0, D(2024, 3, 2): 1.0}) == {D(2024, 3, 2): 1, D(2024, 3, 9): 2}


# --- date_rank semantics ----------------------------------------------------------------------------------


def test_date_rank_semantics() -> None:
    story = build_story(
        timeline(
            row("a1"),
            row(
                "a2",
                lemma="inaugurer",
                summary="musée inauguré",
                actors=(),
                places=(),
                sentence="Musée lundi.",
            ),
            row("a3", day=D(2024, 3, 9), sentence="Samedi, grève.", summary="grève samedi", actors=()),
            row("a4", day=D(2024, 3, 12), modality="negated", sentence="Pas de grève mardi."),
            row(
                "a5",
                day=D(2024, 3, 1),
                end=D(2024, 3, 31),
                grain="month",
                value="2024-03",
                sentence="En mars.",
            ),
        )
    )
    ranks = {d: set(group) for d, group in story.group_by("date_start").agg("date_rank").iter_rows()}
    assert ranks[D(2024, 3, 4)] == {1}  # two events of one date share its rank
    assert ranks[D(2024, 3, 9)] == {2}
    assert ranks[D(2024, 3, 12)] == {3}  # a day with a denial only: ranked, after the days with facts
    assert ranks[D(2024, 3, 1)] == {None}  # a month has no date_rank: story.md shows it under its period


def test_empty_timeline_gives_an_empty_story() -> None:
    assert build_story(timeline()).height == 0


# --- story.md ---------------------------------------------------------------------------------------------


def small_story() -> tuple[pl.DataFrame, dict[str, str]]:
    rows = [
        row("a1", title="Grève des bus à Lyon"),
        row(
            "a2", published=D(2024, 3, 5), sentence="Lundi, grève des conducteurs de bus à Lyon.", title="Bus"
        ),
        row(
            "a3",
            D(2024, 3, 11),
            lemma="recevoir",
            summary="la maire reçoit les syndicats",
            sentence="La maire a reçu les syndicats lundi, a-t-on appris.",
            modality="reported",
            speaker="son cabinet",
            actors=("la maire",),
            places=(),
        ),
        row("a4", D(2024, 3, 12), modality="question", sentence="Un accord sera-t-il signé mardi ?"),
    ]
    frame = timeline(*rows)
    return build_story(frame), {r["article_id"]: r["title"] for r in rows}


def test_story_markdown(vocabulary: Vocabulary) -> None:
    story, titles = small_story()
    # by default, only the day two articles support (key_date_count)
    assert render_story(story, vocabulary, None, titles).count("\n## ") == 1
    text = render_story(story, vocabulary, 5, titles)
    assert text.startswith("# Chronologie : les dates clés\n\n_2 dates clés parmi les 2 jours")
    assert "## lundi 4 mars 2024" in text and "## lundi 11 mars 2024" in text
    assert text.index("## lundi 4 mars 2024") < text.index("## lundi 11 mars 2024")  # in date order
    assert "sources : 2 articles — Grève des bus à Lyon ; Bus" in text
    assert "sources : 1 article — Titre de a3" in text
    assert "», selon son cabinet" in text  # reported speech attributed
    assert "sera-t-il" not in text and "12 mars" not in text  # a question never shows


def test_key_dates_option(vocabulary: Vocabulary) -> None:
    story, titles = small_story()
    text = render_story(story, vocabulary, 1, titles)
    assert text.count("\n## ") == 1 and "## lundi 4 mars 2024" in text
    assert key_date_count(story, 1) == 1
    with pytest.raises(ValueError, match="key_dates"):
        Options(key_dates=0)


def in_march(article: str, sentence: str, lemma: str, **changes: Any) -> dict[str, Any]:
    """A timeline row of an event dated to March 2024 (a period of "Périodes")."""
    month = row(
        article,
        D(2024, 3, 1),
        end=D(2024, 3, 31),
        grain="month",
        value="2024-03",
        sentence=sentence,
        lemma=lemma,
        summary=lemma,
    )
    return {**month, **changes}


def test_a_period_shows_only_a_line_that_reads_alone(vocabulary: Vocabulary) -> None:
    """A month's event is listed under "Périodes" by its sentence: not when the sentence is glued or cut."""
    clean = "En mars, les conducteurs de bus ont fait grève chaque lundi."
    glued = "Le mois de mars avait été marqué par une baisse de 39,6%.La baisse du trafic a suivi."
    rows = [
        *(row(a) for a in ("a1", "a2")),  # the key date, so that periods as important as it show
        *(in_march(a, clean, "grève") for a in ("a3", "a4", "a5")),
        *(in_march(a, glued, "baisse") for a in ("a6", "a7", "a8")),
    ]
    text = render_story(build_story(timeline(*rows)), vocabulary, 1, {})
    assert "## Périodes" in text and clean in text
    assert "39,6" not in text


def test_a_period_one_article_reports_is_not_listed(vocabulary: Vocabulary) -> None:
    """Rule count: a period is listed when two articles report it, as a key date is a day two articles
    support; one article's month stays in timeline.md. (A one-article collection lists its periods.)"""
    told_twice = "En mars, les conducteurs de bus ont fait grève chaque lundi."
    told_once = "En mars, la fréquentation des tramways a baissé de 12 %."
    # told back a month later: as important as the key date, one article or two
    later = {"published": D(2024, 4, 15), "actors": [], "places": []}
    rows = [
        row("a1"),  # the key date
        *(in_march(a, told_twice, "grève", **later) for a in ("a3", "a4")),
        in_march("a5", told_once, "baisser", **later),
    ]
    text = render_story(build_story(timeline(*rows)), vocabulary, 1, {})
    assert "## Périodes" in text and told_twice in text
    assert told_once not in text


def test_a_period_long_before_the_collection_is_background(vocabulary: Vocabulary) -> None:
    """Rule history: a year over a year before the first article ("autant que les grandes grèves de 1995")
    is the story's background, not one of its periods; the story's own month is listed."""
    month = "En mars, les conducteurs de bus ont fait grève chaque lundi."
    history = "La grève coûte autant que les grandes grèves de 1995 à l'économie."
    old = {"date_start": D(1995, 1, 1), "date_end": D(1995, 12, 31), "grain": "year", "value": "1995"}
    rows = [
        row("a1"),  # the key date
        *(in_march(a, month, "grève") for a in ("a3", "a4")),
        *(in_march(a, history, "coûter", **old) for a in ("a5", "a6")),
    ]
    text = render_story(build_story(timeline(*rows)), vocabulary, 1, {})
    assert "## Périodes" in text and month in text
    assert "1995" not in text


def test_a_sentence_that_dates_two_periods_is_shown_once(vocabulary: Vocabulary) -> None:
    """One sentence dating two months ("rendu en février, … redonnés en mars") is one period's line."""
    both = "Le maire a rendu ses clés fin février, mais elles lui ont été redonnées en mars."
    later = {"published": D(2024, 4, 15), "actors": [], "places": []}  # as important as the key date
    february = {"date_start": D(2024, 2, 1), "date_end": D(2024, 2, 29), "value": "2024-02", **later}
    rows = [
        row("a1"),  # the key date
        *(in_march(a, both, "redonner", **later) for a in ("a3", "a4")),
        *(in_march(a, both, "rendre", **february) for a in ("a3", "a4")),
    ]
    text = render_story(build_story(timeline(*rows)), vocabulary, 1, {})
    assert text.count(both) == 1


SUMMARY_ROWS = [
    # (rule, the line story.md must give first, the line it must give after, their timeline rows)
    (
        "a report before a preview, even one more articles wrote",
        "Les conducteurs de bus de Lyon se sont mis en grève lundi.",
        "La grève de lundi est maintenue, ont confirmé les syndicats.",
        [
            row(
                a,
                published=D(2024, 3, 1),
                lemma="maintenir",
                summary="la grève maintenue",
                sentence="La grève de lundi est maintenue, ont confirmé les syndicats.",
                actors=("les syndicats",),
                places=(),
            )
            for a in ("annonce1", "annonce2")
        ]
        + [row("depeche")],
    ),
    (
        "a line that names the day by its date before one that does not, even one more articles wrote",
        "Lundi 4 mars, les conducteurs de bus de Lyon ont cessé le travail.",
        "Les bus de Lyon sont restés au dépôt lundi, faute de conducteurs.",
        [
            row(
                a,
                lemma="rester",
                summary="les bus restés au dépôt",
                sentence="Les bus de Lyon sont restés au dépôt lundi, faute de conducteurs.",
                actors=("les bus",),
            )
            for a in ("depeche1", "depeche2")
        ]
        + [
            row(
                "depeche3",
                lemma="cesser",
                summary="les conducteurs ont cessé le travail",
                sentence="Lundi 4 mars, les conducteurs de bus de Lyon ont cessé le travail.",
            )
        ],
    ),
    (
        "the day's own report before a later article's reference back to it",
        "Les conducteurs de bus de Lyon se sont mis en grève lundi 4 mars.",
        "La grève des conducteurs, commencée le 4 mars, est donc levée.",
        [
            row(
                "bilan",
                published=D(2024, 3, 20),
                lemma="lever",
                summary="la grève levée",
                sentence="La grève des conducteurs, commencée le 4 mars, est donc levée.",
                actors=(),
                places=(),
            ),
            row("depeche", sentence="Les conducteurs de bus de Lyon se sont mis en grève lundi 4 mars."),
        ],
    ),
]


@pytest.mark.parametrize(("rule", "first", "second", "rows"), SUMMARY_ROWS, ids=[r[0] for r in SUMMARY_ROWS])
def test_a_key_dates_lines_tell_what_happened_that_day(
    vocabulary: Vocabulary, rule: str, first: str, second: str, rows: list[dict[str, Any]]
) -> None:
    """Rule summary (story_markdown): which of a day's events story.md quotes first."""
    story = build_story(timeline(*rows))
    assert story.height == 2, rule  # two events: the order of story.md's lines is the rule's
    text = render_story(story, vocabulary, 1, {})
    assert first in text and second in text, text
    assert text.index(first) < text.index(second), rule


NAMES_DAY_ROWS = [
    ("Lundi 4 mars, grève.", D(2024, 3, 4), True),
    ("le 1er mars 2024", D(2024, 3, 1), True),
    ("le 1 mars", D(2024, 3, 1), True),
    ("le 21 mars", D(2024, 3, 1), False),  # another day that ends with the same digit
    ("le 14 mars", D(2024, 3, 4), False),
    ("le 4 marsupiaux", D(2024, 3, 4), False),
    ("le 2 févr. au soir", D(2024, 2, 2), True),  # an abbreviation of months.tsv
    ("lundi", D(2024, 3, 4), False),  # a weekday alone does not write the date
]


@pytest.mark.parametrize(("sentence", "day", "expected"), NAMES_DAY_ROWS)
def test_names_day(vocabulary: Vocabulary, sentence: str, day: dt.date, expected: bool) -> None:
    assert names_day(sentence, day, vocabulary) is expected


def test_an_event_is_told_by_its_report_not_its_announcement() -> None:
    """Rule report (story): of one event's mentions, the representative sentence is one written once the
    day had come, even when the announcement is the more central."""
    announced = "Les conducteurs de bus de Lyon seront en grève lundi."
    rows = [
        row(a, published=D(2024, 3, 1), sentence=announced, modality="asserted")
        for a in ("annonce1", "annonce2")
    ]
    report = "Grève à Lyon : les conducteurs de bus ont cessé le travail lundi."
    story = build_story(timeline(*rows, row("depeche", sentence=report)))
    [event] = story.to_dicts()
    assert event["evidence"][0] == report
    assert (event["first_reported"], event["last_reported"]) == (D(2024, 3, 1), MONDAY)


READS_ALONE_ROWS = [
    # (sentence, reads alone as a key date's line)
    ("Les conducteurs de bus de Lyon ont cessé le travail lundi 4 mars.", True),
    ("« Nous ne céderons pas », a déclaré le maire lundi.", True),
    ("30 nouveaux cas ont été confirmés dimanche 1er mars.", True),
    ("Le bilan est de 10.350 morts, selon la DGS.", True),  # a number's stop is no glue
    ("M. Dupont a démissionné lundi.", True),
    ("Lors d'une allocution solennelle, lundi 16 mars à 20 heures", False),  # no end: a fragment
    (", 44 ont voté pour le parti aux européennes le 26 mai.", False),  # opens on a comma
    ('-Day" du tourisme, a indiqué lundi soir son ministre.', False),  # opens mid-word
    ("ils se montaient à 10.350.Le nombre de patients a baissé.", False),  # lower case opening
    ("Ils se montaient à 10.350.Le nombre de patients a baissé.", False),  # two sentences glued
    ("Le directeur a été entendu, a assuré Jérôme SalomonMardi 16 juin.", False),  # a heading glued
    ("Le maire a parlé. " * 20, False),  # a run of sentences, not a line
    ('Le pays doit tourner", a-t-il lancé ce jeudi 19 mars.', False),  # the end of a quotation
    ("Le pays doit tourner », a-t-il lancé ce jeudi 19 mars.", False),  # the same in French marks
    ("« Nous ne céderons pas, a déclaré le maire lundi.", False),  # the start of one
    ('"Nous ne céderons pas", a déclaré le maire lundi.', True),  # a whole one
    ("Selon lui, « l’État “a tenu” » lundi.", True),  # quotations within quotations
]


@pytest.mark.parametrize(("sentence", "expected"), READS_ALONE_ROWS)
def test_reads_alone(sentence: str, expected: bool) -> None:
    assert reads_alone(sentence.strip()) is expected


REFERRING_ROWS = [
    # (sentence, reads alone as a key date's line: its first word names what it tells of)
    ("Ils ont été transportés vendredi à l'hôpital Bichat.", False),  # who? the sentence before said
    ("Il était enseignant dans un collège de l'Oise, a-t-on appris mercredi.", False),
    ("Elles ont manifesté samedi à Lyon.", False),
    ("J'appelais SOS Médecins le lendemain.", False),  # first person outside a quotation
    ("Je suis rentré mercredi soir à Bordeaux.", False),
    ("Son arrestation est survenue samedi en marge de la manifestation.", False),  # whose?
    ("Leurs avocats ont fait appel lundi.", False),
    ("Celle-ci fixe depuis le 12 janvier des lignes de conduite.", False),
    ("Cela a commencé lundi.", False),
    ("Ça a duré lundi toute la journée.", False),
    ("Ce qui explique son record de morts, selon le bilan fourni lundi.", False),
    ("Cette dernière a offert lundi 10 000 euros à la fondation.", False),
    ("C'est une vidéo qui a beaucoup circulé après les manifestations du 1er Mai.", False),  # which one?
    ("C'était un rassemblement interdit, samedi à Nice.", False),
    ("C'est le 1er mai que tout a commencé, place de la Contrescarpe.", True),  # a cleft: the day is named
    ("C'est lui qui avait appelé à manifester samedi 22 décembre.", False),  # a cleft around a pronoun: who?
    # … nor after a phrase set before the clause
    ("Invitée sur RTL ce lundi 22 juin, elle a expliqué qu'elle viendrait.", False),  # who?
    ("Lundi, il a annoncé sa démission.", False),
    ("Après trois jours de grève, leurs dirigeants ont signé lundi.", False),
    ("Invitée sur RTL ce lundi 22 juin, la maire a expliqué qu'elle viendrait.", True),
    ("Lundi, Ilse Meyer a annoncé sa démission.", True),
    # … nor a demonstrative of a thing the sentences before named (of a time, it reads alone)
    ("Cette révélation avait valu aux deux hommes une garde à vue le 19 février.", False),
    ("Ces bruits circulaient la veille sur les réseaux sociaux.", False),
    ("Cet homme était arrivé en France le 23 janvier.", False),
    ("Ce mercredi 8 avril, le Premier ministre est revenu sur le dispositif.", True),
    ("Cette semaine, le gouvernement a présenté son plan.", True),
    ("Cet après-midi, le ministre a parlé.", True),
    ("Cette nuit, les hôpitaux ont accueilli 300 malades.", True),
    ("Ce 1er mai, les syndicats ont défilé.", True),
    # … nor a quotation whose speaker is a pronoun only
    ('"Il y a des risques pour les enfants", a-t-elle ajouté lundi.', False),
    ("« Nous reviendrons samedi », dit-il.", False),
    ('"Il y a des risques pour les enfants", a ajouté lundi la ministre.', True),
    ("Ilse Meyer a démissionné lundi.", True),  # a name that begins like a pronoun
    ("Sonia Krimi a pris la parole lundi.", True),
    ("Le gouvernement a levé lundi 11 mai le confinement.", True),
    ("Ce mardi 17 mars, la ministre s'est confiée au Monde.", True),  # a day named, not a thing
    ("« Je suis rentré mercredi », a raconté le patient.", True),  # a quotation: its speaker follows
    ('"Il faut rester chez soi", a déclaré lundi le Premier ministre.', True),
]


@pytest.mark.parametrize(("sentence", "expected"), REFERRING_ROWS)
def test_a_line_that_points_back_does_not_read_alone(sentence: str, expected: bool) -> None:
    """Rule "a line that reads alone": a sentence whose first word points to what the sentences before it
    named (a pronoun, a possessive: ``data/salience.tsv`` referring) tells the reader of no one."""
    assert load_salience().reads_alone(sentence) is expected
    assert reads_alone(sentence)  # its form alone reads as a sentence


def test_a_key_date_line_that_reads_alone_comes_before_a_cut_report(vocabulary: Vocabulary) -> None:
    """Rule "summary": a cut sentence tells a reader nothing, even where it reports the day and the other
    line is an announcement made before it."""
    cut = '-Day" du tourisme, a indiqué lundi soir son ministre.'
    preview = "Les données des Ehpad seront mises à jour lundi."
    rows = [
        row("a1", published=MONDAY + dt.timedelta(days=1), sentence=cut, lemma="indiquer", summary="indiqué"),
        row("a2", published=MONDAY - dt.timedelta(days=3), sentence=preview, lemma="mettre", summary="mises"),
    ]
    for each in rows:  # two events, not one
        each.update(actors=[], places=[])
    markdown = render_story(build_story(timeline(*rows)), vocabulary, 1, {})
    assert 0 < markdown.index(preview) < markdown.index(cut)


def test_an_event_noun_that_bounds_a_period_is_not_the_line_of_its_day(vocabulary: Vocabulary) -> None:
    """Rule bounds, for the lines: "depuis la levée des restrictions, le 11 mai" tells what came after
    the day (its event noun opens a period), not the day, though more articles write it."""
    since = "Les vans conquièrent un nouveau public depuis la levée des restrictions, le 4 mars dernier."
    noun = since.index("levée")
    rows = [
        row(a, sentence=since, lemma="levée", summary="la levée des restrictions", trigger_start=noun)
        for a in ("a1", "a2")
    ]
    story = build_story(timeline(*rows, row("a3")))
    assert sorted(story.get_column("bound").to_list()) == [False, True]
    assert story_rank.mention_weight(mention_of(timeline(rows[0]).row(0, named=True))) > 0  # ranked alike
    markdown = render_story(story, vocabulary, 1, {})
    assert 0 < markdown.index(STRIKE) < markdown.index(since)


def test_a_key_date_line_is_one_that_reads_alone(vocabulary: Vocabulary) -> None:
    """Rule "a line that reads alone": of one day's events, the first line is a sentence a reader takes
    alone, before a glued one that more articles report."""
    glued = (
        "Selon les données, ils étaient 300.Le nombre de conducteurs en grève à Lyon a doublé lundi 4 mars."
    )
    clean = "Les conducteurs de bus de Lyon ont cessé le travail lundi 4 mars."
    rows = [row(a, sentence=glued, lemma="doubler", summary="le nombre a doublé") for a in ("a1", "a2")]
    story = build_story(timeline(*rows, row("a3", sentence=clean, lemma="cesser", summary="ont cessé")))
    markdown = render_story(story, vocabulary, 1, {})
    assert 0 < markdown.index(clean) < markdown.index(glued)


def test_a_bound_is_the_last_line_of_its_day(vocabulary: Vocabulary) -> None:
    """Rule "summary": a count since the day ("911 décès depuis le 4 mars") tells nothing of the day; the
    day's event is its line, although more articles give the count."""
    count = "On compte 911 décès depuis le 4 mars."
    assert count[:30].endswith("depuis le ")  # the row's time expression starts at 30
    counts = [row(a, sentence=count, lemma="décès", summary="911 décès", actors=()) for a in ("a1", "a2")]
    story = build_story(timeline(*counts, row("a3")))
    assert sorted(story.get_column("bound").to_list()) == [False, True]
    markdown = render_story(story, vocabulary, 1, {})
    assert 0 < markdown.index(STRIKE) < markdown.index(count)


DEFAULT_COUNT_ROWS = [
    # (days supported by two articles or more, publication span in days, articles, key dates)
    (50, 400, 250, 32),  # 2 × √250 ≈ 32 for a long, dense collection
    (50, 400, 2000, 40),  # capped: a few pages
    (50, 20, 250, 3),  # at most one per week of coverage
    (4, 400, 250, 4),  # only days that two articles support
    (0, 0, 1, 1),
    (0, 0, 0, 0),
]


@pytest.mark.parametrize(("supported", "span", "articles", "expected"), DEFAULT_COUNT_ROWS)
def test_default_key_dates(supported: int, span: int, articles: int, expected: int) -> None:
    published = [D(2024, 1, 1), D(2024, 1, 1) + dt.timedelta(days=span)]
    assert story_rank.default_key_dates(supported, published, articles) == expected


# --- incremental ids --------------------------------------------------------------------------------------


def test_event_ids_are_stable_when_an_earlier_report_comes_in(tmp_path: Any) -> None:
    later = row("a2", published=D(2024, 3, 20), sentence="Lundi 4 mars, les conducteurs de bus en grève.")
    first = build_story(timeline(later))
    old_id = first.get_column("event_id").item()
    earlier = row("a1", published=D(2024, 3, 4))
    # without the previous story, the id is the digest of the new first evidence: it changes
    assert build_story(timeline(later, earlier)).get_column("event_id").item() != old_id
    path = tmp_path / "story.parquet"
    first.write_parquet(path)
    again = build_story(timeline(later, earlier), previous_event_ids(path))
    assert again.get_column("event_id").item() == old_id
    assert again.get_column("n_articles").item() == 2


def test_ids_are_digests_of_first_evidence() -> None:
    story = build_story(timeline(row("a1"), row("a2", day=D(2024, 3, 7), sentence="Jeudi.")))
    ids = story.get_column("event_id").to_list()
    assert len(set(ids)) == 2 and all(i.startswith("ev-") for i in ids)
    assert (
        build_story(timeline(row("a1"), row("a2", day=D(2024, 3, 7), sentence="Jeudi.")))
        .get_column("event_id")
        .to_list()
        == ids
    )


def test_previous_ids_of_a_missing_or_broken_file(tmp_path: Any) -> None:
    assert previous_event_ids(tmp_path / "story.parquet") == frozenset()
    (tmp_path / "story.parquet").write_bytes(b"not parquet")
    assert previous_event_ids(tmp_path / "story.parquet") == frozenset()


MAY_2018, MAY_2019 = D(2018, 5, 1), D(2019, 5, 1)


def may_day(article_id: str, day: dt.date, timex_text: str, **fields: Any) -> dict[str, Any]:
    return row(article_id, day, published=D(2019, 2, 23), timex_text=timex_text, **fields)


STORY_YEAR_ROWS = [
    # (rule, witnesses: rows that write a year, the year-less row, the day it must end on)
    (
        "moved to the year two articles write",
        [may_day(a, MAY_2018, "le 1er mai 2018") for a in ("w1", "w2")],
        may_day("x", MAY_2019, "le 1er mai"),
        MAY_2018,
    ),
    (
        "one article is not the collection",
        [may_day("w1", MAY_2018, "le 1er mai 2018")],
        may_day("x", MAY_2019, "le 1er mai"),
        MAY_2019,
    ),
    (
        "its own day written with its year stays",
        [may_day(a, MAY_2018, "le 1er mai 2018") for a in ("w1", "w2")]
        + [may_day("w3", MAY_2019, "1er mai 2019")],
        may_day("x", MAY_2019, "le 1er-Mai"),
        MAY_2019,
    ),
    (
        "a weekday is not a day and month",
        [may_day(a, D(2018, 4, 28), "le 28 avril 2018") for a in ("w1", "w2")],
        may_day("x", D(2019, 4, 28), "dimanche"),
        D(2019, 4, 28),
    ),
    (
        "both years written: the article's own reading stays",
        [may_day(a, MAY_2018, "le 1er mai 2018") for a in ("w1", "w2")]
        + [may_day(a, D(2020, 5, 1), "le 1er mai 2020") for a in ("w3", "w4")],
        may_day("x", MAY_2019, "le 1er mai"),
        MAY_2019,
    ),
]


@pytest.mark.parametrize(
    ("rule", "witnesses", "year_less", "expected"), STORY_YEAR_ROWS, ids=[r[0] for r in STORY_YEAR_ROWS]
)
def test_a_year_less_date_is_the_one_the_story_knows(
    rule: str, witnesses: list[dict[str, Any]], year_less: dict[str, Any], expected: dt.date
) -> None:
    """Rule story year (story_merge.story_years)."""
    story = build_story(timeline(*witnesses, year_less))
    [event] = [e for e in story.to_dicts() if "x" in e["article_ids"]]
    assert event["date_start"] == expected, rule


def test_a_time_moves_with_its_day() -> None:
    months = load().lexicons["months"]
    witnesses = [mention_of(may_day(a, MAY_2018, "le 1er mai 2018")) for a in ("w1", "w2")]
    evening = mention_of(may_day("x", MAY_2019, "le 1er mai à 18h", grain="time", value="2019-05-01T18:00"))
    moved = story_years([*witnesses, evening], months)[-1]
    assert (moved.date_start, moved.date_end, moved.value) == (MAY_2018, MAY_2018, "2018-05-01T18:00")


def test_a_sentence_dating_two_key_dates_is_shown_once(vocabulary: Vocabulary) -> None:
    """story.md: a sentence that dates two key dates is a line of the first; the second takes its own."""
    both = "Les bus ont cessé le travail lundi 4 mars, selon un bilan publié lundi 11 mars."
    own = "Les conducteurs de bus de Lyon ont repris le travail lundi 11 mars."
    rows = [
        row("a1", sentence=both, lemma="cesser", summary="les bus ont cessé le travail"),
        row("a2", sentence=both, lemma="cesser", summary="les bus ont cessé le travail"),
        row("a1", D(2024, 3, 11), sentence=both, lemma="publier", summary="un bilan publié"),
        row("a2", D(2024, 3, 11), sentence=both, lemma="publier", summary="un bilan publié"),
        row("a3", D(2024, 3, 11), sentence=own, lemma="reprendre", summary="ont repris le travail"),
    ]
    text = render_story(build_story(timeline(*rows)), vocabulary, 2, {})
    assert text.count(both) == 1
    assert text.index("## lundi 4 mars 2024") < text.index(both) < text.index("## lundi 11 mars 2024")
    assert own in text
