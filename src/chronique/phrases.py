"""Noun phrases and clause summaries read off the dependency parse: who, where, and what was done."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from chronique.nlp import entities, not_a_name, written_name

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})
AGENT_DEPS = frozenset({"obl:agent"})
OBJECT_DEPS = frozenset({"obj", "iobj", "obl:arg", "obl:agent", "xcomp", "ccomp", "obl:mod", "obl"})
# Inside a short noun phrase we keep determiners, adjectives, names and "de" complements;
# relative clauses, appositions, participle clauses and "avec …" complements make it long without naming more.
_NP_KEEP = frozenset(
    {"det", "amod", "flat:name", "flat", "compound", "nummod", "case", "fixed", "advmod", "nmod"}
)
_GENITIVE = frozenset({"de", "d'", "d’", "du", "des"})
# The definite articles, which the model sometimes reads as object pronouns before a noun.
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})
# What a name does not hold: a clause about it, another name set beside it.
_ASIDE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "appos", "conj", "cc"})
# Quotation marks: a name never begins or ends with one ('"Les gilets jaunes' of a quotation's first words).
QUOTES = ('"', "«", "»", "“", "”")


def _is_glued(token: Token) -> bool:
    """A hyphen or apostrophe inside a word ("al-Assad"): no space on either side."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and not doc[token.i - 1].whitespace_ and not token.whitespace_


def _adjectives_between(head: Token) -> int:
    """How many adjectives follow a noun directly ("président syrien")."""
    count = 0
    doc = head.doc
    while head.i + 1 + count < len(doc) and doc[head.i + 1 + count].pos_ == "ADJ":
        count += 1
    return count


def _name_around(head: Token) -> list[Token]:
    """The whole name a token is part of, whatever the parse made of it ("Emmanuel" → "Emmanuel Macron")."""
    for ent in entities(head.doc):
        if ent.start <= head.i < ent.end and ent.label_ in {"PER", "ORG", "LOC", "GPE"}:
            # not the adjective of the noun before, cut off with it ("[Santé] publique France")
            return [t for t in ent if not (t.i == ent.start and _cut_adjective(t))]
    return []


def _with_adjectives(name: Span) -> str:
    """An organisation's name with the adjective written right after its last noun, which the model's
    entity leaves out ("le Conseil constitutionnel", "la Commission d'enquête parlementaire": not "Conseil");
    one only, none after a name that ends on its own ("une Assemblée nationale électrique": the sitting)."""
    doc = name.doc
    after = doc[name.end] if name.end < len(doc) else None
    if after is None or name[-1].pos_ == "ADJ" or not _cut_adjective(after) or after.head.i != name[-1].i:
        return written_name(name)
    return doc[name.start : name.end + 1].text


def _cut_adjective(word: Token) -> bool:
    """An adjective, written in lower case, that describes the word before it: a name the model begins there
    is cut from its noun ("[Santé] publique France", an organisation's name)."""
    return word.pos_ == "ADJ" and word.text[:1].islower() and word.head.i < word.i


def noun_phrase_tokens(head: Token, depth: int = 0) -> list[Token]:
    tokens = [head, *(t for t in _name_around(head) if t.i != head.i)] if head.pos_ == "PROPN" else [head]
    for child in head.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.i > head.i
            and (
                child.i == head.i + 1 + _adjectives_between(head)
                # "le ministre de l'Économie Bruno Le Maire": a title with its complement, then the name
                or not any(t.is_punct for t in head.doc[head.i + 1 : child.i])
            )
        ):
            # a title and a name, no comma: "le président syrien Bachar al-Assad"; after the title's
            # complement, the name alone ("le ministre de la Santé Olivier Véran, qui affirme …")
            tokens.extend(name_tokens(child))
            continue
        if (
            child.dep_ == "obj"
            and child.pos_ == "PRON"
            and child.i == head.i - 1
            and child.lower_ in _ARTICLES
        ):
            tokens.append(child)  # "attend le déconfinement": the model reads the article as a pronoun
            continue
        # "place de la Contrescarpe"; "les maires de Meyzieu et Décines-Charpieu"
        named = _names_its_noun(child, head) or (depth > 0 and _coordinated_noun(child))
        if (child.dep_ not in _NP_KEEP and not named) or (child.is_punct and not _is_glued(child)):
            continue
        if child.pos_ == "ADV" and (
            child.dep_ == "amod"
            or (child.i > head.i and any(any(k.dep_ == "case" for k in c.children) for c in child.children))
        ):
            # "un jeune homme lors d'une manifestation", "la députée … lors des questions au gouvernement":
            # "lors" opens a complement, not the name (but "près de 500 cas")
            continue
        if child.lower_ == "dont" and child.i > 0 and head.doc[child.i - 1].text == "," and depth == 0:
            continue  # "…, dont le président s'est étonné": "dont" links its clause, no part of the noun
        if child.dep_ == "nmod":
            cases = [c.lower_ for c in child.children if c.dep_ == "case"]
            # "garde à vue" is one noun, "de 18 à 38" one range; "son avocat à LCI" is the lawyer, speaking to
            # a channel
            # "mise en liberté", "remise en état": a bare noun after "en" right after its noun completes it
            compound = (
                (cases == ["à"] or (cases == ["en"] and not not_a_name(child)))
                and child.i == head.i + 2
                and child.pos_ != "PROPN"
                and not any(c.dep_ == "det" for c in child.children)
            )
            if cases and not set(cases) <= _GENITIVE and not compound:
                continue  # "à la Défense", "avec l'utilisation …": not part of the name; "garde à vue" is
            bare = cases and not any(c.dep_ in {"det", "nmod", "amod"} for c in child.children)
            if depth >= 2 and child.pos_ != "PROPN" and not bare:
                # a name completes what it names: "la République de Donetsk", never cut; so does a bare noun
                # after "de": "l'ancien chargé de mission", "le préfet de police"
                continue
        if child.dep_ == "case" and child.i > head.i:
            continue
        tokens.extend(
            [*noun_phrase_tokens(child, depth + 1), *(c for c in child.children if c.dep_ == "cc")]
            if child.dep_ in {"nmod", "amod"} or named
            else list(child.subtree)
        )
        if child.dep_ == "amod" and child.i > head.i and depth < 2:
            # an adjective after its noun keeps the complement it governs: "15 décès dus au coronavirus",
            # "des soignants issus de la réserve" ("dus", "issus" alone dangle)
            for argument in child.children:
                if argument.dep_ != "obl:arg" or argument.pos_ not in {"NOUN", "PROPN"}:
                    continue
                if any(_coordinated_complement(c, argument) for c in argument.children):
                    continue  # "les forces alliées des républiques de Donetsk et de Lougansk": not half of it
                tokens.extend(noun_phrase_tokens(argument, depth + 1))
    doc = head.doc
    for child in head.children:
        before = doc[child.i - 1] if child.i > 0 else None
        if (
            child.lower_ in _GENITIVE - {"du", "des"}
            and before is not None
            and before.dep_ == "advmod"
            and before.head.i == head.i
            and child.i < head.i
        ):
            tokens.append(child)  # "près de 500 cas", whatever the model makes of its "de"
    return tokens


