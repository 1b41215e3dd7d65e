"""The story's merge: the timeline's mentions of one real-world event, across articles, as one story event.

Candidates are blocked by their calendar range (an event is only compared with mentions of the same
range, so the cost stays near linear in the rows) and by factuality (a denial never merges with the fact
it denies). Within a block, two mentions are the same event when their words say so (``same_event``); the
story events are the connected components of that relation, so the result does not depend on the order of
the rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chronique.model import DAY_GRAINS, UNFACTUAL_MODALITIES
from chronique.vocabulary import Lexicon

# Words shorter than this are mostly function words ("les", "une", "été"): they say nothing of the event.
MIN_TOKEN_CHARS = 4
LEAD_CHARS = 24
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Two mentions with the same trigger lemma that share this much of their summaries' words are one event:
# the same verb on the same day with a few of the same words ("manifestation … gilets jaunes … Paris").
SAME_LEMMA_OVERLAP = 0.2
# Without the same lemma ("manifesté" / "mobilisation"), the summaries must share half their words.
OTHER_LEMMA_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Mention:
    """One timeline row, reduced to what the story needs (never the parsed document)."""

    article_id: str
    published: dt.date
    date_start: dt.date
    date_end: dt.date
    grain: str
    value: str
    mod: str | None
    lemma: str
    anchoring: str
    modality: str
    speaker: str | None
    summary: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    sentence: str
    sentence_start: int
    trigger_start: int
    title: str | None
    timex_text: str
    other_evidence: tuple[str, ...]
    lead: str  # the words just before the time expression in its sentence ("depuis" in "depuis le 1er mars")
    tokens: frozenset[str]

    @property
    def order(self) -> tuple[dt.date, str, int, int, str]:
        """The order of first report: earliest publication, then article, then position in the text."""
        return (self.published, self.article_id, self.sentence_start, self.trigger_start, self.value)

    @property
    def trigger_lead(self) -> str:
        """The ``LEAD_CHARS`` characters of the sentence before the row's trigger, lower-cased ("depuis la"
        in "depuis la levée du confinement, le 11 mai")."""
        offset = self.trigger_start - self.sentence_start
        if not 0 <= offset <= len(self.sentence):
            return ""
        return self.sentence[max(0, offset - LEAD_CHARS) : offset].lower()

    @property
    def factual(self) -> bool:
        return self.modality not in {str(m) for m in UNFACTUAL_MODALITIES}

    @property
    def digest(self) -> str:
        """The id a story event gets when this mention is its first evidence (stable across runs)."""
        key = "\0".join([self.article_id, self.value, self.lemma, str(self.trigger_start), self.sentence])
        return "ev-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def tokens_of(*texts: str) -> frozenset[str]:
    """Lower-cased content words (``MIN_TOKEN_CHARS`` or more) of the texts."""
    return frozenset(
        token for text in texts for token in _TOKEN.findall(text.lower()) if len(token) >= MIN_TOKEN_CHARS
    )


def mention_of(row: Mapping[str, Any]) -> Mention:
    """A timeline row as a ``Mention``; its words are those of its summary, actors and places."""
    actors = tuple(row["actors"] or ())
    places = tuple(row["places"] or ())
    return Mention(
        article_id=row["article_id"],
        published=row["published"],
        date_start=row["date_start"],
        date_end=row["date_end"],
        grain=row["grain"],
        value=row["value"],
        mod=row["mod"],
        lemma=row["lemma"] or "",
        anchoring=row["anchoring"],
        modality=row["modality"],
        speaker=row["speaker"],
        summary=row["summary"] or "",
        actors=actors,
        places=places,
        sentence=row["sentence"] or "",
        sentence_start=row["sentence_start"],
        trigger_start=row["trigger_start"],
        title=row["title"],
        timex_text=row["timex_text"] or "",
        other_evidence=tuple(row["other_evidence"] or ()),
        lead=_lead(row),
        tokens=tokens_of(row["summary"] or "", *actors, *places),
    )


def _lead(row: Mapping[str, Any]) -> str:
    """The ``LEAD_CHARS`` characters of the sentence before the row's time expression, lower-cased."""
    if row["timex_start"] is None or row["sentence"] is None:
        return ""
    sentence: str = row["sentence"]
    offset: int = row["timex_start"] - row["sentence_start"]
    if not 0 <= offset <= len(sentence):
        return ""
    return sentence[max(0, offset - LEAD_CHARS) : offset].lower()


