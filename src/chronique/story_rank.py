"""The story's key dates: each story event's importance, each day's score, and the days' ranks.

Every weight here is a rule with its reason; ``tests/test_story.py`` has a row for each.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from chronique.model import DAY_GRAINS, Anchoring, Grain, Modality
from chronique.story_merge import Mention, reads_alone
from chronique.vocabulary import VocabularyError, load, normalise, parse_lexicon, read_data_file

# Rule "publication": an event dated only because the article was published that day ("a annoncé" with
# no date) is weak evidence for that day: otherwise every article votes for its own publication day, and
# ranking days by articles published on them is a poor chronology (Date-F1 0.33 / 0.48 / 0.17 on the dev
# stories). An inherited date (from the previous clause) is nearly as good as a direct one.
ANCHORING_WEIGHTS: Mapping[str, float] = {
    Anchoring.DIRECT: 1.0,
    Anchoring.INHERITED: 0.8,
    Anchoring.PUBLICATION: 0.5,
}
# Rule "modality": what did not happen is no evidence for a day (a question, a denial, a supposition); a
# plan may not happen, and the conditional is unconfirmed; someone's word is nearly a fact.
MODALITY_WEIGHTS: Mapping[str, float] = {
    Modality.ASSERTED: 1.0,
    Modality.REPORTED: 0.9,
    Modality.ALLEGED: 0.6,
    Modality.PLANNED: 0.5,
    Modality.QUESTION: 0.0,
    Modality.NEGATED: 0.0,
    Modality.HYPOTHETICAL: 0.0,
}
# Rule "retrospective": an article published after the day that still dates an event to it shows the day
# mattered beyond its news cycle (a chronology is what later articles refer back to); the same-day report
# is the news itself and counts once.
SAME_DAY_WEIGHT = 1.0
LATER_WEIGHT = 1.5
# Rule "anticipation": a day the press writes about before it comes (a speech announced for Monday
# evening, a vote on the agenda, a demonstration called for Saturday, a reopening set for the 11th) is a
# milestone the story was waiting for; nobody announces an ordinary day. A mention published before its
# day counts this much more (a plan still weighs less than a fact: 0.5 × 1.5).
ANTICIPATION_WEIGHT = 1.5
# Rule "yearless": a date written without its year ("le 11 mai", "samedi") names the nearest such day;
# journalists write the year of any date farther off. A yearless mention dated more than half a year from
# its article was resolved across the wrong new year (last May read as next May): it weighs this much.
YEARLESS_WEIGHT = 0.2
YEARLESS_MAX_DAYS = 183
_YEAR = re.compile(r"\d{4}")
# Rule "lead": news is written as an inverted pyramid: what happened is told in the article's first
# sentences; background and commentary come after. A date in the lead is the article's own news.
LEAD_WEIGHT = 1.3
LEAD_END = 300  # characters into the text: about the first two sentences
# Rule "salience": what kind of day the event makes (data/salience.tsv). A decisive act (a demonstration,
# an arrest, an indictment, a vote, a resignation, a closure, a death) is what a chronology lists, whether
# it is the trigger or a word of the event's summary ("a ordonné la fermeture"); a verb of saying or of
# opinion as the trigger ("a déclaré mardi", "a estimé la grève injuste") dates commentary, whatever it is
# about, and commentary fills the days between events.
DECISIVE_WEIGHT = 1.5
ROUTINE_WEIGHT = 0.7
_WORD = re.compile(r"\w+")
_HYPHENED_WORD = re.compile(r"\w+(?:-\w+)*")
# Rule "bounds": a day named as the bound of a count or of a period, not as the day of an event (the words
# just before it: data/salience.tsv, key bound). A start ("décès depuis le 1er mars", "depuis le 17 mars")
# is the baseline of a statistic or of a state, cited by every bulletin that updates it; an end ("prolongé
# jusqu'au 15 avril", "d'ici le 11 mai") is a deadline set in advance and often moved. What happened that
# day, if anything, is dated by the day's other mentions.
BOUND_WEIGHT = 0.1
# Rule "agreement": a day whose articles agree on one event (one story event with many articles) is a
# key date more surely than a day of scattered single mentions; its largest event adds this share of its
# importance to the day's score.
AGREEMENT_WEIGHT = 0.5
# Rule "echo": articles published the same day that date the same day mostly echo one dispatch or one
# news cycle (a poll, a press conference relayed by every desk); articles published on other days are
# independent witnesses. Beyond the strongest article of a publication day, each counts this share.
ECHO_WEIGHT = 0.5
# Rule "mentions": more mentions of a day within its articles only break ties between days equally
# supported by articles (one article repeating a date is one witness, not several).
MENTION_WEIGHT = 0.01
# Rule "neighbours": once a day is ranked, the days just before and after lose this share of their score
# (a demonstration reported on the Saturday and on the Sunday is one date; systems pick adjacent days far
# more often than journalists do). Soft: a neighbour with much more evidence of its own still ranks high.
NEIGHBOUR_FACTOR = 0.85
NEIGHBOUR_DAYS = 1
# Rule "count": how many key dates story.md shows by default: about two per ten articles' square root
# (more articles bring more dates, but a chronology does not grow linearly with its coverage), at most one
# per week of the collection's span, only days at least two articles support, and never more than a few
# pages.
KEY_DATES_PER_SQRT_ARTICLE = 2.0
MAX_KEY_DATES = 40
MIN_KEY_DATE_ARTICLES = 2


@dataclass(frozen=True, slots=True)
class Salience:
    """Trigger lemmas by the kind of day they make (rule salience)."""

    decisive: frozenset[str] = frozenset()
    routine: frozenset[str] = frozenset()
    bound: re.Pattern[str] | None = None  # the words that end a mention's lead before a bound (rule bounds)
    referring: re.Pattern[str] | None = None  # a sentence's first word that points to the sentences before it
    demonstratives: frozenset[str] = frozenset()  # "cette révélation": which? (not "ce mardi")
    time_words: frozenset[str] = frozenset()  # what a demonstrative may name without pointing back

    def reads_alone(self, sentence: str) -> bool:
        """Whether a sentence reads alone as a line: its form (``story_merge.reads_alone``), and its first
        word names what it tells of rather than pointing back to it ("Ils ont été transportés vendredi"), nor
        does the first word after a phrase set before the clause ("Invitée sur RTL lundi 22 juin, elle a
        expliqué": who?), nor is it a quotation whose incise names its speaker by a pronoun only ('"…",
        a-t-elle ajouté')."""
        text = sentence.strip()
        if not reads_alone(text):
            return False
        if self.referring is None:
            return True
        fronted = _FRONTED_PHRASE.match(text)
        clause = text[fronted.end() :] if fronted else text
        return (
            self.referring.match(text.lower()) is None
            and self.referring.match(clause.lower()) is None
            and _UNNAMED_SPEAKER.search(text) is None
            and not self._points_back(text)
        )

    def _points_back(self, text: str) -> bool:
        """Whether the sentence opens on a demonstrative and a noun of a thing, not of time ("Cette
        révélation", not "Ce mardi 17 mars", "Ces derniers jours")."""
        words = _HYPHENED_WORD.findall(text[:60].lower())
        if len(words) < 2 or words[0] not in self.demonstratives:
            return False
        named = words[1]  # "après-midi", "week-end", "jour-là" whole, and their first part
        forms = {named, normalise(named), named.split("-")[0]}
        return not (named[0].isdigit() or not forms.isdisjoint(self.time_words))

    def is_bound(self, lead: str) -> bool:
        """Whether the words just before a time expression make it the bound of a count or a period."""
        return self.bound is not None and self.bound.search(lead) is not None

    def weight(self, lemma: str, summary: str = "") -> float:
        """The salience factor of an event: routine when its trigger is a verb of saying, whatever it is
        about ("a estimé la grève injuste"); decisive when its trigger or a word of its summary is ("a
        ordonné la fermeture"); else 1."""
        key = normalise(lemma)
        if key in self.routine:
            return ROUTINE_WEIGHT
        if key in self.decisive or not self.decisive.isdisjoint(_WORD.findall(summary.lower())):
            return DECISIVE_WEIGHT
        return 1.0


NO_SALIENCE = Salience()
# A phrase set before its clause by a comma, of 120 characters at most, no quotation in it: "Invitée sur RTL
# ce lundi, elle a expliqué", "Lundi, il a annoncé"; a quotation's comma ("« … », a-t-il dit") is none.
_FRONTED_PHRASE = re.compile(r"[^,«»\"“”]{1,120},\s*")
# A quotation whose incise names its speaker by a pronoun only ('…", a-t-elle ajouté', '», dit-il'): who?
_UNNAMED_SPEAKER = re.compile(r"[»\"”],?\s+\w+(?:-t)?-(?:il|elle|ils|elles)\b", re.IGNORECASE)
SALIENCE_FILE = "salience.tsv"
_SALIENCE_KEYS = frozenset({"decisive", "routine", "bound", "referring", "demonstrative"})


def load_salience(folder: Path | None = None) -> Salience:
    """``data/salience.tsv`` (or the one in ``folder``), validated: errors name the file and line."""
    text, path = read_data_file(SALIENCE_FILE, folder)
    lexicon = parse_lexicon("salience", text, path, 0)
    lists: dict[str, set[str]] = {key: set() for key in _SALIENCE_KEYS}
    owner: dict[str, int] = {}
    for entry in lexicon.entries:
        if entry.key not in _SALIENCE_KEYS:
            raise VocabularyError(
                f"{path}:{entry.line}: unknown key {entry.key!r}; known: {', '.join(sorted(_SALIENCE_KEYS))}"
            )
        for form in entry.forms:
            lemma = normalise(form)
            if lemma in owner and owner[lemma] != entry.line:
                raise VocabularyError(
                    f"{path}:{entry.line}: lemma {form!r} is already on line {owner[lemma]}: one kind each"
                )
            owner[lemma] = entry.line
            lists[entry.key].add(lemma)
    bound = (
        re.compile(rf"(?:^|\W)(?:{lexicon.alternation(frozenset({'bound'}))})\s*$")
        if lists["bound"]
        else None
    )
    referring = (
        re.compile(rf"(?:{lexicon.alternation(frozenset({'referring'}))})(?:(?<=['’])|(?![\w'’‑-]))")
        if lists["referring"]
        else None
    )
    return Salience(
        decisive=frozenset(lists["decisive"]),
        routine=frozenset(lists["routine"]),
        bound=bound,
        referring=referring,
        demonstratives=frozenset(lists["demonstrative"]),
        time_words=_time_words() if lists["demonstrative"] else frozenset(),
    )


@functools.cache
def _time_words() -> frozenset[str]:
    """The words of time of chronique's vocabulary (weekdays, months, parts of the day, seasons, calendar
    units) and "dernier", each form lower case and accent-folded too."""
    vocabulary = load()
    forms = {"dernier", "derniers", "dernière", "dernières"}
    for name in ("weekdays", "months", "parts_of_day", "seasons", "units"):
        forms |= {form.lower() for entry in vocabulary.lexicons[name].entries for form in entry.forms}
    return frozenset(forms | {normalise(form) for form in forms})


def is_day(grain: str, start: dt.date, end: dt.date) -> bool:
    """Whether an event is dated to one day (a time or part of a day counts as its day)."""
    return grain in DAY_GRAINS or (grain == Grain.INTERVAL and start == end)


def _wrong_year(mention: Mention) -> bool:
    """Whether a yearless date was likely read in the wrong year (rule yearless)."""
    far = abs((mention.date_start - mention.published).days) > YEARLESS_MAX_DAYS
    return far and not _YEAR.search(mention.timex_text)


def mention_weight(mention: Mention, salience: Salience = NO_SALIENCE) -> float:
    """How much one mention says that its event happened on its date (rules publication, modality, since,
    salience, lead, retrospective, anticipation)."""
    weight = ANCHORING_WEIGHTS.get(mention.anchoring, 1.0) * MODALITY_WEIGHTS.get(mention.modality, 1.0)
    if salience.is_bound(mention.lead):
        weight *= BOUND_WEIGHT
    weight *= salience.weight(mention.lemma, mention.summary)
    if _wrong_year(mention):
        weight *= YEARLESS_WEIGHT
    if mention.sentence_start < LEAD_END:
        weight *= LEAD_WEIGHT
    if mention.published < mention.date_start:
        return weight * ANTICIPATION_WEIGHT
    if mention.published > mention.date_end:
        return weight * LATER_WEIGHT
    return weight * SAME_DAY_WEIGHT


def witness_weights(mentions: Iterable[Mention], salience: Salience = NO_SALIENCE) -> dict[str, float]:
    """Each article's weight as a witness: its strongest mention (rule: articles count, not mentions)."""
    weights: dict[str, float] = {}
    for mention in mentions:
        weight = mention_weight(mention, salience)
        weights[mention.article_id] = max(weights.get(mention.article_id, 0.0), weight)
    return weights


def importance(group: Sequence[Mention], salience: Salience = NO_SALIENCE) -> float:
    """A story event's importance: the sum of its articles' witness weights, plus a tie-break on mentions."""
    weights = witness_weights(group, salience)
    return round(sum(weights.values()) + MENTION_WEIGHT * math.log1p(len(group) - len(weights)), 6)


def day_scores(groups: Sequence[Sequence[Mention]], salience: Salience = NO_SALIENCE) -> dict[dt.date, float]:
    """Each day's evidence: its distinct articles' witness weights, agreement and mentions (see the rules)."""
    by_day: dict[dt.date, list[Sequence[Mention]]] = {}
    for group in groups:
        first = group[0]
        if is_day(first.grain, first.date_start, first.date_end):
            by_day.setdefault(first.date_start, []).append(group)
    scores: dict[dt.date, float] = {}
    for day, day_groups in by_day.items():
        mentions = [mention for group in day_groups for mention in group]
        weights = witness_weights(mentions, salience)
        largest = max(importance(group, salience) for group in day_groups)
        extra = len(mentions) - len(weights)
        scores[day] = round(
            _witnesses(mentions, weights) + AGREEMENT_WEIGHT * largest + MENTION_WEIGHT * math.log1p(extra),
            6,
        )
    return scores


def _witnesses(mentions: Sequence[Mention], weights: Mapping[str, float]) -> float:
    """The articles' witness weights summed by publication day (rule echo): a day's strongest article
    counts whole, the others of that day ``ECHO_WEIGHT`` each."""
    published = {mention.article_id: mention.published for mention in mentions}
    by_day: dict[dt.date, list[float]] = {}
    for article, weight in weights.items():
        by_day.setdefault(published[article], []).append(weight)
    return sum(max(ws) + ECHO_WEIGHT * (sum(ws) - max(ws)) for ws in by_day.values())


def rank_days(scores: Mapping[dt.date, float]) -> dict[dt.date, int]:
    """Every scored day's rank, 1 the most important; ties go to the earlier day (rule neighbours).

    Greedy: take the best day, then weaken its neighbours' scores; a lazy heap keeps it n log n.
    """
    current = dict(scores)
    heap = [(-score, day) for day, score in current.items()]
    heapq.heapify(heap)
    ranks: dict[dt.date, int] = {}
    while heap:
        negative, day = heapq.heappop(heap)
        if day in ranks or -negative != current[day]:
            continue  # already ranked, or a stale entry from before a neighbour weakened it
        ranks[day] = len(ranks) + 1
        for offset in range(1, NEIGHBOUR_DAYS + 1):
            for neighbour in (day - dt.timedelta(days=offset), day + dt.timedelta(days=offset)):
                if neighbour in current and neighbour not in ranks:
                    current[neighbour] = round(current[neighbour] * NEIGHBOUR_FACTOR, 6)
                    heapq.heappush(heap, (-current[neighbour], neighbour))
    return ranks


def default_key_dates(supported: int, published: Sequence[dt.date], n_articles: int) -> int:
    """How many key dates story.md shows without ``--key-dates`` (rule count).

    ``supported``: the days that ``MIN_KEY_DATE_ARTICLES`` articles or more date a fact to.
    """
    if n_articles == 0:
        return 0
    weeks = (max(published) - min(published)).days // 7 + 1 if published else 1
    by_coverage = round(KEY_DATES_PER_SQRT_ARTICLE * math.sqrt(n_articles))
    return max(1, min(MAX_KEY_DATES, by_coverage, weeks, supported or 1))