def _coordinated_noun(child: Token) -> bool:
    """A noun coordinated by "et" or "ou" with a noun's complement ("les maires de Meyzieu et
    Décines-Charpieu", the model's adjective for a capitalised name): part of that complement (the head's own
    coordinated nouns are each their own, ``conjuncts``)."""
    capitalised = child.pos_ == "ADJ" and child.text[:1].isupper()
    return (
        child.dep_ == "conj"
        and (child.pos_ in {"NOUN", "PROPN"} or capitalised)
        and any(c.dep_ == "cc" and c.lower_ in {"et", "ou"} for c in child.children)
    )


def _names_its_noun(child: Token, head: Token) -> bool:
    """A name after "de" completing a common noun, whatever the model's label ("les événements qui se sont
    produits place de la Contrescarpe": the model reads the name as the noun's argument)."""
    # a bare noun too: "le chargé de mission de l'Élysée", the model's argument of "chargé"
    bare = child.pos_ == "NOUN" and not any(c.dep_ in {"det", "nummod"} for c in child.children)
    return (
        child.dep_ in {"obl:arg", "obl"}
        and (child.pos_ == "PROPN" or bare)
        and child.i > head.i
        and head.pos_ == "NOUN"
        and any(c.dep_ == "case" and c.lower_ in _GENITIVE for c in child.children)
    )


def _coordinated_complement(token: Token, complement: Token) -> bool:
    """A noun coordinated with a complement, its preposition said again: "de Donetsk et de Lougansk" (not
    the complement of another adjective: "proche de X et liée au Covid-19")."""

    def preposition(word: Token) -> str:  # "des" is "de" + "les", "au" is "à" + "le"
        return "de" if word.lower_ in _GENITIVE else "à" if word.lower_ in {"au", "aux"} else word.lower_

    cases = {preposition(k) for k in complement.children if k.dep_ == "case"}
    return (
        token.dep_ == "conj"
        and token.pos_ in {"NOUN", "PROPN"}
        and any(k.dep_ == "case" and preposition(k) in cases for k in token.children)
    )


def name_tokens(head: Token) -> list[Token]:
    """A name's words: its head and what completes it ("Bachar al-Assad"), not a clause or an aside about
    it ("Olivier Véran, qui était à Lyon")."""
    aside = {
        t.i
        for c in head.children
        if c.dep_ in _ASIDE_DEPS or (c.is_punct and not _is_glued(c))
        for t in c.subtree
    }
    kept = [t for t in head.subtree if t.i not in aside]
    stop = next((t.i for t in head.subtree if t.i > head.i and t.is_punct and not _is_glued(t)), None)
    return [t for t in kept if stop is None or t.i < stop]  # a comma ends a name


def noun_phrase(head: Token, skip: Collection[int] = ()) -> str:
    """The short noun phrase a head noun stands for: "le ministère russe de la Défense"."""
    tokens = sorted({t for t in noun_phrase_tokens(head) if t.i not in skip}, key=lambda t: t.i)
    return join_tokens(without_fragments(tokens))


