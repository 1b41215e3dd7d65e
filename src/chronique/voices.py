"""Voices: who tells what in an article — the narrator, a direct quotation, a verb of saying.

A date told by one voice does not date another's clause: a date inside a quotation is the speaker's (``Un
coffre où il rangeait ses armes : « Le 19 juillet, ma femme m'a appelé »``), a date right after an incise of
saying is the report's (``devrait être entendu, rapporte BFMTV, mercredi 19 septembre``), a date inside the
clause a saying reports is what is told's (``assure que le président était au courant le soir même``).
Used by ``chronique.anchors`` (which predicate a date leads) and ``chronique.events`` (inheritance and the
publication day). The verbs of saying come from ``data/verbs.tsv`` (``reporting_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from chronique.nlp import sentence_of, verb_group_start, verb_lemma

# Quotation marks (typography, not French words): a straight quote opens or closes by where it stands.
_OPENING_QUOTES = frozenset({"«", "“"})
_CLOSING_QUOTES = frozenset({"»", "”"})
_STRAIGHT_QUOTE = '"'
# Marks that open a quotation when the tokenizer leaves them on the first word ('"La mission', '«Nous').
_GLUED_OPENINGS = frozenset({*_OPENING_QUOTES, _STRAIGHT_QUOTE})
# Words of the teller between an incise of saying and the date that follows it ("rapporte Le Figaro, jeudi").
_TELLER_WORDS = 6
# How far up from a quoted predicate the verb of saying that reports its quotation may stand.
_CLIMB = 6
# The "que" that opens a reported clause (the tagger reads it as a conjunction or a pronoun).
_QUE = frozenset({"que", "qu'", "qu’"})


def _straight_quote_side(text: str, at: int) -> str | None:
    """Whether a straight quote opens (a word right after it, none right before: ` "Je`, `."Je`) or closes (a
    word right before it, none right after: `fusible",`); None when it stands between two words or two
    spaces (glued headlines: `arrestation"Sur`), where it toggles."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if after.isalnum() and not before.isalnum():
        return "open"
    if before.isalnum() and not after.isalnum():
        return "close"
    return None


# The stages ask for a document's quotations per sentence, per date and per verb of saying: computed once
# per document, kept in its user_data (cleared with the sentences once the article's events are built).
_QUOTATIONS = "chronique.quotations"


def quotations(doc: Doc) -> tuple[int, ...]:
    """For each token, the number (1, 2, …) of the direct quotation it stands in, 0 outside any (the marks
    themselves are outside, and so is a quoted phrase with no verb); a paragraph break closes a quotation
    left open. Computed once per document."""
    cached: tuple[int, ...] | None = doc.user_data.get(_QUOTATIONS)
    if cached is None:
        cached = _quotations(doc)
        doc.user_data[_QUOTATIONS] = cached
    return cached


def _quotations(doc: Doc) -> tuple[int, ...]:
    regions: list[int] = []
    current = opened = 0
    whole = doc.text
    for token in doc:
        text = token.text
        straight = _straight_quote_side(whole, token.idx) if text == _STRAIGHT_QUOTE else None
        if "\n" in text:
            current = 0
        elif len(text) > 1 and text[0] in _GLUED_OPENINGS and text[1:2].isalpha() and not current:
            # the tokenizer left the mark on the word after a stop ('Info."La mission'): it opens there
            opened += 1
            current = opened
            regions.append(current)
            continue
        elif (
            text in _OPENING_QUOTES
            or straight == "open"
            or (straight is None and text == _STRAIGHT_QUOTE and not current)
        ):
            opened += 1
            regions.append(0)
            current = opened
            continue
        elif text in _CLOSING_QUOTES or text == _STRAIGHT_QUOTE:
            if not current and (text in _CLOSING_QUOTES or straight == "close"):
                # a closing mark with no quotation open closes one opened before its sentence (in a sentence
                # before, left unparsed: ``chronique.scope``): the words of its sentence before it are quoted
                # ('C'est une posture de responsabilité (…)", a expliqué le haut fonctionnaire')
                opened += 1
                start = token.sent.start if doc.has_annotation("SENT_START") else 0
                for i in range(start, token.i):
                    if not regions[i] and not doc[i].is_space:
                        regions[i] = opened
            current = 0
        regions.append(current)
    # a quoted phrase with no verb is a name or a term (« L'équipée sauvage » de la nuit de lundi), no speech
    spoken = {regions[t.i] for t in doc if t.pos_ in {"VERB", "AUX"}}
    return tuple(region if region in spoken else 0 for region in regions)


