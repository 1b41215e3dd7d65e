"""Noun phrases and clause summaries read off the dependency parse: who, where, and what was done."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Token

from chronique.nlp import entities, not_a_name

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})
AGENT_DEPS = frozenset({"obl:agent"})
OBJECT_DEPS = frozenset({"obj", "iobj", "obl:arg", "obl:agent", "xcomp", "ccomp", "obl:mod", "obl"})
# Inside a short noun phrase we keep determiners, adjectives, names and "de" complements;
# relative clauses, appositions, participle clauses and "avec …" complements make it long without naming more.
_NP_KEEP = frozenset(
    {"det", "amod", "flat:name", "flat", "compound", "nummod", "case", "fixed", "advmod", "nmod"}
)
_GENITIVE = frozenset({"de", "d'", "d’", "du", "des"})
_MAX_SUMMARY_TOKENS = 30


def _np_tokens(head: Token, depth: int = 0) -> list[Token]:
    tokens = [head]
    for child in head.children:
        if child.dep_ not in _NP_KEEP or child.is_punct:
            continue
        if child.dep_ == "nmod":
            cases = [c.lower_ for c in child.children if c.dep_ == "case"]
            if cases and not set(cases) <= _GENITIVE:
                continue  # "à la Défense", "avec l'utilisation …": not part of the name
            if depth >= 2:
                continue
        if child.dep_ == "case" and child.i > head.i:
            continue
        tokens.extend(_np_tokens(child, depth + 1) if child.dep_ in {"nmod", "amod"} else list(child.subtree))
    return tokens


def noun_phrase(head: Token, skip: Collection[int] = ()) -> str:
    """The short noun phrase a head noun stands for: "le ministère russe de la Défense"."""
    tokens = sorted({t for t in _np_tokens(head) if t.i not in skip}, key=lambda t: t.i)
    while tokens and (tokens[0].dep_ == "case" or tokens[0].is_punct):
        tokens = tokens[1:]
    return join_tokens(tokens)


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


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("…, mais a publié")."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.pos_ == "PRON" and current.dep_ == "acl:relcl":
                    return current.head  # "le vice-ministre …, qui a déclaré": the relative's antecedent
                return child
        if is_bare_participle(current):
            return None  # "le confinement imposé": the noun underwent it; who did it is not said
        if current.dep_ in {"conj", "xcomp", "acl", "advcl"} and current.head.i != current.i:
            current = current.head if current.dep_ != "acl" else current.head.head
        else:
            return None
    return None


def named_within(head: Token) -> list[str]:
    """The people a phrase names ("Le secrétaire américain à la Défense, Lloyd Austin"), or the organisation
    it is; an organisation only mentioned in it ("le vice-ministre de l'Information") is not the actor."""
    subtree = {t.i for t in head.subtree}
    people: list[str] = []
    organisations: list[str] = []
    for ent in entities(head.doc):
        if ent.start not in subtree:
            continue
        if ent.label_ == "PER" and ent.text not in people:
            people.append(ent.text)
        elif ent.label_ == "ORG" and head.i in range(ent.start, ent.end) and ent.text not in organisations:
            organisations.append(ent.text)
    return people or organisations


def actors_of(subject: Token | None, agents: Iterable[Token]) -> list[str]:
    """Who acted: named people or organisations in the subject or agent, else the subject's noun phrase;
    never a pronoun, a number or clock time, an interjection or an editorial tag (``nlp.not_a_name``)."""
    actors: list[str] = []
    for head in [*([subject] if subject is not None else []), *agents]:
        if not_a_name(head):
            continue
        names = named_within(head)
        if names:
            actors.extend(n for n in names if n not in actors)
            continue
        for part in conjuncts(head):
            if not_a_name(part) or part.pos_ not in {"NOUN", "PROPN"}:
                continue
            phrase = noun_phrase(part)
            if phrase and phrase not in actors:
                actors.append(phrase)
    return actors


_LOCATIVE_DEPS = frozenset({"obl:mod", "obl", "obl:arg", "obj", "nsubj", "nsubj:pass"})


def places_in(tokens: Iterable[Token], place_nouns: frozenset[str], exclude: Iterable[str]) -> list[str]:
    """Places where a clause happens: LOC entities it governs directly ("à Izyum"), or through a place noun
    ("dans la région de Kharkov"); a name inside another complement ("les tentatives de Kiev") is not one."""
    excluded = set(exclude)
    wanted = {t.i for t in tokens}
    places: list[str] = []
    doc = next(iter(tokens), None)
    if doc is None:
        return places
    for ent in entities(doc.doc):
        if ent.label_ not in {"LOC", "GPE"} or not set(range(ent.start, ent.end)) <= wanted:
            continue
        root = ent.root
        if root.dep_ in _LOCATIVE_DEPS:
            text = ent.text
        elif (
            root.dep_ == "nmod"
            and root.head.lemma_.lower() in place_nouns
            and root.head.dep_ in _LOCATIVE_DEPS
        ):
            text = noun_phrase(root.head)
        else:
            continue
        if text not in places and text not in excluded:
            places.append(text)
    return places


def summary_of(trigger: Token, clause_head: Token, skip: set[int]) -> str:
    """A short French summary built from the clause itself: subject + verb group + object."""
    chosen: set[int] = set()
    if is_bare_participle(trigger):
        # a participle describing a noun: "le confinement imposé (par …)"
        chosen.update(t.i for t in _np_tokens(trigger.head))
        chosen.add(trigger.i)
        for child in trigger.children:
            if child.dep_ in {"obl:agent", "obj"} and child.i not in skip:
                chosen.update(t.i for t in _np_tokens(child))
                chosen.update(c.i for c in child.children if c.dep_ == "case")
        tokens = [trigger.doc[i] for i in sorted(chosen - set(skip))]
        while tokens and (tokens[0].dep_ == "case" or tokens[0].is_punct):
            tokens = tokens[1:]  # "après le confinement imposé" reads as "le confinement imposé"
        return join_tokens(tokens)
    subject = subject_of(clause_head) or subject_of(trigger)
    subject_ids: set[int] = set()
    if subject is not None:
        for part in conjuncts(subject):
            subject_ids.update(t.i for t in _np_tokens(part))
            subject_ids.update(c.i for c in part.children if c.dep_ == "cc")
    chosen.update(subject_ids)
    path: list[Token] = []
    node = trigger
    while node.i not in {clause_head.i, node.head.i} and len(path) < 6:
        path.append(node)
        node = node.head
    path.append(clause_head)
    for node in path:
        chosen.add(node.i)
        for child in node.children:
            if (
                child.dep_.startswith("aux")
                or child.dep_ in {"mark", "det"}
                or child.lower_ in {"n'", "ne", "pas"}
            ):
                chosen.add(child.i)
    for child in trigger.children:
        if child.dep_ in {"obj", "obl:agent", "obl:arg", "xcomp"} and child.i not in skip:
            chosen.update(t.i for t in _np_tokens(child))
            chosen.update(c.i for c in child.children if c.dep_ == "case")
    doc = trigger.doc
    tokens = [doc[i] for i in sorted(chosen - set(skip)) if not doc[i].is_space]
    while tokens and (tokens[0].dep_ in {"mark", "cc"} or tokens[0].is_punct):
        tokens = tokens[1:]  # "que les troupes ont subi …" reads as "les troupes ont subi …"
    tokens = tokens[:_MAX_SUMMARY_TOKENS]
    if subject is not None and subject.i > trigger.i:  # "…, a averti jeudi Emmanuel Macron"
        said = [t for t in tokens if t.i not in subject_ids]
        return " ".join(
            p for p in (join_tokens(t for t in tokens if t.i in subject_ids), join_tokens(said)) if p
        )
    return join_tokens(tokens)
