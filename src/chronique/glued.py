"""Sentences that scrapers glue together, and where they part (the text itself is never changed).

Two kinds, both common in real pages:
- a sentence's end glued to the next one, the stop kept: ``grave?Le``, ``joie!Il``, ``».Le``, ``2019.En``
  (``glued_parts``, a token of the parse);
- a section heading glued to the sentence after it, with no stop at all: ``enseignement à distanceSamedi 14
  mars, lors d'une conférence de presse``, ``SantéSans surprise, c'est …`` (``glued_headings``, offsets of
  the text). In French news text a word whose letters turn from lower to upper case is such a seam, but names
  and brands do too (``McDonald``, ``iPhone``, ``LaREM``, ``YouTube``, ``StopCovid``, ``#GiletsJaunes``): the
  rule asks for a French word the model knows before the seam and a capitalised word after it.
The cut into sentences before the parse (``chronique.scope``), the time expressions' rules
(``chronique.extract``) and the parse (``chronique.nlp``) all part the text there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's French stop words, imported on first use: importing ``spacy.lang.fr`` compiles the tokenizer's
    pattern, which ``chronique.pattern_cache`` primes when the model loads."""
    from spacy.lang.fr.stop_words import STOP_WORDS  # noqa: PLC0415

    return frozenset(STOP_WORDS)


# A sentence's end glued to the next one by a scraper: "grave?Le", "joie!Il", "».Le", "2019.En", "18.859.En".
# A word with hyphens ends one too ("Covid-19.L'édile"), and a sentence may open on an elided capital ("L'",
# "D'", "Qu'"), a token of its own.
_GLUED = re.compile(
    r"(?P<left>(?:\d+[.,])*(?:\w+-)*\w*[)\]]*)(?P<stop>[.!?…]+)(?P<right>[^\W\d_]\w*(?:['’](?=$))?)"
)
# A live blog's entry glued to the sentence before it: a word, a stop, the entry's clock time
# ("bâtiment.16h45 : à Paris, …", "modérée.20h : dans les Alpes-Maritimes"); the time opens the entry, it is
# no time of the sentence before. Clock times are written so in French news text (hours, "h", minutes).
_GLUED_CLOCK = re.compile(r"(?P<left>\w*[^\W\d_])(?P<stop>[.!?…]+)(?P<right>\d{1,2}[hH]\d{0,2})")
# A sentence opening on a figure glued to the one before: a word in lower case of three letters or more, a
# stop, a number ("hospitalisées.37067 personnes", "a-t-il ajouté.2019 a été", "se rétablir.28 jours après");
# not after a digit ("3.26 secondes", "18.859") nor after an abbreviation ("art.12": ``abbreviations``).
_GLUED_NUMBER = re.compile(r"(?P<left>\w*[^\W\d_A-ZÀ-ÖØ-Þ]{3})(?P<stop>[.!?…]+)(?P<right>\d+(?:[.,]\d+)*)")
# A quotation (a heading quoted) glued to the sentence after it: a closing mark right after a word or a stop,
# then a capitalised word ('qu'au début"Mardi 10 mars', 'visible"Guy Lefrand'); the sentence starts there.
# A closing guillemet is one wherever it stands; a straight quote only right after a word or a stop.
_QUOTE_SEAM = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.!?…]))\"(?=[^\W\d_]{2})|[»”](?=[^\W\d_]{2})")
# Two quotations glued, the second opening a sentence: a straight closing quote right after a word or a stop,
# then an opening one and a capitalised word ('les choses""Dans les aménagements', 'sa poche.""Le seul
# problème'); the seam is between the two marks. Common in scraped news text, where quoted headings and
# quoted paragraphs lose the line breaks between them.
_QUOTES_SEAM = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.!?…]))\"(?=\"[^\W\d_]{2})")
# A list's bullet opens an item, a sentence of its own ("… aux forces de l'ordre ► Intrusion à l'hôpital",
# "annoncé.• EDF épinglée"): scraped pages keep the bullets of their lists and lose the line breaks.
_BULLET = re.compile(r"[•►▶■▪●◆➤]")
# A heading ending on a figure glued to a sentence that opens on a function word: "EDF épinglée en 2007|En
# 2007, l'Autorité", "sur 149|Le chef de l'Etat"; not a brand or a name ("4Matic", "20Minutes", "9News").
_FIGURE_SEAM = re.compile(r"(?<![\w.,])\d+(?P<right>[^\W\d_][^\W\d_A-ZÀ-ÖØ-Þ]+)")
# A run of letters, where a heading and a sentence glued together are one.
_LETTERS = re.compile(r"[^\W\d_]+")
# Just before a run of letters, these make it no prose: a hashtag, a handle, a path, an identifier.
_NOT_PROSE_BEFORE = frozenset("#@/\\_0123456789")
# What a sentence's start follows (after spaces): nothing, a line break, or the end of a sentence (a one-word
# heading, "Santé", stands where a sentence starts).
_SENTENCE_ENDS = frozenset('\n.!?…:»”")')
_ELISION = frozenset("'’")
_SHORTEST_WORD = 3  # "ans|Une", "été|Le"; "fr|Disinfo", "Mc|Donald", "i|Phone" are no words before a seam
_SHORTEST_HEADING = 4  # a capitalised word alone as a heading: "Santé", "Bilan"; not "Mac|Book", "Van|Damme"
# Function words that end names and brands written as one word ("DisneyPlus", "CanalPlus", "GrandEst").
_NAME_TAILS = frozenset({"plus", "est"})