def is_incise_saying(verb: Token, reporting_verbs: frozenset[str]) -> bool:
    """A verb of saying set apart after what it tells: "…, rapporte BFMTV", "», a indiqué le maire"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting_verbs:
        return False
    first = verb_group_start(verb)
    return first.i > 0 and (first.nbor(-1).is_punct or first.nbor(-1).text in _CLOSING_QUOTES)


def saying_before(span: Span, trigger: Token | None, reporting_verbs: frozenset[str]) -> Token | None:
    """The incise of saying right before an expression, after the predicate the parse gave it ("devrait être
    entendu, rapporte BFMTV, mercredi 19 septembre"): the expression dates the report, not what it tells."""
    sentence = sentence_of(span.root)
    for verb in reversed(sentence[: span.start - sentence.start]):
        if trigger is not None and verb.i <= trigger.i:
            return None
        if not is_incise_saying(verb, reporting_verbs):
            continue
        # between them at most the teller's name ("rapporte BFMTV, mercredi"), whatever the parse hung it on
        gap = span.doc[verb.i + 1 : span.start]
        return verb if len(gap) <= _TELLER_WORDS and not any(t.pos_ in {"VERB", "AUX"} for t in gap) else None
    return None


def reported_head(span: Span, trigger: Token | None, reporting_verbs: frozenset[str]) -> Token | None:
    """The clause a verb of saying reports, when the expression stands inside it ("assure que le président
    était au courant le soir même"): a date of what is told is not the telling's."""
    if trigger is None or trigger.lemma_.lower() not in reporting_verbs:
        return None
    for child in trigger.children:
        inside = child.left_edge.i <= span.start and span.end - 1 <= child.right_edge.i
        clause = child.pos_ in {"VERB", "AUX", "ADJ"} or any(c.dep_ == "cop" for c in child.children)
        if child.dep_ == "ccomp" and inside and clause:
            return child
    return None


def saying_set_apart(span: Span, reporting_verbs: frozenset[str]) -> Token | None:
    """A verb of saying right before an expression set apart by commas, before what it tells ("confirment,
    jeudi 6 décembre, qu'ils seront fermés", "a annoncé, lundi, que …"): the expression dates the saying,
    whatever the parse hung it on (a plan it reports has a day of its own)."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "," or doc[span.end].text != ",":
        return None
    verb = doc[span.start - 2]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting_verbs:
        return None
    # an infinitive is told by the verb it completes ("devait décider, hier, de la peine"): the parse's own
    return None if "Inf" in verb.morph.get("VerbForm", []) else verb


def quotation_reported(trigger: Token, date: Span, reporting_verbs: frozenset[str]) -> bool:
    """Whether a predicate inside a quotation belongs to a clause the narrator reports after "que"
    ("L'agence indique qu'il « est estimé que 41 836 nouveaux cas ont consulté un médecin » du 16 au 22
    mars"): the quoted words are part of the narrator's indirect speech, so a date the narrator sets after
    them dates what is reported, not the saying. The date follows the closing mark right away ("« … »
    sanitaires de la levée du confinement, le 11 mai" dates the lifting, not the quoted words); up from the
    predicate, the first word outside the quotation is a verb of saying whose reported clause ("ccomp") holds
    it, and that clause is opened by "que"."""
    regions = quotations(trigger.doc)
    region = regions[trigger.i]
    if region == 0:
        return False
    quoted = [t.i for t in sentence_of(trigger) if regions[t.i] == region]
    if not all(t.is_punct for t in trigger.doc[quoted[-1] + 1 : date.start]):
        return False
    current = trigger
    for _ in range(_CLIMB):
        head = current.head
        if head.i == current.i:
            return False
        if regions[head.i] != region:
            opened = any(c.dep_ == "mark" and c.lower_ in _QUE for c in current.children)
            return (
                regions[head.i] == 0
                and current.dep_ == "ccomp"
                and opened
                and head.pos_ == "VERB"
                and verb_lemma(head) in reporting_verbs
            )
        current = head
    return False


def tells_the_speakers_now(predicate: Token) -> bool:
    """A direct quotation's present or imperfect: the speaker's state, opinion, habit or "these days" ("« Ce
    soir, j'ai un sentiment de colère », a commenté le maire", "« Il fallait savoir que j'arrivais à cette
    heure-ci »", "« C'est quoi les gilets jaunes, aujourd'hui ? »"), no step of the story; a date it gives
    that lies ahead is a plan ("« Ils m'attendent demain matin »"). A past participle with its auxiliary
    ("« Je suis passée à midi »", "« ma femme m'a appelé »", a present passive), an infinitive ("« On va
    vivre la même saison »"), a future and an event noun are told as any other; so is all of a quotation that
    does not close after the predicate in its sentence (a mark misread, 'Polnareff."S'engage alors …', or a
    quotation cut by the sentences the parse does not read)."""
    if not in_closed_quotation(predicate) or predicate.pos_ not in {"VERB", "AUX", "ADJ"}:
        return False
    if "Part" in predicate.morph.get("VerbForm", []) or "Inf" in predicate.morph.get("VerbForm", []):
        return False
    helpers = sorted(
        (c for c in predicate.children if c.dep_.startswith("aux") or c.dep_ == "cop"), key=lambda t: t.i
    )
    finite = helpers[0] if helpers else predicate
    if "Fin" not in finite.morph.get("VerbForm", []) or finite.morph.get("Mood", ["Ind"]) != ["Ind"]:
        return False
    return finite.morph.get("Tense", []) in (["Pres"], ["Imp"])


def in_closed_quotation(predicate: Token) -> bool:
    """Whether a predicate stands in a direct quotation that closes after it in its sentence: the speaker's
    own words, not a mark misread nor a quotation the parse cut."""
    return quotations(predicate.doc)[predicate.i] != 0 and _closes_after(predicate)


def _closes_after(predicate: Token) -> bool:
    """Whether the quotation a predicate stands in closes after it in its sentence (« … il est parti »)."""
    regions = quotations(predicate.doc)
    region = regions[predicate.i]
    for token in predicate.doc[predicate.i + 1 : sentence_of(predicate).end]:
        if regions[token.i] != region:
            # a straight quote that opens ('lance le 15 janvier un "grand débat"') closes nothing
            straight = (
                token.text == _STRAIGHT_QUOTE and _straight_quote_side(token.doc.text, token.idx) != "open"
            )
            return token.text in _CLOSING_QUOTES or straight
    return False
