"""``story.md``: the story's key dates as a journalist's chronology, in date order.

Each key date is a French heading, one or two sentences taken from its most important events' evidence
(the most central first, near-repeats left out, reported speech attributed), then ``sources : N articles``
with their titles. Periods (a month, a year) follow the days only when an event of theirs matters as much
as the key dates' events. Questions, denials and suppositions (``UNFACTUAL_MODALITIES``) never appear.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from chronique.markdown import MODALITY_NOTES, escape_markdown, heading
from chronique.model import UNFACTUAL_MODALITIES, Modality
from chronique.story import key_date_count
from chronique.story_merge import REPORT_DAYS, overlap, tokens_of
from chronique.story_rank import MIN_KEY_DATE_ARTICLES, Salience, load_salience
from chronique.vocabulary import Vocabulary

EMPTY_STORY = "# Chronologie : les dates clés\n\n_Aucune date clé : aucun fait daté._\n"
SENTENCES_PER_DATE = 2
# A sentence longer than this is cut at a word, with an ellipsis: a chronology quotes, it does not reprint.
MAX_SENTENCE_CHARS = 320
# A second sentence sharing this much of the first one's words says the same thing again: left out.
REPEAT_OVERLAP = 0.5
TITLES_PER_DATE = 5
MAX_PERIODS = 10
# Rule "history": a period that ended over a year before the collection's first article is the story's
# background, cited for comparison or origin ("autant que les grandes grèves de 1995", "après les attentats
# de 2015"), no period of its chronology; it stays in timeline.md.
HISTORY_DAYS = 365
_UNFACTUAL = sorted(str(modality) for modality in UNFACTUAL_MODALITIES)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _cut(sentence: str) -> str:
    """The sentence on one line, cut at a word before ``MAX_SENTENCE_CHARS`` with an ellipsis."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    return sentence[:MAX_SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"


def _attributed(row: Mapping[str, Any]) -> str:
    """The event's representative sentence, quoted, with who says so for reported speech."""
    sentence = _cut(row["evidence"][0])
    text = f"« {escape_markdown(sentence)} »"
    speaker = row["speaker"]
    if speaker and row["modality"] in (Modality.REPORTED, Modality.ALLEGED):
        if speaker.lower() not in sentence.lower():  # "Selon l'ONG, …" names its source already
            text += f", selon {escape_markdown(speaker)}"
        if row["modality"] == Modality.ALLEGED:
            text += f" {MODALITY_NOTES[Modality.ALLEGED]}"
    elif note := MODALITY_NOTES.get(row["modality"]):
        text += f" {note}"
    return text


def _sentences(events: Sequence[Mapping[str, Any]], shown: set[str]) -> list[str]:
    """Up to ``SENTENCES_PER_DATE`` lines from the most important events, near-repeats left out, and a
    sentence ``shown`` under an earlier date too when the day has others (one sentence may date two days:
    "Jeudi 12 mars, … ordonné la fermeture …, selon un bilan publié dimanche 15 mars"); adds to ``shown``."""
    fresh = [row for row in events if row["evidence"][0] not in shown] or list(events)
    chosen: list[str] = []
    seen: list[frozenset[str]] = []
    for row in fresh:
        words = tokens_of(row["evidence"][0])
        if any(overlap(words, other) >= REPEAT_OVERLAP for other in seen):
            continue
        chosen.append(_attributed(row))
        shown.add(row["evidence"][0])
        seen.append(words)
        if len(chosen) == SENTENCES_PER_DATE:
            break
    return chosen


def _sources(events: Sequence[Mapping[str, Any]], titles: Mapping[str, str]) -> str:
    """``sources : 3 articles — titre ; titre ; …`` (article ids where there is no title), those of the
    most important events first."""
    # the articles of the most important events first (``events`` is in that order)
    ids = list(dict.fromkeys(article for row in events for article in row["article_ids"]))
    named = [escape_markdown(titles.get(article) or article) for article in ids[:TITLES_PER_DATE]]
    rest = len(ids) - TITLES_PER_DATE
    more = f" ; et {_plural(rest, 'autre', 'autres')}" if rest > 0 else ""
    return f"sources : {_plural(len(ids), 'article', 'articles')} — " + " ; ".join(named) + more


