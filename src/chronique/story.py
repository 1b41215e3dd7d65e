"""The story: the timeline's events merged across articles into story events, and the story's key dates.

``STORY_SCHEMA`` is the contract of ``story.parquet`` (one row per story event) and of every writer that
renders the story (``story.md``, ``timeline.html``, ``timeline.json``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from chronique.model import UNFACTUAL_MODALITIES, Anchoring, Modality
from chronique.story_merge import (
    REPORT_DAYS,
    Mention,
    centrality,
    mention_of,
    merge_mentions,
    story_years,
)
from chronique.story_rank import (
    MIN_KEY_DATE_ARTICLES,
    Salience,
    day_scores,
    default_key_dates,
    importance,
    is_day,
    load_salience,
    rank_days,
)
from chronique.vocabulary import Lexicon, load

logger = logging.getLogger(__name__)

STORY_SCHEMA: dict[str, pl.DataType] = {
    "event_id": pl.String(),  # stable across runs: a digest of the event's first evidence
    "date_start": pl.Date(),
    "date_end": pl.Date(),  # inclusive
    "grain": pl.String(),  # a Grain
    "value": pl.String(),  # TIMEX3 value
    "summary": pl.String(),  # French: the representative evidence's summary
    "actors": pl.List(pl.String()),
    "places": pl.List(pl.String()),
    "modality": pl.String(),  # a Modality: the most factual of the merged mentions
    "speaker": pl.String(),  # who says so, for a reported or alleged event
    "n_articles": pl.Int64(),  # distinct articles that report it
    "n_mentions": pl.Int64(),  # timeline rows merged into it
    "article_ids": pl.List(pl.String()),
    "evidence": pl.List(pl.String()),  # sentences, the representative one first
    "first_reported": pl.Date(),  # the earliest publication date among its articles
    "importance": pl.Float64(),
    "date_rank": pl.Int64(),  # 1 = the story's most important date; all events of one date share it
}


def empty_story() -> pl.DataFrame:
    """A story with no events and the fixed schema."""
    return pl.DataFrame(schema=STORY_SCHEMA)


# Added after the contract's columns (renderers that know only STORY_SCHEMA ignore them): timeline.md's
# notes "daté par la date de publication" and "(début)"/"(fin)" need them; story.md's choice of lines too.
EXTRA_COLUMNS: dict[str, pl.DataType] = {
    "anchoring": pl.String(),  # the most direct anchoring among the merged mentions
    "mod": pl.String(),  # the representative mention's TIMEX3 mod (START, MID, END)
    "last_reported": pl.Date(),  # the latest publication date among its articles (before its date: a preview)
    # the representative's date or event noun bounds a count or a period ("depuis le 1er mars", "depuis la
    # levée du confinement, le 11 mai"): rule bounds of ``_bounds``
    "bound": pl.Boolean(),
}
FULL_SCHEMA: dict[str, pl.DataType] = {**STORY_SCHEMA, **EXTRA_COLUMNS}
# The most factual first: a story event takes the most factual modality among its mentions.
_MODALITY_ORDER = {str(modality): rank for rank, modality in enumerate(Modality)}
_ANCHORING_ORDER = {str(anchoring): rank for rank, anchoring in enumerate(Anchoring)}
_UNFACTUAL = sorted(str(modality) for modality in UNFACTUAL_MODALITIES)


@functools.cache
def _months() -> Lexicon:
    """The packaged month names (rule story year)."""
    return load().lexicons["months"]


def empty_full_story() -> pl.DataFrame:
    """A story with no events, with the extra columns too."""
    return pl.DataFrame(schema=FULL_SCHEMA)


def _ordered_union(lists: Iterable[Sequence[str]]) -> list[str]:
    """Names across the mentions, the most frequent first, then in the order the mentions give them."""
    counts: dict[str, int] = {}
    for names in lists:
        for name in dict.fromkeys(names):
            counts[name] = counts.get(name, 0) + 1
    first = {name: index for index, name in enumerate(counts)}
    return sorted(counts, key=lambda name: (-counts[name], first[name]))


def _bounds(mention: Mention, salience: Salience) -> bool:
    """Rule bounds, for the story's lines: the mention's date bounds a count or a period ("8.911 décès
    depuis le 1er mars"), or its event noun does ("les vans conquièrent un nouveau public depuis la levée
    des restrictions, le 11 mai": the line tells what came after the day, not the day). The day's ranking
    weighs only the first (``story_rank.mention_weight``)."""
    return salience.is_bound(mention.lead) or salience.is_bound(mention.trigger_lead)


def _event_row(
    group: Sequence[Mention], event_id: str, date_rank: int | None, salience: Salience
) -> dict[str, Any]:
    """One story event as a row (``group`` sorted by first report)."""
    central = centrality(group)
    modality = min((m.modality for m in group), key=lambda value: _MODALITY_ORDER.get(value, len(Modality)))
    # Rule "report": an event is told by an article written once it happened, not by its announcement
    # ("la manifestation de samedi est maintenue" tells less of that Saturday than its report), if it has one.
    told = [m for m in central if m.modality == modality]
    reports = [m for m in told if m.published >= m.date_start] or told
    # … where the date is the event's day, not the bound of a count or a period ("8.911 décès depuis le 1er
    # mars" tells nothing of the 1st: rule bounds), in a sentence that reads alone, the day's own report
    # before a later reference back, then the most central
    representative = min(
        reports,
        key=lambda m: (
            _bounds(m, salience),
            not salience.reads_alone(m.sentence),
            (m.published - m.date_start).days > REPORT_DAYS,
        ),
    )
    speaker = representative.speaker or next(
        (m.speaker for m in central if m.modality == modality and m.speaker), None
    )
    return {
        "event_id": event_id,
        "date_start": representative.date_start,
        "date_end": representative.date_end,
        "grain": representative.grain,
        "value": representative.value,
        "summary": representative.summary,
        "actors": _ordered_union(m.actors for m in central),
        "places": _ordered_union(m.places for m in central),
        "modality": modality,
        "speaker": speaker,
        "n_articles": len({m.article_id for m in group}),
        "n_mentions": len(group),
        "article_ids": sorted({m.article_id for m in group}),
        # the representative's sentence, the other merged sentences (most central first), then the
        # sentences each mention cited besides its own
        "evidence": list(
            dict.fromkeys(
                [
                    representative.sentence,
                    *(m.sentence for m in central),
                    *(s for m in central for s in m.other_evidence),
                ]
            )
        ),
        "first_reported": min(m.published for m in group),
        "importance": importance(group, salience),
        "date_rank": date_rank,
        "anchoring": min((m.anchoring for m in group), key=lambda value: _ANCHORING_ORDER.get(value, 9)),
        "mod": representative.mod,
        "last_reported": max(m.published for m in group),
        "bound": _bounds(representative, salience),
    }


def _event_ids(groups: Sequence[Sequence[Mention]], previous_ids: Collection[str]) -> list[str]:
    """Each group's id: the digest of its first evidence, or an id it had before (incremental runs).

    A group keeps a previous id when one of its mentions was the first evidence of that event: a new
    article reporting the event earlier does not rename it. When an event was split, the first group in
    story order keeps the id and the others take their own.
    """
    previous = frozenset(previous_ids)
    taken: set[str] = set()
    ids = []
    for group in groups:
        own = group[0].digest
        kept = [m.digest for m in group if m.digest in previous and m.digest not in taken]
        chosen = kept[0] if kept else own
        if chosen in taken:  # a timeline with the same row twice (same article, sentence and trigger)
            chosen = f"{own}-{len(taken)}"
        taken.add(chosen)
        ids.append(chosen)
    return ids


def build_story(timeline: pl.DataFrame, previous_ids: Collection[str] = ()) -> pl.DataFrame:
    """The timeline's rows merged into story events, with their importance and their day's rank.

    ``previous_ids``: the event ids of the story already in the output folder, kept where the event is the
    same (``_event_ids``). Every day-grain date gets a rank (``story_rank``); events of coarser grains
    (a month, a year, a week) have no ``date_rank`` (null): story.md shows them under their period.
    """
    if timeline.height == 0:
        return empty_full_story()
    mentions = story_years([mention_of(row) for row in timeline.iter_rows(named=True)], _months())
    groups = merge_mentions(mentions)
    salience = load_salience()
    ranks = rank_days(day_scores([g for g in groups if g[0].factual], salience))
    # a day with unfactual events only still gets a rank, after every day with evidence, in date order
    unsupported = sorted(
        {g[0].date_start for g in groups if is_day(g[0].grain, g[0].date_start, g[0].date_end)} - set(ranks)
    )
    ranks.update({day: len(ranks) + 1 + index for index, day in enumerate(unsupported)})
    ids = _event_ids(groups, previous_ids)
    rows = []
    for group, event_id in zip(groups, ids, strict=True):
        first = group[0]
        rank = ranks[first.date_start] if is_day(first.grain, first.date_start, first.date_end) else None
        rows.append(_event_row(group, event_id, rank, salience))
    # in merge order: by date, then by first report (not by id, a digest: the order would look random)
    return pl.DataFrame(rows, schema=FULL_SCHEMA, strict=True)


def previous_event_ids(path: Path) -> frozenset[str]:
    """The event ids of the story.parquet at ``path``; none when it is missing or unreadable (ids are then
    the digests of the events' first evidence, the same as before unless an earlier report came in)."""
    try:
        ids = pl.read_parquet(path, columns=["event_id"]).get_column("event_id")
    except (OSError, pl.exceptions.PolarsError, pl.exceptions.ColumnNotFoundError) as err:
        if path.exists():
            logger.warning("%s cannot be read (%s): story events get new ids where they changed", path, err)
        return frozenset()
    return frozenset(ids.drop_nulls().to_list())


def key_date_count(story: pl.DataFrame, requested: int | None) -> int:
    """How many key dates to show: ``requested`` (``--key-dates``), or what the collection calls for."""
    ranked = story.filter(pl.col("date_rank").is_not_null()).get_column("date_rank").n_unique()
    if requested is not None:
        return min(requested, ranked)
    days = (
        story.filter(pl.col("date_rank").is_not_null() & ~pl.col("modality").is_in(_UNFACTUAL))
        .group_by("date_start")
        .agg(pl.col("article_ids").explode().n_unique().alias("articles"))
    )
    supported = days.filter(pl.col("articles") >= MIN_KEY_DATE_ARTICLES).height
    published = story.get_column("first_reported").to_list()
    n_articles = story.get_column("article_ids").explode().drop_nulls().n_unique()
    return default_key_dates(supported, published, n_articles)