# Rule "a line that reads alone": a sentence shown as a key date's line or as an event's representative
# is one a reader takes in alone: it opens as a sentence (a capital, a digit, an opening quotation), ends
# as one, is not two sentences or a heading glued by a scraper ("…Covid-19.L'édile", "Jérôme SalomonMardi
# 16 juin"), is not a run of several (``LINE_MAX_CHARS``: a long line is mostly glued text), and is not a
# piece of a quotation cut by the sentence splitter (its quotation marks pair up: `Le pays doit tourner",
# a-t-il lancé jeudi.` is the end of a quotation whose start is in the sentence before).
LINE_MAX_CHARS = 300
# The day's own report is written that day or the next (a morning paper); later ones refer back to it.
REPORT_DAYS = 1
_OPENS = re.compile(r"^(?:[«\"“]\s*)?[A-ZÀ-ÖØ-Þ0-9]")
_ENDS = re.compile(r"[.!?…](?:\s*[»\"”)])?$|[»\"”]$")
_GLUED_STOP = re.compile(r"[^\s.A-ZÀ-ÖØ-Þ][.!?][»\"”]?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ']")
_GLUED_WORD = re.compile(r"[a-zà-öø-ÿ]{3}[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]")


def _quotes_pair(text: str) -> bool:
    """Whether the quotation marks of a text pair up: as many « as », as many “ as ”, an even number of "."""
    return (
        text.count("«") == text.count("»") and text.count("“") == text.count("”") and text.count('"') % 2 == 0
    )


def reads_alone(sentence: str) -> bool:
    """Whether a sentence reads alone as a line (rule "a line that reads alone")."""
    text = sentence.strip()
    return (
        len(text) <= LINE_MAX_CHARS
        and _OPENS.match(text) is not None
        and _ENDS.search(text) is not None
        and _GLUED_STOP.search(text) is None
        and _GLUED_WORD.search(text) is None
        and _quotes_pair(text)
    )