def glued_parts(text: str, abbreviations: Container[str] = frozenset()) -> tuple[str, str, str] | None:
    """The three pieces of a token that glues two sentences, or None: "grave?Le", "2019.En", "l'AFP.En",
    "(AFP).Le", "Covid-19.L'", a live blog's "bâtiment.16h45", a figure "hospitalisées.37067"; not
    "M.Dupont", "U.S.A.", "3.5", "www.site.fr", "N.B.", "art.12" (a lone capital, an abbreviation or a
    dotted one before, no capitalised word after)."""
    match = _GLUED.fullmatch(text)
    if match is None:
        clock = _GLUED_CLOCK.fullmatch(text)
        if clock is not None and len(clock.group("left")) >= 2 and clock.group("left")[-1].islower():
            return clock.group("left"), clock.group("stop"), clock.group("right")
        figure = _GLUED_NUMBER.fullmatch(text)
        if figure is None or figure.group("left").lower() in abbreviations:
            return None
        return figure.group("left"), figure.group("stop"), figure.group("right")
    left, stop, right = match.group("left", "stop", "right")
    opens_sentence = len(right) >= 2 and right[0].isupper() and (right[1].islower() or right[-1] in "'’")
    word = left.rstrip(")]")  # a bracket closed before the stop: "(voir ci-dessous).Jeudi", "(AFP).Le"
    ends_sentence = word == "" or (
        len(word) >= 2 and (word[-1].islower() or word[-1].isdigit() or word.isupper())
    )  # "l'AFP.En début d'année": an acronym ends a sentence too
    return (left, stop, right) if opens_sentence and ends_sentence else None


class FrenchWords:
    """Whether a word (lower case) is French: a form the model's lemmatizer knows (its lookup table, its
    lists of lemmas, its exceptions) or a function word of spaCy's French stop words ("sans", "selon")."""

    def __init__(self, nlp: Language | None = None) -> None:
        lookups = None
        if nlp is not None and nlp.has_pipe("lemmatizer"):
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        self._tables: list[Callable[[str], bool]] = [stop_words().__contains__]
        if lookups is None:
            return
        for name in ("lemma_lookup", "lemma_index", "lemma_exc"):
            if not lookups.has_table(name):
                continue
            table = lookups.get_table(name)
            if name == "lemma_lookup":
                self._tables.append(table.__contains__)
                continue
            for forms in table.values():  # by part of speech: a list of forms (a set), or a mapping
                held = forms if isinstance(forms, dict | frozenset) else frozenset(forms)
                self._tables.append(held.__contains__)

    def __call__(self, word: str) -> bool:
        return any(holds(word) for holds in self._tables)


def _seam(word: str) -> int | None:
    """Where the letters of a word first turn from lower to upper case, or None."""
    for index in range(1, len(word)):
        if word[index].isupper() and word[index - 1].islower():
            return index
    return None


def _capitals_seam(word: str) -> int | None:
    """Where a word in capitals meets a capitalised one ("HOMARDS|Le"): the last capital before the first
    lower-case letter, or None."""
    for index in range(1, len(word)):
        if word[index].islower():
            return index - 1 if index >= 2 and word[: index - 1].isupper() else None
    return None