def _by_importance(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return frame.sort(["importance", "n_articles", "event_id"], descending=[True, True, False]).to_dicts()


# Rule "summary": a key date's lines tell what happened that day, in this order of preference:
# - a sentence that reads alone (``Salience.reads_alone``) before a fragment, a run-on, a glued one or one
#   whose first word points back ("Ils ont été transportés"): the line is what the reader sees of the day,
#   and a cut sentence ('-Day" du tourisme, a indiqué lundi son ministre') tells nothing even where it is
#   the day's report;
# - a report before a preview: an event no article reported once its day had come ("Ce sera à Paris le 24
#   novembre", "les gilets jaunes préparent l'acte 2") tells what was expected, not what happened;
# - a sentence where the date is the day of what it tells before one where it, or the event noun it dates,
#   bounds a count or a period ("Cela porte à 8.911 le nombre de décès depuis le 1er mars", "les vans
#   conquièrent un public depuis la levée des restrictions, le 11 mai" tell nothing of the day: rule bounds
#   of ``story_rank`` and ``story._bounds``);
# - a sentence that names the day by its date ("samedi 1er décembre", "le 11 mai") before one that does
#   not: the journalist's own dated statement of the day, where an undated line may be dated by a word of
#   another clause ("Elle a dû s'équiper pour la manifestation de samedi");
# - the report of that day or the next before a later article's reference back to it ("la grève, commencée
#   le 4 mars, est levée" tells less of the 4th than the day's own report, and a later article may name
#   the day only for a thing's origin: "ce mouvement né le 17 novembre");
# - then the event most articles report, then the most important.


def names_day(sentence: str, day: dt.date, vocabulary: Vocabulary) -> bool:
    """Whether the sentence writes the day's date: its number and month (``1er décembre``, ``11 mai``)."""
    months = vocabulary.lexicons["months"].alternation(frozenset({str(day.month)}))
    return re.search(rf"(?<!\d){day.day}(?:er)?\s+(?:{months})(?!\w)", sentence, re.IGNORECASE) is not None


def for_summary(frame: pl.DataFrame, vocabulary: Vocabulary, salience: Salience) -> list[dict[str, Any]]:
    """A day's events in the order its lines are taken from (rule summary); ``salience``: the story's words
    (``story_rank.load_salience``), for the lines that read alone."""
    rows = frame.to_dicts()

    def preference(row: Mapping[str, Any]) -> tuple[bool, bool, bool, bool, bool, int, float, str]:
        day: dt.date = row["date_start"]
        return (
            not salience.reads_alone(row["evidence"][0]),
            # last_reported and bound are extra columns of the story: a frame of the contract's alone has none
            (row.get("last_reported") or day) < day,
            bool(row.get("bound")),
            not names_day(row["evidence"][0], day, vocabulary),
            (row["first_reported"] - day).days > REPORT_DAYS,
            -row["n_articles"],
            -row["importance"],
            row["event_id"],
        )

    return sorted(rows, key=preference)


def article_titles(timeline: pl.DataFrame) -> dict[str, str]:
    """Article id → title, from the timeline's rows (articles without a title are left out)."""
    pairs = timeline.select("article_id", "title").drop_nulls().unique("article_id", keep="first")
    return dict(
        zip(pairs.get_column("article_id").to_list(), pairs.get_column("title").to_list(), strict=True)
    )


def render_story(
    story: pl.DataFrame, vocabulary: Vocabulary, key_dates: int | None, titles: Mapping[str, str]
) -> str:
    """story.md's text: the first ``key_dates`` dates by ``date_rank`` (default: ``key_date_count``), in
    date order; ``titles``: article id → title, for the sources. The same story gives the same text."""
    facts = story.filter(~pl.col("modality").is_in(_UNFACTUAL))
    days = facts.filter(pl.col("date_rank").is_not_null())
    count = key_date_count(story, key_dates)
    if days.height == 0 or count == 0:
        return EMPTY_STORY
    ranks = days.group_by("date_start").agg(pl.col("date_rank").min()).sort("date_rank").head(count)
    chosen: list[dt.date] = sorted(ranks.get_column("date_start").to_list())
    n_articles = story.get_column("article_ids").explode().drop_nulls().n_unique()
    n_days = days.get_column("date_start").n_unique()
    lines = [
        "# Chronologie : les dates clés",
        "",
        f"_{_plural(len(chosen), 'date clé', 'dates clés')} parmi les {n_days} jours datés "
        f"par {_plural(n_articles, 'article', 'articles')} ; la chronologie complète est dans timeline.md._",
        "",
    ]
    salience = load_salience()
    weakest = 0.0
    used: set[str] = set()
    for day in chosen:
        events = for_summary(days.filter(pl.col("date_start") == day), vocabulary, salience)
        strongest = max(row["importance"] for row in events)
        weakest = min(weakest, strongest) if weakest else strongest
        lines += [f"## {heading('day', '', day, day, vocabulary)}", ""]
        lines += [f"- {sentence}" for sentence in _sentences(events, used)]
        lines += ["", _sources(events, titles), ""]
    # a period's one line is its representative sentence: shown only where it reads alone (a glued or cut
    # sentence under "mars 2020" says nothing a reader can take in; the period stays in timeline.md), and
    # only a period that two articles report (of a collection of two or more), as a key date is a day that
    # two articles support (rule count): one article's "en avril 2020, 103 personnes sont décédées sur les
    # routes" is no period of a story
    supported = min(MIN_KEY_DATE_ARTICLES, n_articles)
    first_article = story.get_column("first_reported").min()
    history_ends = (
        first_article - dt.timedelta(days=HISTORY_DAYS) if isinstance(first_article, dt.date) else dt.date.min
    )
    candidates = facts.filter(
        pl.col("date_rank").is_null()
        & (pl.col("importance") >= weakest)
        & (pl.col("n_articles") >= supported)
        & (pl.col("date_end") >= history_ends)
    )
    periods = []
    for row in _by_importance(candidates):
        # one sentence that dates two periods ("rendu ses passeports fin août, … redonnés en octobre") or a
        # key date and a period is shown once, under the first (as under the days, ``_sentences``)
        sentence = row["evidence"][0]
        if salience.reads_alone(sentence) and sentence not in used:
            periods.append(row)
            used.add(sentence)
    if periods:
        lines += ["## Périodes", ""]
        shown = sorted(
            periods[:MAX_PERIODS], key=lambda row: (row["date_start"], -row["date_end"].toordinal())
        )
        for row in shown:
            title = heading(row["grain"], row["value"], row["date_start"], row["date_end"], vocabulary)
            noun = "article" if row["n_articles"] == 1 else "articles"
            lines.append(f"- **{title}** : {_attributed(row)} ({row['n_articles']} {noun})")
        lines.append("")
    return "\n".join(lines)
