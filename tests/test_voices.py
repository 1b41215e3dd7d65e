"""Voices: which words stand inside a direct quotation (hand-built token rows: word, space after, a verb?)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronique.voices import quotations

Row = tuple[str, bool, bool]  # the word, whether a space follows it, whether it is a verb


def _doc(rows: list[Row]) -> Doc:
    return Doc(
        Vocab(),
        words=[w for w, _, _ in rows],
        spaces=[s for _, s, _ in rows],
        pos=["VERB" if v else "NOUN" for _, _, v in rows],
    )


# (tokens, the words inside a quotation)
QUOTE_ROWS: list[tuple[list[Row], list[str]]] = [
    # French marks
    (
        [
            ("Il", True, False),
            ("a", True, False),
            ("dit", True, True),
            (":", True, False),
            ("«", True, False),
            ("Nous", True, False),
            ("partons", True, True),
            ("»", True, False),
            (".", False, False),
        ],
        ["Nous", "partons"],
    ),
    # a straight quote opens where a word follows it with none before, closes where a word precedes it with
    # none after, whatever the count of quotes before it (a glued headline left one unpaired)
    (
        [
            ("arrestation", False, False),
            ('"', False, False),
            ("Sur", True, False),
            ("place", False, False),
            (".", True, False),
            ('"', False, False),
            ("Ensuite", True, False),
            ("je", True, False),
            ("pars", False, True),
            ('"', False, False),
            (",", True, False),
            ("dit", True, True),
        ],
        ["Ensuite", "je", "pars"],
    ),
    (
        [
            ('"', False, False),
            ("Non", False, False),
            ('"', True, False),
            ("a", True, False),
            ("répondu", True, True),
            ("Paul", True, False),
            (":", True, False),
            ('"', False, False),
            ("Je", True, False),
            ("pars", False, True),
            ('"', False, False),
        ],
        ["Je", "pars"],  # a quoted word with no verb is no speech
    ),
    # a mark the tokenizer left on the word it opens, after a stop ('Info."La mission')
    (
        [
            ("Info", False, False),
            (".", False, False),
            ('"La', True, False),
            ("mission", True, False),
            ("a", True, False),
            ("réussi", False, True),
            ('"', False, False),
            (",", True, False),
            ("a", True, False),
            ("dit", True, True),
            ("Paul", False, False),
        ],
        ['"La', "mission", "a", "réussi"],
    ),
]


@pytest.mark.parametrize(("rows", "inside"), QUOTE_ROWS, ids=[str(i) for i in range(len(QUOTE_ROWS))])
def test_quotations(rows: list[Row], inside: list[str]) -> None:
    doc = _doc(rows)
    regions = quotations(doc)
    assert [t.text for t in doc if regions[t.i]] == inside
