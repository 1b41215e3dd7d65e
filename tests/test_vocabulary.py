"""The French data files load, and a malformed one is reported with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronique.grammar import parse_grammar
from chronique.vocabulary import VocabularyError, load, load_from, parse_lexicon

DATA = Path(__file__).resolve().parent.parent / "src" / "chronique" / "data"


def test_packaged_vocabulary_loads() -> None:
    vocabulary = load()
    assert vocabulary.month_name(8) == "août"
    assert vocabulary.weekday_name(4) == "jeudi"
    assert vocabulary["months"].key_of("Févr.") == "2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1\tjanvier\n2\n", "x.tsv:2: expected a key"),
        ("1\tjanvier\t\tjanv.\n", "x.tsv:1: empty column"),
        ("1\tjanvier\n2\tjanvier\n", "x.tsv:2: form 'janvier' already belongs to key '1' (line 1)"),
        ("# only a comment\n", "x.tsv: no entries"),
    ],
)
def test_malformed_lexicon_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(VocabularyError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_lexicon("months", text, "x.tsv", 0)


def test_missing_key_names_the_file(tmp_path: Path) -> None:
    for source in DATA.glob("*.tsv"):
        shutil.copy(source, tmp_path / source.name)
    months = tmp_path / "months.tsv"
    months.write_text(
        "\n".join(months.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8"
    )
    with pytest.raises(VocabularyError, match=r"months\.tsv: keys must be exactly .*missing \['12'\]"):
        load_from(tmp_path)


def test_bad_holiday_rule_names_file_and_line(tmp_path: Path) -> None:
    for source in DATA.glob("*.tsv"):
        shutil.copy(source, tmp_path / source.name)
    holidays = tmp_path / "holidays.tsv"
    holidays.write_text(holidays.read_text(encoding="utf-8") + "bad\t13-45\tJour faux\n", encoding="utf-8")
    lines = holidays.read_text(encoding="utf-8").count("\n")
    with pytest.raises(VocabularyError, match=rf"holidays\.tsv:{lines}: date rule '13-45'"):
        load_from(tmp_path)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("r\tdate\t{nosuch:day}\n", r"rules\.txt:1: unknown placeholder class \{nosuch\}"),
        ("r\twhen\t{month}\n", r"rules\.txt:1: unknown kind 'when'"),
        ("r\tdate\t({month}\n", r"rules\.txt:1: rule 'r' is not a valid regex"),
        ("r\tdate\t{month}\nr\tdate\t{weekday}\n", r"rules\.txt:2: rule name 'r' is used twice"),
        ("#> 2022-09-10 | x | y | z\n", r"rules\.txt:1: an example row must follow a rule"),
        ("r\tdate\t{month[13]}\n", r"rules\.txt:1: \{month\[…\]\} names keys not in months\.tsv"),
    ],
)
def test_malformed_rules_name_file_and_line(rules: str, message: str) -> None:
    with pytest.raises(VocabularyError, match=message):
        parse_grammar(rules, "rules.txt", load())