# Words that only make sense with the word they introduce: a determiner, a preposition, a conjunction.
_FUNCTION_DEPS = frozenset({"det", "case", "mark", "cc", "fixed"})
_EDGE_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PUNCT"})


def without_fragments(tokens: Sequence[Token]) -> list[Token]:
    """Tokens without dangling words: a determiner or preposition whose word was left out ("cette fête de"
    once "Pentecôte" is the time expression), a conjunction or punctuation at either end."""
    kept = list(tokens)
    while True:
        ids = {t.i for t in kept}
        trimmed = [
            t for t in kept if not (t.dep_ in _FUNCTION_DEPS and t.head.i not in ids and t.head.i != t.i)
        ]
        kept_ids = {t.i for t in trimmed}
        while trimmed and (trimmed[0].pos_ in _EDGE_POS - {"DET"} or _is_mark(trimmed[0], kept_ids)):
            trimmed = trimmed[1:]
        while trimmed and (trimmed[-1].pos_ in _EDGE_POS or _is_mark(trimmed[-1], kept_ids)):
            trimmed = trimmed[:-1]
        if len(trimmed) == len(kept):
            return trimmed
        kept = trimmed


def _is_mark(token: Token, kept: Collection[int]) -> bool:
    """Punctuation, but not the unit right after its number, kept too ("30%", the model's noun)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    after_number = before is not None and before.i in kept and before.like_num and not before.whitespace_
    return token.is_punct and not (after_number and token.pos_ in {"NOUN", "SYM"})


def join_tokens(tokens: Iterable[Token]) -> str:
    """Tokens in text order, spaced as in the text where adjacent, by one space where not."""
    ordered = sorted(tokens, key=lambda t: t.i)
    parts: list[str] = []
    for index, token in enumerate(ordered):
        parts.append(token.text)
        if index + 1 < len(ordered):
            adjacent = ordered[index + 1].i == token.i + 1
            parts.append(token.whitespace_ if adjacent else " ")
    return " ".join("".join(parts).split())


def conjuncts(head: Token) -> list[Token]:
    """A head and the heads coordinated with it: "L'armée russe et les forces alliées"."""
    found = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            found.extend(conjuncts(child))
    return found


def is_bare_participle(verb: Token) -> bool:
    """A participle describing a noun, with no auxiliary: "le confinement imposé en mars"."""
    return (
        verb.dep_ == "acl"
        and "Part" in verb.morph.get("VerbForm", [])
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )


def is_finite(verb: Token) -> bool:
    """A conjugated verb, or a participle with a conjugated auxiliary."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Fin" in t.morph.get("VerbForm", []) for t in forms)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("…, mais a publié")."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                # "qui" (the model does not always mark it Rel), never a personal pronoun ("dont il a pris")
                relative = "Rel" in child.morph.get("PronType", []) or (
                    current.dep_ == "acl:relcl" and not child.morph.get("Person", [])
                )
                if child.pos_ == "PRON" and relative:
                    # "le vice-ministre …, qui a déclaré": the relative's antecedent; where the model hangs
                    # the clause elsewhere, the noun just before "qui" ("le site du Monde qui a mis en ligne")
                    if current.head.pos_ in {"NOUN", "PROPN"}:
                        return antecedent_of(current)
                    before = child.doc[child.i - 1] if child.i > 0 else None
                    return before if before is not None and before.pos_ in {"NOUN", "PROPN"} else None
                return child
        if is_bare_participle(current):
            return None  # "le confinement imposé": the noun underwent it; who did it is not said
        if current.dep_ == "advcl" and is_finite(current):
            return (
                None  # "…, comme le montrent des photos": a clause of its own, its subject not the main one
            )
        if current.dep_ in {"conj", "xcomp", "acl", "advcl"} and current.head.i != current.i:
            current = current.head if current.dep_ != "acl" else current.head.head
        else:
            return None
    return None


def _numbers(verb: Token) -> set[str]:
    """The number of a verb's conjugated form (its own, its auxiliary's or its copula's)."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return {n for t in forms if "Fin" in t.morph.get("VerbForm", []) for n in t.morph.get("Number", [])}


def _participle_gender(verb: Token) -> bool | None:
    """Whether a past participle after "être" is feminine, read off its ending ("annoncée", "annoncés"): the
    model's gender of participles is unreliable; None where the ending does not say ("pris", a present)."""
    if not any(c.dep_ in {"aux:pass", "cop"} or c.lemma_ == "être" for c in verb.children):
        return None
    word = verb.lower_
    if word.endswith(("ée", "ées")):
        return True
    return False if word.endswith(("é", "és")) else None


