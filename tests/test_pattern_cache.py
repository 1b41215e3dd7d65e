"""The tokenizer pattern's cache: the pattern re.compile gives back is the one the engine would build."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import srsly  # type: ignore[import-untyped]

from chronique import pattern_cache
from chronique.analyzer import Analyzer
from chronique.pattern_cache import CACHE_VARIABLE, cache_file, pattern_key, prime, tokenizer_pattern

# a small pattern in the shape of spaCy's French token_match: anchored alternatives, case-insensitive, classes
PATTERN = "(?iu)(?:^porte[-‐]avions?$)|(?:^(?P<saint>saint)[-‐][a-zéè]+$)|(?:^entr['’][a-zéè]+$)"
WORDS = [
    "porte-avions",
    "Porte‐avion",
    "saint-étienne",
    "Saint-Denis",
    "entr'abat",
    "entre",
    "saint",
    "avions",
]


def model_folder(tmp_path: Path, pattern: str) -> Path:
    """A model folder as spaCy writes it: its config and its tokenizer's serialized patterns."""
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.cfg").write_text("[nlp]\nlang = fr\n", encoding="utf-8")
    (folder / "tokenizer").write_bytes(srsly.msgpack_dumps({"token_match": pattern, "url_match": None}))
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    re.purge()
    yield folder
    re.purge()


def matches(compiled: re.Pattern[str]) -> list[tuple[bool, str | None]]:
    found = [compiled.match(word) for word in WORDS]
    return [(m is not None, m.group("saint") if m else None) for m in found]


def test_the_pattern_is_read_from_the_model_files(tmp_path: Path) -> None:
    assert tokenizer_pattern(str(model_folder(tmp_path, PATTERN))) == PATTERN
    assert tokenizer_pattern(str(tmp_path / "nothing")) is None


def test_primed_then_read_back_the_same_program(cache: Path, tmp_path: Path) -> None:
    expected = matches(re._compiler.compile(PATTERN, 0))  # type: ignore[attr-defined]  # the engine's own
    model = str(model_folder(tmp_path, PATTERN))
    assert prime(model)  # compiled here, saved
    [saved] = cache.iterdir()
    first = re.compile(PATTERN)
    assert matches(first) == expected
    assert first.groupindex == {"saint": 1}
    re.purge()
    assert prime(model)  # read from the file this time
    second = re.compile(PATTERN)
    assert second is not first
    assert matches(second) == expected
    assert [saved] == list(cache.iterdir())


def test_a_damaged_cache_file_is_compiled_again(cache: Path, tmp_path: Path) -> None:
    model = str(model_folder(tmp_path, PATTERN))
    assert prime(model)
    [saved] = cache.iterdir()
    data = bytearray(saved.read_bytes())
    data[-3] ^= 0xFF  # a word of the program changed: its digest no longer holds
    saved.write_bytes(bytes(data))
    re.purge()
    assert prime(model)
    assert matches(re.compile(PATTERN)) == matches(re._compiler.compile(PATTERN, 0))  # type: ignore[attr-defined]
    assert saved.read_bytes() != bytes(data)  # rewritten


def test_an_unwritable_cache_still_primes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocker / "cache"))
    re.purge()
    assert prime(str(model_folder(tmp_path, PATTERN)))
    re.purge()


def test_without_the_engine_internals_nothing_is_primed(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise AttributeError("no _code in this Python")

    monkeypatch.setattr(pattern_cache, "_engine", missing)
    assert not prime(str(model_folder(tmp_path, PATTERN)))
    assert not list(cache.glob("*"))


def test_the_loaded_model_tokenizes_with_the_primed_pattern(analyzer: Analyzer) -> None:
    # the session's model was loaded by chronique.nlp.load_model, which primes before spaCy compiles
    tokenizer = analyzer.nlp.tokenizer
    pattern = getattr(tokenizer, "token_match").__self__.pattern  # noqa: B009  # a bound method of the pattern
    assert pattern == tokenizer_pattern(analyzer.model)
    assert cache_file(pattern_key(pattern)).is_file()
    tokens = [token.text for token in tokenizer("Le porte-avions a quitté Saint-Étienne aujourd'hui.")]
    assert tokens == ["Le", "porte-avions", "a", "quitté", "Saint-Étienne", "aujourd'hui", "."]
