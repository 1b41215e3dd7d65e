"""The French data files load, and a malformed one is reported with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronique.grammar import parse_grammar
from chronique.model import RuleFlag, RuleKind
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
    months = _data_copy(tmp_path) / "months.tsv"
    months.write_text(
        "\n".join(months.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8"
    )
    with pytest.raises(VocabularyError, match=r"months\.tsv: keys must be exactly .*missing \['12'\]"):
        load_from(tmp_path)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("r\tdate\t-\t{nosuch:day}\n", r"rules\.txt:1: unknown placeholder class \{nosuch\}"),
        ("r\twhen\t-\t{month}\n", r"rules\.txt:1: unknown kind 'when'; known: date, time, interval"),
        (
            "\nr\tdate\tnight,loud\t{month}\n",
            r"rules\.txt:2: unknown flag 'loud'; known: quantity_check, night",
        ),
        ("r\tdate\t\t{month}\n", r"rules\.txt:1: unknown flag ''"),
        ("r\tdate\t-\t{month:mois}\n", r"rules\.txt:1: unknown slot 'mois'; known: .*month"),
        ("r\tdate\t-\t(?P<when>{month})\n", r"rules\.txt:1: unknown slot 'when'"),
        ("@m\t{month:moon}\n# c\nr\tdate\t-\t{@m:2}\n", r"rules\.txt:3: unknown slot 'moon_2'"),
        ("r\tdate\t{month}\n", r"rules\.txt:1: a rule line is 'name<TAB>kind<TAB>flags<TAB>pattern'.* got 3"),
        ("r\tdate\t-\t{month}\tx\n", r"rules\.txt:1: a rule line is .* got 5 columns"),
        ("r\tdate\t-\t({month}\n", r"rules\.txt:1: rule 'r' is not a valid regex"),
        ("r\tdate\t-\t{month}\nr\tdate\t-\t{weekday}\n", r"rules\.txt:2: rule name 'r' is used twice"),
        ("#> 2022-09-10 | x | y | z\n", r"rules\.txt:1: an example row must follow a rule"),
        ("r\tdate\t-\t{month[13]}\n", r"rules\.txt:1: \{month\[…\]\} names keys not in months\.tsv"),
    ],
)
def test_malformed_rules_name_file_and_line(rules: str, message: str) -> None:
    with pytest.raises(VocabularyError, match=message):
        parse_grammar(rules, "rules.txt", load())


@pytest.mark.parametrize(
    ("rules", "kinds", "flags"),
    [
        ("r\tdate\t-\t{month:month}\n", [RuleKind.DATE], [frozenset()]),
        ("r\tdate\tquantity_check\t{year:year}\n", [RuleKind.DATE], [frozenset({RuleFlag.QUANTITY_CHECK})]),
        (
            "n\tinterval\tnight,quantity_check\t{weekday:weekday} à {weekday:weekday_2}\n",
            [RuleKind.INTERVAL],
            [frozenset({RuleFlag.NIGHT, RuleFlag.QUANTITY_CHECK})],
        ),
    ],
)
def test_rule_kinds_and_flags_are_enums(
    rules: str, kinds: list[RuleKind], flags: list[frozenset[RuleFlag]]
) -> None:
    grammar = parse_grammar(rules, "rules.txt", load())
    assert [rule.kind for rule in grammar.rules] == kinds
    assert [rule.flags for rule in grammar.rules] == flags


def _data_copy(folder: Path) -> Path:
    """The packaged .tsv files copied into a folder, to spoil one of them."""
    for source in DATA.glob("*.tsv"):
        shutil.copy(source, folder / source.name)
    return folder


def _append(path: Path, line: str) -> int:
    """Add a line to a file; returns its line number."""
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return path.read_text(encoding="utf-8").count("\n")


@pytest.mark.parametrize(
    ("file_name", "extra_line", "message"),
    [
        ("units.tsv", "fortnight\tquinzaine", r"units\.tsv:{line}: unknown unit key 'fortnight'; known: day"),
        ("relations.tsv", "before\tavant", r"relations\.tsv:{line}: unknown relation key 'before'"),
        ("holidays.tsv", "bad\t13-45\tJour faux", r"holidays\.tsv:{line}: date rule '13-45'"),
    ],
)
def test_bad_key_names_file_and_line(tmp_path: Path, file_name: str, extra_line: str, message: str) -> None:
    line = _append(_data_copy(tmp_path) / file_name, extra_line)
    with pytest.raises(VocabularyError, match=message.format(line=line)):
        load_from(tmp_path)


def test_relation_without_words_names_the_file(tmp_path: Path) -> None:
    relations = _data_copy(tmp_path) / "relations.tsv"
    kept = [
        line for line in relations.read_text(encoding="utf-8").splitlines() if not line.startswith("this")
    ]
    relations.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"relations\.tsv: no line for key\(s\) \['this'\]"):
        load_from(tmp_path)