def antecedent_of(relative: Token) -> Token:
    """What "qui" stands for: the noun the model hangs the relative clause on, unless it does not agree
    with the verb; then the one noun of the same phrase that does ("la remise en état de vélos qui
    sommeillent": the bicycles; in "la manifestation contre la réforme des retraites qui se tient" two
    agree, and which one is meant is not for agreement to say)."""
    head = relative.head
    numbers = _numbers(relative)
    own = set(head.morph.get("Number", []))
    feminine = _participle_gender(relative)
    genders = head.morph.get("Gender", [])
    # "un message jugé raciste par la majorité qui lui était adressé": a masculine participle after "être"
    # tells of no feminine noun
    gendered = feminine is None or not genders or head.pos_ == "PROPN" or ("Fem" in genders) == feminine
    if not numbers or not own or (own & numbers and gendered) or len(conjuncts(head)) > 1:
        return head
    chain = [head]
    while len(chain) < 6:
        above = chain[0].head
        if chain[0].dep_ == "nmod" and above.pos_ in {"NOUN", "PROPN"}:
            chain.insert(0, above)  # the nouns the phrase's complements complete, outermost first
        elif chain[0].dep_.startswith("obl") and is_bare_participle(above) and above.head.pos_ == "NOUN":
            chain.insert(0, above.head)  # "un message jugé raciste par la majorité": the message
        else:
            break
    below = head
    while len(chain) < 8:
        inner = [c for c in below.children if c.dep_ == "nmod" and below.i < c.i < relative.i]
        if not inner:
            break
        below = inner[-1]
        chain.append(below)
    agreeing = [
        n
        for n in chain
        if set(n.morph.get("Number", [])) & numbers
        and (feminine is None or ("Fem" in n.morph.get("Gender", [])) == feminine)
    ]
    if not agreeing:
        # none: an aside set between a subject and its verb tells of that subject ("L'expérimentation …, qui
        # doit concerner 3.000 patients pendant deux ans, qui devait débuter en septembre, est reportée")
        agreeing = [
            s
            for verb in relative.sent
            for s in verb.children
            if s.dep_ in SUBJECT_DEPS
            and s.pos_ in {"NOUN", "PROPN"}
            and s.i < relative.i < verb.i
            and set(s.morph.get("Number", [])) & numbers
        ][:1]
    return agreeing[0] if len(agreeing) == 1 else head  # two that agree: French does not say which


def named_within(head: Token) -> list[str]:
    """The people a phrase names ("Le secrétaire américain à la Défense, Lloyd Austin"), or the organisation
    it is; an organisation only mentioned in it ("le vice-ministre de l'Information") is not the actor. The
    phrase ends where a noun coordinated with it begins ("l'ARS et la préfecture": each is its own)."""
    coordinated = [c for c in head.children if c.dep_ == "conj" and any(k.dep_ == "cc" for k in c.children)]
    subtree = {t.i for t in head.subtree} - {t.i for c in coordinated for t in c.subtree}
    people: list[str] = []
    organisations: list[str] = []
    for ent in entities(head.doc):
        person = (
            _person_ending(ent) if ent.label_ == "ORG" and subtree & set(range(ent.start, ent.end)) else ""
        )
        if person and person not in people:
            people.append(person)  # "la présidente du Rassemblement national Marine Le Pen"
        if ent.start not in subtree or not is_whole(ent):
            continue
        if ent.label_ == "PER" and ent.text not in people and not _completes_noun(ent.root):
            people.append(shared_family_name(ent))
        elif ent.label_ == "ORG" and head.i in range(ent.start, ent.end) and ent.text not in organisations:
            organisations.append(_with_adjectives(ent))  # "au Monde": "Le Monde"
    if not people:  # "la ministre du Travail Muriel Pénicaud", the name read as part of an organisation
        people = [
            join_tokens([c, *(k for k in c.children if k.dep_ == "flat:name")])
            for c in head.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and any(k.dep_ == "flat:name" for k in c.children)
        ]
    if not people:  # "a déclaré le ministre de la Santé, Olivier Véran": the name set apart, which the
        people = _name_beside(head, subtree)  # model hangs elsewhere
    return people or organisations


def _person_ending(ent: Span) -> str:
    """The person's name the model's organisation runs into, after a title and its complement: "la présidente
    du Rassemblement national Marine Le Pen" (one organisation for the model; the parse hangs "Marine" on the
    title with no preposition, a name beside it). "" where there is none."""
    start = next(
        (
            t.i
            for t in ent[1:]
            if t.head.i < ent.start
            and t.head.pos_ == "NOUN"
            and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()))  # "Marine": the navy
            and t.dep_ in {"nmod", "appos"}
            and not any(c.dep_ == "case" for c in t.children)
        ),
        None,
    )
    return ent.doc[start : ent.end].text if start is not None and ent.end - start >= 2 else ""


def shared_family_name(name: Span) -> str:
    """A first name alone, coordinated with a first name and the family name they share, is told with that
    family name: "Emmanuel et Brigitte Macron" names Emmanuel Macron (not "Emmanuel") and Brigitte Macron."""
    doc = name.doc
    after = name.end + 1
    if (
        name.label_ != "PER"
        or len(name) != 1
        or after >= len(doc)
        or doc[name.end].lower_ not in {"et", "ou"}
    ):
        return name.text
    other = next((e for e in entities(doc) if e.label_ == "PER" and e.start == after and len(e) > 1), None)
    if other is None:
        return name.text
    return f"{name.text} {doc[other.start + 1 : other.end].text}"


