"""Cleaning blanks boilerplate out and keeps every offset of the original text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronique.clean import Boilerplate, clean
from chronique.vocabulary import VocabularyError, load, load_from
from tests.conftest import ROOT

SEED = (ROOT / "seeds" / "000_b5c863f8a0090c42.txt").read_text(encoding="utf-8")
BOILERPLATE = Boilerplate.from_vocabulary(load())


def test_seed_boilerplate_is_blanked_with_offsets_kept() -> None:
    cleaned = clean(SEED, BOILERPLATE)
    assert len(cleaned.text) == len(SEED)
    assert [SEED[a:b] for a, b in cleaned.dropped] == [
        "Kharkiv Kharkiv",
        "dot.gif",
        "Commentaires à ceci :\n\ndot.gif",  # the comments open there: cut to the end
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


ARTICLE = "Le maire a démissionné lundi.\n"
COMMENT = "\nOn a fait pareil en 1914!\nce n'est pas vous que je vise ici"


@pytest.mark.parametrize(
    "marker",
    [
        "Commentaires",
        "Commentaires :",
        "COMMENTAIRES",
        "Commentaires (12)",
        "Commentaires à ceci :",
        "Réagissez",
        "Réagissez à cet article",
        "Vos réactions",
        "Vos réactions (3) :",
        "Répondre",
        "Signaler un abus",
        "  Signaler un abus  ",
        "12 commentaires",
        "1 commentaire",
        "1 250 réactions",
        "3 réponses",
    ],
)
def test_a_comment_marker_line_cuts_the_rest(marker: str) -> None:
    text = ARTICLE + marker + COMMENT
    cleaned = clean(text, BOILERPLATE)
    assert len(cleaned.text) == len(text)
    assert cleaned.text[: len(ARTICLE)] == ARTICLE  # the article stays, at its offsets
    assert cleaned.text[len(ARTICLE) :].strip() == ""  # the marker and every comment after it are blank
    assert cleaned.text.count("\n") == text.count("\n")  # line breaks kept
    assert [text[a:b] for a, b in cleaned.dropped] == [(marker + COMMENT).strip()]


@pytest.mark.parametrize(
    "line",
    [
        "Commentaires du ministre sur la réforme : il ne cède pas.",  # the word opens a sentence
        "Le ministre a répondu aux commentaires de la presse.",
        "Les commentaires ont afflué après la décision.",
        "Réagissez-vous ? a demandé le journaliste.",
        "Il faut signaler un abus à la police, a-t-il dit.",
        "12 commentaires injurieux ont été signalés lundi.",  # a number and the word, in a sentence
        "Réactions",  # an intertitle of politicians' reactions: the article goes on
        "1914",
    ],
)
def test_the_words_inside_a_sentence_cut_nothing(line: str) -> None:
    text = ARTICLE + line + "\nLa ville a voté mardi."
    assert clean(text, BOILERPLATE).text == text


def test_a_comments_count_form_is_one_word(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parent.parent / "src" / "chronique" / "data"
    for path in data.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "boilerplate.tsv").open("a", encoding="utf-8") as out:
        out.write("comments_count\tmots doux\n")
    with pytest.raises(VocabularyError, match=r"boilerplate\.tsv:\d+: a comments_count form is one word"):
        load_from(tmp_path)