def _opens_sentence(right: str, after: str) -> bool:
    """A capitalised word ("Samedi", "Le"), an elided capital ("L'une", "C'est") or a one-letter word ("À
    l'issue"); not "REM", "MacBook"."""
    if not right[0].isupper():
        return False
    if len(right) == 1:
        elided = len(after) >= 2 and after[0] in _ELISION and after[1].isalpha()
        return elided or (after[:1].isspace() and right.lower() in stop_words())
    return right[1:].islower()


def _at_sentence_start(text: str, start: int) -> bool:
    before = start
    while before and text[before - 1] in " \t":
        before -= 1
    return before == 0 or text[before - 1] in _SENTENCE_ENDS


def glued_headings(text: str, known: Callable[[str], bool]) -> tuple[int, ...]:
    """The offsets where a heading glued to the next sentence ends: ``distance|Samedi 14 mars``,
    ``judiciaire|Habitué des coups d'éclat``, ``Santé|Sans surprise``, ``réplique|L'une des figures``.

    Before the seam, a French word (``known``) of three letters or more in lower case, or a capitalised
    one (four letters or more) that stands where a sentence starts — a one-word heading, whose next word
    must then be a function word (``SantéSans``, ``BilanLe``; ``StopCovid``, ``EuroMillions`` opening a
    sentence are names), or a known word in capitals (a heading, "HOMARDS|Le", again before a function word),
    or a name before a function word opening a sentence ("Chine|La veille", not "Disney|Plus"); after it, a
    capitalised word or an elided capital. Not after ``#``, ``@``, ``/``, ``_`` or a digit
    (hashtags, handles, paths, identifiers). And a quotation glued to the sentence after it, its closing mark
    right after a word or a stop: ``au début"|Mardi 10 mars``, ``visible»|Guy Lefrand``, ``choses"|"Dans``. A
    heading ending on a figure before a function word: ``en 2007|En 2007``. A list's bullet: ``l'ordre |►
    Intrusion``."""
    breaks: list[int] = []
    for match in _LETTERS.finditer(text):
        word = match.group()
        if word.islower() or word.isupper() or word.istitle():
            continue  # no seam: nearly every word, tested at C speed
        start = match.start()
        if start and text[start - 1] in _NOT_PROSE_BEFORE:
            continue
        seam = _seam(word) or _capitals_seam(word)
        if seam is None or seam < _SHORTEST_WORD:
            continue
        left, right = word[:seam], word[seam:]
        if not _opens_sentence(right, text[match.end() : match.end() + 2]):
            continue
        # a name ending a heading before a function word opening the sentence: "revenant de Chine|La veille",
        # "Intrusion à La Salpêtrière|Lors du défilé" (names are no words the lemmatizer knows)
        named = (
            left.istitle()
            and len(left) >= _SHORTEST_HEADING
            and len(right) >= 2
            and right.lower() in stop_words()
            and right.lower() not in _NAME_TAILS
            and text[match.end() : match.end() + 1] in {" ", "'", "’"}
        )
        if named:
            breaks.append(start + seam)
            continue
        if not known(left.lower()):
            continue
        if left.isupper():
            # a heading in capitals ("DE RUGY ET LES HOMARDS|Le 16 juillet"), before a function word
            if len(right) == 1 or right.lower() in stop_words():
                breaks.append(start + seam)
            continue
        if not left.islower():
            heading = (
                left[0].isupper()
                and left[1:].islower()
                and len(left) >= _SHORTEST_HEADING
                and _at_sentence_start(text, start)
                and (len(right) == 1 or right.lower() in stop_words())
            )
            if not heading:
                continue
        breaks.append(start + seam)
    breaks.extend(_marked_seams(text))
    return tuple(sorted(set(breaks)))


def _marked_seams(text: str) -> list[int]:
    """The seams marks and figures show: a quotation glued to the sentence after it, two quotations glued, a
    heading ending on a figure before a function word, a list's bullet."""
    breaks: list[int] = []
    for quote in _QUOTE_SEAM.finditer(text):
        after = quote.end()
        if _opens_sentence(text[after : after + 2], text[after + 2 : after + 4]):
            breaks.append(after)
    for quote in _QUOTES_SEAM.finditer(text):
        after = quote.end()  # the second mark opens the sentence
        if _opens_sentence(text[after + 1 : after + 3], text[after + 3 : after + 5]):
            breaks.append(after)
    for figure in _FIGURE_SEAM.finditer(text):
        right = figure.group("right")
        if right[0].isupper() and right.lower() in stop_words():
            breaks.append(figure.start("right"))
    breaks.extend(bullet.start() for bullet in _BULLET.finditer(text) if bullet.start() > 0)
    return breaks