def _name_beside(head: Token, subtree: Collection[int]) -> list[str]:
    """A person's name written right after a phrase and its comma, which the model hangs on no word of
    the phrase nor as one of an enumeration ("le ministre de la Santé, Olivier Véran")."""
    doc = head.doc
    comma = max(subtree) + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return []
    return [
        e.text
        for e in entities(doc)
        if e.label_ == "PER"
        and e.start == comma + 1
        and len(e) > 1
        and is_whole(e)
        # "a annoncé la ministre, Agnès Buzyn", "Lundi, le maire, Jean Dupont, a inauguré" (a second subject)
        and e.root.dep_ in {"dep", "appos", "parataxis", "obl:mod", "nsubj"}
    ]


def _completes_noun(name: Token) -> bool:
    """A person named after "de" to complete a common noun: "L'épouse d'Emmanuel Macron", "l'entourage du
    président" tell of someone else, the phrase is who acted."""
    return (
        name.dep_ == "nmod"
        and name.head.pos_ == "NOUN"
        and any(c.dep_ == "case" and c.lower_ in _GENITIVE for c in name.children)
    )


def _medium(name: Span) -> bool:
    """An organisation after "sur": where it was said or shown ("a assuré en direct sur BFMTV", "avocat de
    plusieurs gilets jaunes sur LCI"), no one who acted; a person after "sur" is a target ("a tiré sur
    Jérôme Rodrigues"), and the channel of a bare participle did it ("Interrogée sur RTL": RTL asked)."""
    return (
        name.label_ != "PER"
        and any(c.dep_ == "case" and c.lower_ == "sur" for c in name.root.children)
        and not _participle_alone(name.root.head)
    )


def _participle_alone(verb: Token) -> bool:
    """A past participle with no auxiliary ("Interrogée mardi sur RTL, …", "le confinement imposé")."""
    return "Part" in verb.morph.get("VerbForm", []) and not any(
        c.dep_.startswith("aux") for c in verb.children
    )


def _names_venue(name: Span, venue_nouns: Collection[str]) -> bool:
    """A name the model hangs on a venue noun before it, with no preposition: the venue's own name ("le CHU
    Pellegrin", "l'hôpital Bichat")."""
    head = name.root.head
    return (
        head.i < name.start
        and head.lemma_.lower() in venue_nouns
        and name.root.dep_ in {"appos", "flat:name", "nmod", "amod"}
        and not any(c.dep_ == "case" for c in name.root.children)
    )


def is_whole(name: Span) -> bool:
    """Whether an entity of the model is a whole name: not one cut after a determiner or a preposition
    ("ministre de l'" of "le ministre de l'Économie"), nor a person's that opens on a common word, nor a
    title before a person's name."""
    last = name[-1]
    two = any(t.pos_ == "CCONJ" and t.i + 1 < name.end and t.nbor().pos_ in {"DET", "ADP"} for t in name)
    # "Agence régionale de santé et la préfecture", "[les ministres de l']Économie et de l'Intérieur": two
    # names, each its own
    # "le directeur [général de la Santé], Jérôme Salomon": a person's name opens on a capital or on its
    # particle ("de Rugy"), never on a common word cut from its title
    cut = name.label_ == "PER" and name[0].text[:1].islower() and name[0].pos_ not in {"ADP", "DET"}
    cut = cut or not name[0].text[:1].isalnum()  # "-HP" of "l'AP-HP", split at its hyphen
    cut = cut or _cut_adjective(name[0])  # "[Santé] publique France"
    # "le ministre de l'Intérieur Christophe Castaner", "le ministre de la Santé, Olivier Véran": a title
    # right before the person's name is no one else
    after = name.end + 1 if name.end < len(name.doc) and name.doc[name.end].text == "," else name.end
    title = name[0].text[:1].islower() and any(
        e.label_ == "PER" and e.start == after for e in entities(name.doc)
    )
    cut = cut or (name.label_ != "PER" and title)
    # "la Pr Florence Ader", "la députée LREM Aurore Bergé": a word of title or a party written right before
    # the name, which the model takes for a name of its own
    beside = any(e.label_ == "PER" and e.start == name.end for e in entities(name.doc))
    cut = cut or (beside and (name.label_ != "PER" or len(name) == 1))
    return (
        last.pos_ not in {"DET", "ADP", "CCONJ"}
        and not last.text.endswith(("'", "’"))
        and not two
        and not cut
    )


# Where a name in the clause takes part in the event: its object, its complements, a name completing them.
_PARTICIPANT_DEPS = frozenset(
    {"obj", "iobj", "obl:arg", "obl:mod", "obl", "obl:agent", "nmod", "appos", "flat:name"}
)


