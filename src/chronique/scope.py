"""What the parser reads: only the sentences that can give a timeline row (the parse is nearly all the cost).

Before the parse, the text is cut into sentences by punctuation alone and its time expressions are found
by the rules (neither needs the parse). A sentence is parsed when it can hold a row:
- it has a time expression (a direct date);
- it opens the article (the lead: news grammar dates its passé composé by the publication day);
- it holds a passé composé of announcement ("a annoncé", "a-t-il indiqué": a same-day report);
- it continues the story ("ensuite", "le même jour": it inherits the last date).
Every other sentence is blanked (a line break, then spaces) so that every offset stays the original's.
The cut is careful: a sentence ends only where French punctuation surely ends one (". " before a capital,
never after an abbreviation or an initial, a blank line) or where a heading glued to it ends
(``chronique.glued``), since a sentence cut too short would be parsed without its verb; two sentences read as
one cost only time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from chronique.model import TimeMention
from chronique.vocabulary import Vocabulary, holds_phrase

# The lead: the first sentences with a verb are dated by the publication day (``events.LEAD_SENTENCES``,
# three); one more for a title or dateline line that the punctuation does not set apart.
LEAD_SENTENCES = 4
# A sure end: a stop (with its closing quotes or brackets, a space before them as French sets them), spaces,
# then what opens a sentence.
_END = re.compile(r"[.!?…]+(?:\s*[»”\"')\]])*(?P<gap>\s+)(?=[«“\"(\[—–-]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORD_BEFORE = re.compile(r"([\w'’.-]*)[.!?…]+(?:\s*[»”\"')\]])*$")
# The regular past participles of the announcement verbs (-er: annoncé(e)(s); -ir: réagi(e)(s)).
_PARTICIPLE_ENDINGS = {"er": "(?:é|ée|és|ées)", "ir": "(?:i|ie|is|ies)"}


@dataclass(frozen=True, slots=True)
class ScopeWords:
    """The French words the choice needs: abbreviations (no sentence ends after them), the cues of a
    continued story, and the announcement verbs' participles."""

    abbreviations: frozenset[str]
    inherit_cues: frozenset[str]
    announcement: re.Pattern[str]

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> ScopeWords:
        """From ``data/cues.tsv`` (``abbreviation``, ``inherit``) and ``data/verbs.tsv``
        (``announcement_verbs``)."""
        cues = vocabulary["cues"]
        stems: dict[str, list[str]] = {}
        for lemma in sorted(vocabulary["verbs"].forms_of("announcement_verbs")):
            if lemma[-2:] in _PARTICIPLE_ENDINGS:
                stems.setdefault(lemma[-2:], []).append(re.escape(lemma[:-2]))
        alternatives = [f"(?:{'|'.join(s)}){_PARTICIPLE_ENDINGS[end]}" for end, s in sorted(stems.items())]
        return cls(
            abbreviations=frozenset(form.lower().rstrip(".") for form in cues.forms_of("abbreviation")),
            inherit_cues=cues.forms_of("inherit"),
            announcement=re.compile(rf"(?<!\w)(?:{'|'.join(alternatives) or '(?!)'})(?!\w)", re.IGNORECASE),
        )


@dataclass(frozen=True, slots=True)
class Scope:
    """The text the parser reads (the original's length and offsets), and how much of it is kept."""

    text: str
    sentences: int
    parsed: int  # sentences kept
    chars: int  # characters of the sentences
    parsed_chars: int  # characters of the kept ones


def rough_sentences(
    text: str, abbreviations: frozenset[str], seams: Sequence[int] = ()
) -> list[tuple[int, int]]:
    """The text's sentences by punctuation alone, and at the seams of headings glued to their sentence
    (``chronique.glued``), as (start, end) offsets covering the whole text."""
    cuts = {match.end() for match in _BLANK_LINE.finditer(text)} | set(seams)
    for match in _END.finditer(text):
        stop = match.start("gap")
        before = _WORD_BEFORE.search(text, max(0, stop - 40), stop)
        word = before.group(1).lower() if before else ""
        if word.rstrip(".") in abbreviations or re.fullmatch(r"[^\W\d_]", word, re.UNICODE):
            continue  # "M. Dupont", "J. Chirac", "etc. Puis" is rare enough to read as one
        cuts.add(match.end("gap"))
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    return [(start, end) for start, end in itertools.pairwise(bounds) if text[start:end].strip()]


def parse_scope(
    text: str, mentions: Sequence[TimeMention], words: ScopeWords, seams: Sequence[int] = ()
) -> Scope:
    """The text with the sentences that can give no timeline row blanked (``seams``: where headings glued to
    their sentence end, ``chronique.glued.glued_headings``)."""
    spans = rough_sentences(text, words.abbreviations, seams)
    pieces: list[str] = []
    kept = kept_chars = position = 0
    for number, (start, end) in enumerate(spans):
        sentence = text[start:end]
        keep = (
            number < LEAD_SENTENCES
            or any(m.start < end and m.end > start for m in mentions)
            or words.announcement.search(sentence) is not None
            or holds_phrase(sentence, words.inherit_cues)
        )
        pieces.append(text[position:start])
        if keep:
            pieces.append(sentence)
            kept += 1
            kept_chars += end - start
        else:
            pieces.append("\n" + re.sub(r"[^\n]", " ", sentence[1:]))
        position = end
    pieces.append(text[position:])
    blanked = "".join(pieces)
    total = sum(end - start for start, end in spans)
    return Scope(text=blanked, sentences=len(spans), parsed=kept, chars=total, parsed_chars=kept_chars)