def overlap(left: frozenset[str], right: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when both are empty)."""
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def compatible_values(left: str, right: str) -> bool:
    """Whether two values of one calendar range can date one event: equal, or one refines the other
    (``2022-09-10`` and ``2022-09-10T14:30``); two different times of a day are two events."""
    return left == right or left.startswith(right) or right.startswith(left)


def same_event(left: Mention, right: Mention) -> bool:
    """Whether two mentions of the same calendar range report one event.

    Values must agree (``compatible_values``). The same sentence in two articles (a dispatch republished)
    is one event (in one article, it may date two: "le maire a inauguré le pont et le ministre a
    annoncé"); the same trigger lemma needs a few shared words or a shared actor or place; different
    lemmas need most of their words in common.
    """
    if not compatible_values(left.value, right.value):
        return False
    if left.sentence == right.sentence and left.article_id != right.article_id:
        return True
    shared = overlap(left.tokens, right.tokens)
    if left.lemma and left.lemma == right.lemma:
        return (
            shared >= SAME_LEMMA_OVERLAP
            or bool(set(left.actors) & set(right.actors))
            or bool(set(left.places) & set(right.places))
        )
    return shared >= OTHER_LEMMA_OVERLAP


def _block_key(mention: Mention) -> tuple[dt.date, dt.date, bool]:
    return (mention.date_start, mention.date_end, mention.factual)


def _components(members: Sequence[Mention]) -> list[list[Mention]]:
    """The connected components of ``same_event`` among one block's mentions (members sorted by order)."""
    parent = list(range(len(members)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    # each component's values: two components merge only if all their values agree, so that a day-grain
    # mention never chains two different times of its day into one event
    values = [{member.value} for member in members]
    for i, left in enumerate(members):
        for j in range(i + 1, len(members)):
            first, second = root(i), root(j)
            if first == second or not same_event(left, members[j]):
                continue
            if all(compatible_values(a, b) for a in values[first] for b in values[second]):
                low, high = min(first, second), max(first, second)
                parent[high] = low
                values[low] |= values[high]
    groups: dict[int, list[Mention]] = {}
    for index, mention in enumerate(members):
        groups.setdefault(root(index), []).append(mention)
    return [groups[key] for key in sorted(groups)]


def merge_mentions(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """The story events: groups of mentions, each sorted by first report, the groups in a fixed order.

    Blocks are taken by date, factuality; within a block mentions are sorted by ``Mention.order`` first, so
    the groups (and their order) do not depend on the order of the input rows.
    """
    blocks: dict[tuple[dt.date, dt.date, bool], list[Mention]] = {}
    for mention in mentions:
        blocks.setdefault(_block_key(mention), []).append(mention)
    groups: list[list[Mention]] = []
    for key in sorted(blocks, key=lambda k: (k[0], k[1], not k[2])):
        members = sorted(blocks[key], key=lambda m: m.order)
        groups += _components(members)
    return groups


def centrality(group: Sequence[Mention]) -> list[Mention]:
    """The group's mentions, most central first: the most words shared with the others, then first report."""
    if len(group) <= 2:
        return sorted(group, key=lambda m: m.order)
    score = {id(m): sum(overlap(m.tokens, other.tokens) for other in group if other is not m) for m in group}
    return sorted(group, key=lambda m: (-score[id(m)], m.order))


# Rule "story year": a date written without its year ("les violences du 1er mai") names the occurrence the
# story's readers know, which the article's own clues (the nearest 1 May to its publication) may miss. When
# that day is dated with its year by no article of the collection, while the same day of the year before
# or after is dated with its year by at least ``STORY_YEAR_WITNESSES`` articles, the mention is that day.
STORY_YEAR_WITNESSES = 2
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _written_year(mention: Mention) -> bool:
    return _WRITTEN_YEAR.search(mention.timex_text) is not None


def _moved_year(day: dt.date, years: int) -> dt.date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return None


def story_years(mentions: Sequence[Mention], months: Lexicon) -> list[Mention]:
    """The mentions, those of a year-less day-and-month moved to the year the collection writes (rule
    story year)."""
    witnesses: dict[dt.date, set[str]] = {}
    for mention in mentions:
        if mention.date_start == mention.date_end and _written_year(mention):
            witnesses.setdefault(mention.date_start, set()).add(mention.article_id)
    month_names = {
        month: re.compile(rf"(?<!\w)(?:{months.alternation(frozenset({str(month)}))})(?!\w)", re.IGNORECASE)
        for month in range(1, 13)
    }

    def in_story_year(mention: Mention) -> Mention:
        day = mention.date_start
        if (
            mention.grain not in DAY_GRAINS
            or mention.date_end != day
            or not mention.value.startswith(day.isoformat())
            or _written_year(mention)
            or month_names[day.month].search(mention.timex_text) is None
            or day in witnesses
        ):
            return mention
        known = [
            other
            for years in (-1, 1)
            if (other := _moved_year(day, years)) and len(witnesses.get(other, ())) >= STORY_YEAR_WITNESSES
        ]
        if len(known) != 1:
            return mention
        [other] = known
        value = other.isoformat() + mention.value[len(day.isoformat()) :]
        return dataclasses.replace(mention, date_start=other, date_end=other, value=value)

    return [in_story_year(mention) for mention in mentions]