def names_in(clause: Iterable[Token], venue_nouns: Collection[str] = frozenset()) -> list[str]:
    """The people and organisations a clause names beside its subject ("a rencontré Angela Merkel",
    "a condamné l'attaque du Hamas"): the model's PER and ORG entities, wholly inside the clause; not the
    name of a venue (``venue_nouns``: "au CHU Pellegrin", "à l'hôpital Bichat": a place, no one)."""
    tokens = list(clause)
    wanted = {t.i for t in tokens}
    names: list[str] = []
    if not tokens:
        return names
    for ent in entities(tokens[0].doc):
        if (
            ent.label_ not in {"PER", "ORG"}
            or not set(range(ent.start, ent.end)) <= wanted
            or not is_whole(ent)
        ):
            continue
        if _names_venue(ent, venue_nouns) or _medium(ent):
            continue
        # a name coordinated with a participant takes part too ("a reçu Angela Merkel et Justin Trudeau")
        # or hung on the verb after "et" ("on voit Emmanuel et Brigitte Macron")
        conjunct = ent.root.dep_ == "conj" and (
            ent.root.head.dep_ in _PARTICIPANT_DEPS
            or (ent.root.head.pos_ == "VERB" and any(c.dep_ == "cc" for c in ent.root.children))
        )
        taking_part = ent.root.dep_ in _PARTICIPANT_DEPS or conjunct
        if taking_part and not not_a_name(ent.root) and not overlaps(ent.text, names):
            # "la présidente du Rassemblement national Marine Le Pen": the person the organisation runs into
            names.append(
                (ent.label_ == "ORG" and (_person_ending(ent) or _with_adjectives(ent)))
                or shared_family_name(ent)
            )
    for token in tokens:  # a person a passive tells of: "l'ancien boxeur Christophe Dettinger a été suspendu"
        if token.dep_ != "nsubj:pass" or not_a_name(token):
            continue
        named = {token.i, *(c.i for c in token.children if c.dep_ in {"appos", "flat:name"})}
        for ent in entities(token.doc):  # the person named, not one its relative clause mentions
            person = ent.label_ == "PER" and len(ent) > 1 and ent.root.i in named and is_whole(ent)
            if person and not overlaps(ent.text, names):
                names.append(ent.text)
    return names


def people_in(phrase: Collection[Token]) -> list[str]:
    """The people a passive's subject names, each of its coordinated parts ("Alexandre Benalla et Vincent
    Crase ont été questionnés"): the model's PER entities of two words or more, whole; no thing."""
    ids = {t.i for t in phrase}
    if not ids:
        return []
    doc = next(iter(phrase)).doc
    return [
        ent.text
        for ent in entities(doc)
        if ent.label_ == "PER" and len(ent) > 1 and is_whole(ent) and {t.i for t in ent} <= ids
    ]


def overlaps(name: str, names: Iterable[str]) -> bool:
    """Whether a name is one of the names, or inside one of them, or holds one ("ministère de l'Intérieur" and
    "le ministère de l'Intérieur" are one actor)."""
    return any(name in other or other in name for other in names)


@dataclass(frozen=True, slots=True)
class Acting:
    """The nouns that can name who acted with no name of the model (``data/participants.tsv``): those of
    people, of their roles and of what they form (``people``: "le ministre", "les manifestants", "le
    parquet"), and those that count what their "de" complement names (``counting``: "plusieurs centaines de
    gilets jaunes"). Empty, every noun can."""

    people: frozenset[str] = frozenset()
    counting: frozenset[str] = frozenset()

    def acts(self, noun: Token) -> bool:
        """Whether a noun with no name can be who acted: one of people, or counting people; a thing cannot
        say, decide or act ("le Smic augmente", "les bars ferment", "un décret prévoit": no actor)."""
        if not self.people or noun.pos_ == "PROPN":
            return True
        if (
            noun.text[:1].isupper()
            and not any(c.dep_ in {"det", "nummod"} for c in noun.children)
            and any(c.pos_ == "PROPN" for c in noun.children)
        ):
            return (
                True  # a common noun goes with its determiner: a bare capitalised one ending on a name is one
            )
        if _among(noun, self.people):
            return True
        counted = [
            c
            for c in noun.children
            if c.dep_ == "nmod" and any(k.dep_ == "case" and k.lower_ in _GENITIVE for k in c.children)
        ]
        return _among(noun, self.counting) and any(
            _among(c, self.people) or c.pos_ == "PROPN" for c in counted[:1]
        )


