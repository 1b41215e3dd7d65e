"""Cleaning blanks boilerplate out and keeps every offset of the original text."""

from __future__ import annotations

import pytest

from chronique.clean import Boilerplate, clean
from chronique.vocabulary import load
from tests.conftest import ROOT

SEED = (ROOT / "seeds" / "000_b5c863f8a0090c42.txt").read_text(encoding="utf-8")
BOILERPLATE = Boilerplate.from_vocabulary(load())


def test_seed_boilerplate_is_blanked_with_offsets_kept() -> None:
    cleaned = clean(SEED, BOILERPLATE)
    assert len(cleaned.text) == len(SEED)
    assert [SEED[a:b] for a, b in cleaned.dropped] == [
        "Kharkiv Kharkiv",
        "dot.gif",
        "Commentaires à ceci :",
        "dot.gif",
    ]
    assert "dot.gif" not in cleaned.text and "Commentaires" not in cleaned.text
    kept = SEED.index("L'armée russe")
    assert cleaned.text[kept : kept + 13] == "L'armée russe"


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Paris Match Paris Match\nLe texte.", None, "                       \nLe texte."),
        ("Grève à Lyon\nLe texte.", "Grève à Lyon", "            \nLe texte."),
        ("Le texte.\nLe texte.", None, "Le texte.\nLe texte."),  # only a first line can be a doubled title
        ("Le texte.\nLire aussi : autre chose", None, "Le texte.\n                        "),
        ("", None, ""),
    ],
)
def test_clean_rows(text: str, title: str | None, expected: str) -> None:
    assert clean(text, BOILERPLATE, title).text == expected