GLUED = "chronique_glued_sentences"
_STOPS = frozenset({".", "!", "?", "…"})


class SplitGlued:
    """Split the tokens that glue two sentences ("en 2019.En 2020", "à distanceSamedi 14 mars": see
    ``chronique.glued``) and start a sentence at the second; the text is not changed, so every offset stays
    the original's."""

    def __init__(self, known: FrenchWords, abbreviations: frozenset[str] = frozenset()) -> None:
        self.known = known
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        starts = _split_stops(doc, self.abbreviations)
        seams = glued_headings(doc.text, self.known)
        if seams:
            starts = [doc[i].idx for i in starts]
            with doc.retokenize() as retokenizer:
                for token, cut in _tokens_at(doc, seams):
                    pieces = [token.text[:cut], token.text[cut:]]
                    retokenizer.split(token, pieces, heads=[(token, 0), (token, 1)])
            by_offset = {token.idx: token.i for token in doc}
            starts = [by_offset[offset] for offset in starts if offset in by_offset]
            after_seams = [by_offset[offset] for offset in seams if offset in by_offset]
            starts.extend(after_seams)
            for index in after_seams:
                _one_sentence_from(doc, index, frozenset(starts))
        for index in starts:
            doc[index].is_sent_start = True
        _keep_counts_whole(doc, frozenset(starts))
        return doc


def _keep_counts_whole(doc: Doc, starts: frozenset[int]) -> None:
    """A number never ends a sentence before a word in lower case: the parser reads a figure written with a
    dot ("a causé 25.987 décès", "10.416 résidents d'Ehpad sont décédés") as a stop, and the count lost its
    noun (its rows read as events of the day the count starts)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.i in starts or "\n" in before.whitespace_ or not before.text[-1:].isdigit():
            continue
        if token.text[:1].islower():
            token.is_sent_start = False


def _one_sentence_from(doc: Doc, start: int, starts: frozenset[int]) -> None:
    """The sentence after a glued heading goes on to its stop: without the stop the heading lacks, the parser
    would cut it again after its first words ("distance|Samedi | 14 mars, lors d'une conférence …")."""
    for token in doc[start + 1 :]:
        if token.i in starts or token.text in _STOPS or (token.is_space and "\n" in token.text):
            return
        token.is_sent_start = False


def _split_stops(doc: Doc, abbreviations: frozenset[str]) -> list[int]:
    """Split the tokens that glue two sentences by their stop; the indices of the second sentences' starts."""
    glued = [(token, parts) for token in doc if (parts := glued_parts(token.text, abbreviations)) is not None]
    starts: list[int] = []
    with doc.retokenize() as retokenizer:
        shift = 0
        for token, parts in glued:
            pieces = [piece for piece in parts if piece]
            # each piece its own head until the parser gives the real ones: pieces all headed by the first
            # leave the full stop unattached after the parse, and Span.root then fails (spaCy E039)
            retokenizer.split(token, pieces, heads=[(token, index) for index in range(len(pieces))])
            starts.append(token.i + shift + len(pieces) - 1)
            shift += len(pieces) - 1
    return starts


def _tokens_at(doc: Doc, offsets: Sequence[int]) -> list[tuple[Token, int]]:
    """The tokens that hold each offset inside them, with where the offset falls in the token's text."""
    found: dict[int, tuple[Token, int]] = {}
    for offset in offsets:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].idx < offset:
            found.setdefault(span[0].i, (span[0], offset - span[0].idx))  # one seam a token
    return list(found.values())


@Language.factory(GLUED, default_config={"abbreviations": []})
def make_split_glued(nlp: Language, name: str, abbreviations: list[str]) -> SplitGlued:
    """The ``SplitGlued`` component, knowing the French words of the pipeline's lemmatizer and the
    abbreviations (lower case, no stop) after which no sentence ends (``load_model`` gives chronique's)."""
    return SplitGlued(FrenchWords(nlp), frozenset(abbreviations))