def _among(noun: Token, nouns: frozenset[str]) -> bool:
    """Its lemma, its form, or its form without the mark of the plural, is one of the nouns ("des passants",
    which the model may lemmatise as the verb "passer")."""
    forms = {noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s"), noun.lower_.removesuffix("x")}
    return bool(forms & nouns)


def actors_of(subject: Token | None, agents: Iterable[Token], acting: Acting | None = None) -> list[str]:
    """Who acted: named people or organisations in the subject or agent, else the subject's noun phrase when
    its noun can act (``Acting``: people, not a thing); never a pronoun, a number or clock time, an
    interjection or an editorial tag (``nlp.not_a_name``)."""
    actors: list[str] = []
    for head in [*([subject] if subject is not None else []), *agents]:
        if not_a_name(head):
            continue
        parts = conjuncts(head)
        if not any(c.dep_ == "cc" for part in parts[1:] for c in part.children):
            parts = parts[:1]  # "Le secrétaire …, Lloyd Austin": a name set beside its title, no one else
        for part in parts:  # "l'Agence régionale de santé et la préfecture de région": both
            if is_attribute(part, head):
                continue  # "Vincent Lambert, …, et figure du débat": what he is, no one else
            names = named_within(part)
            if names:
                actors.extend(n for n in names if not overlaps(n, actors))
                continue
            if not_a_name(part) or part.pos_ not in {"NOUN", "PROPN"}:
                continue
            if acting is not None and not acting.acts(part):
                continue  # "le Smic", "les bars", "un décret": a thing
            times = {  # "par la mairie jeudi": the day the model hangs on the noun is no part of who
                t.i  # ("le stock d'heures supplémentaires": a unit after "de" is)
                for w in noun_phrase_tokens(part)
                if w.i != part.i
                and w.pos_ == "NOUN"
                and not_a_name(w)
                and not any(c.dep_ == "case" for c in w.children)
                for t in w.subtree
            }
            # "la voiture dont le conducteur a fui": "dont" links its clause, no part of who
            linking = {c.i for c in part.children if c.lower_ == "dont" and c.i < part.i}
            phrase = noun_phrase(part, times | linking).strip("".join(QUOTES) + " ")
            if phrase and not overlaps(phrase, actors):
                actors.append(phrase)
    return actors


def is_attribute(part: Token, head: Token) -> bool:
    """A common noun with no determiner coordinated with a name: what the person is, no one else ("Vincent
    Lambert, en état végétatif et figure du débat"); "les commerçants et artisans", "footballeurs,
    basketteurs ou handballeurs" are people each."""
    doc = part.doc
    # set beside the name by a comma, it is what the person is too: "Christophe Prudhomme, médecin et
    # porte-parole de l'association, s'est exprimé"
    beside = part.i > 0 and doc[part.i - 1].text == ","
    return (
        part.i != head.i
        and head.pos_ == "PROPN"
        and part.pos_ == "NOUN"
        and (beside or any(c.dep_ == "cc" for c in part.children))
        and not any(c.dep_ in {"det", "case", "nummod"} for c in part.children)
    )


def is_locution(token: Token, locution_nouns: Collection[str]) -> bool:
    """A noun that makes a locution of its verb: after "en", with no determiner ("mise en place")."""
    return (
        token.lemma_.lower() in locution_nouns
        and any(c.dep_ == "case" and c.lower_ == "en" for c in token.children)
        and not any(c.dep_ == "det" for c in token.children)
    )


PLACE_CASES = frozenset({"à", "en", "dans", "au", "aux"})


def _names_no_place(ent: Span) -> bool:
    """A location entity that names no place of the event: a kind of thing ("instaurer un nouvel État"), a
    people the model tags as a common plural noun, with no preposition of place ("a mis en garde les
    Français", "comme tous les Parisiens"; "aux Antilles" is a place)."""
    root = ent.root
    if any("Ind" in c.morph.get("Definite", []) for c in root.children if c.dep_ == "det"):
        return True
    cases = {c.lower_ for c in root.children if c.dep_ == "case"}
    people = len(ent) == 1 and root.pos_ == "NOUN" and "Plur" in root.morph.get("Number", [])
    return people and not cases & PLACE_CASES


def _named_street(noun: Token) -> bool:
    """A venue French names with no article nor preposition, by the name that completes it: a square or a
    street where it happened ("se sont rassemblés place de la République", "blessé samedi place de la
    Bastille", "à partir de 11 heures place Denfert"), hung on the verb or on the day before it."""
    named = any(
        c.dep_ in {"nmod", "flat:name", "appos"} and c.i > noun.i and c.text[:1].isupper()
        for c in noun.children
    )
    return (
        named
        and noun.dep_ in {"obl:mod", "obl", "obl:arg", "obj", "nmod"}
        and noun.text[:1].islower()
        and not any(c.dep_ in {"det", "case"} for c in noun.children)
        and (noun.dep_ != "nmod" or not_a_name(noun.head) or noun.head.pos_ == "VERB")
    )


# What may stand between a street's noun and its name: "place de la Bastille", "rue du Bac", "quai d'Orsay".
_STREET_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"})


def written_street(noun: Token) -> str:
    """A square or a street named as French writes it, with no article nor preposition, whatever the parse
    makes of its words ("pris en charge place de la Bastille": the model hangs "place" on "charge" and the
    name elsewhere; "le 1er mai place de la Contrescarpe"): its words up to the end of the name, or ""."""
    doc = noun.doc
    before = doc[noun.i - 1] if noun.i > 0 else None
    if not noun.text[:1].islower() or (before is not None and before.pos_ in {"DET", "ADP", "PRON"}):
        return ""  # "la place du marché", "mise en place", "sa place"
    end = noun.i + 1
    while end < len(doc) and end - noun.i <= 2 and doc[end].lower_ in _STREET_LINKS:
        end += 1
    if end >= len(doc) or not doc[end].text[:1].isupper() or doc[end].pos_ not in {"PROPN", "NOUN", "ADJ"}:
        return ""
    while end + 1 < len(doc) and (doc[end + 1].text[:1].isupper() or doc[end + 1].text in {"-", "–"}):
        end += 1  # "place Denfert-Rochereau", "rue Saint-Honoré"
    return doc[noun.i : end + 1].text


def _written_streets(
    clause: Sequence[Token], venue_nouns: Collection[str], excluded: Collection[str]
) -> dict[str, range]:
    """The squares and streets a clause names as written (``written_street``), with their words' indices; not
    one the parse already names (``_named_street``)."""
    streets: dict[str, range] = {}
    for token in sorted(clause, key=lambda t: t.i):
        if token.lemma_.lower() not in venue_nouns or _named_street(token):
            continue
        written = written_street(token)
        if written and written not in excluded:
            streets.setdefault(written, range(token.i, token.i + len(written.split())))
    return streets


def _near_phrase(adverb: Token, near: Collection[str]) -> str:
    """An adverb of place with the place its "de" names ("près de Narbonne", "autour de l'Arc de Triomphe",
    "non loin de la gare"): a name of place of the model, or a noun with a capital; "" for another word."""
    words = " ".join(t.lower_ for t in adverb.doc[max(adverb.i - 1, 0) : adverb.i + 1])
    if adverb.lower_ not in near and words not in near:
        return ""
    start = adverb.i - 1 if words in near and adverb.lower_ not in near else adverb.i
    places = {t.i for e in entities(adverb.doc) if e.label_ in {"LOC", "GPE"} for t in e}
    for child in adverb.children:
        cases = [c for c in child.children if c.dep_ == "case" and c.lower_ in _GENITIVE]
        if child.i > adverb.i and cases and (child.i in places or child.text[:1].isupper()):
            tokens = [*adverb.doc[start : adverb.i + 1], *noun_phrase_tokens(child), *cases]
            return join_tokens({t.i: t for t in tokens}.values())
    return ""


# Prepositions after which a place name stands for its people or government, not for where things happen.
_NOT_PLACE_CASES = frozenset({"selon", "par", "pour", "avec", "contre", "sans", "envers", "malgré", "face"})
_LOCATIVE_DEPS = frozenset({"obl:mod", "obl", "obl:arg", "obj", "nsubj", "nsubj:pass"})


def places_in(
    tokens: Iterable[Token],
    place_nouns: frozenset[str],
    exclude: Iterable[str],
    *,
    venue_nouns: frozenset[str] = frozenset(),
    locution_nouns: frozenset[str] = frozenset(),
    near: frozenset[str] = frozenset(),
) -> list[str]:
    """Places where a clause happens: LOC entities it governs directly ("à Izyum"), or through a place noun
    ("dans la région de Kharkov"); a name inside another complement ("les tentatives de Kiev") is not one.
    A venue after à, en or dans is one too, named or not ("au centre hospitalier de Belfort")."""
    excluded = set(exclude)
    clause = list(tokens)
    wanted = {t.i for t in clause}
    places: list[str] = []
    if not clause:
        return places
    covered: set[int] = set()
    # "pris en charge place de la Bastille", however the model hangs its words
    streets = _written_streets(clause, venue_nouns, excluded)
    places.extend(streets)
    covered.update(i for words in streets.values() for i in words)
    for token in sorted(clause, key=lambda t: t.i):
        street = token.lemma_.lower() in venue_nouns and _named_street(token)
        if (
            token.lemma_.lower() not in venue_nouns | place_nouns
            or (token.dep_ not in {"obl:mod", "obl", "obl:arg"} and not street)
            or token.i in covered
        ):
            continue
        if not street and not any(c.dep_ == "case" and c.lower_ in PLACE_CASES for c in token.children):
            continue
        if is_locution(token, locution_nouns):
            continue  # "mise en place": no place
        phrase_tokens = [t for t in noun_phrase_tokens(token) if t.i in wanted or t.i == token.i]
        text = noun_phrase(token)
        if text and text not in places and text not in excluded:
            places.append(text)
            covered.update(t.i for t in phrase_tokens)
    # "incendié samedi près de Narbonne", "autour de l'Arc de Triomphe": near the place, told with it
    near_places = (_near_phrase(t, near) for t in sorted(clause, key=lambda t: t.i))
    places.extend(dict.fromkeys(p for p in near_places if p and p not in places and p not in excluded))
    for ent in entities(clause[0].doc):
        if ent.label_ not in {"LOC", "GPE"} or not set(range(ent.start, ent.end)) <= wanted:
            continue
        if ent.root.i in covered:
            continue  # inside a venue already named: "au centre hospitalier de Belfort"
        root = ent.root
        if _names_no_place(ent):
            continue
        cases = {c.lower_ for c in root.children if c.dep_ == "case"}
        if cases & _NOT_PLACE_CASES:
            continue  # "selon Moscou" names who said it, "par Kiev" who did it, "contre Kiev" whom
        if root.dep_ in _LOCATIVE_DEPS:
            text = ent.text
        elif (
            root.dep_ == "nmod"
            and root.head.lemma_.lower() in place_nouns
            and root.head.dep_ in _LOCATIVE_DEPS
        ):
            text = noun_phrase(root.head)
        elif root.dep_ in {"nmod", "conj"} and any(
            c.dep_ == "case" and c.lower_ in PLACE_CASES for c in root.children
        ):
            # "a rencontré Angela Merkel à Berlin": the model hangs the city on the name; "a frappé deux
            # gendarmes le 8 janvier à Paris": on the object as its conjunct, past the date
            text = ent.text
        else:
            continue
        if text not in places and text not in excluded:
            places.append(text)
    return places
