"""spaCy's French tokenizer pattern, compiled once per machine rather than at every start.

The French tokenizer keeps hyphenated and elided words whole with one regular expression of 1.4 million
characters (``token_match``, stored in the model and built again by ``spacy.lang.fr.tokenizer_exceptions``
at import). Python compiles it at every start: 3 to 4 seconds of pure Python (its character classes are
large, case-insensitive Unicode) before one article is read, in every process that loads the model (a run,
a flow, each test session, a worker). The compiled program depends only on the pattern and on the
interpreter's regular-expression engine; it is kept in a cache file and handed to the engine directly (a
few milliseconds), and Python's ``re`` finds it in its own cache when spaCy asks for the pattern, so that the
tokenizer is the one spaCy would have built.

An optimisation only: when the cache cannot be read or written, or this Python's ``re`` is not built the
expected way (its internals are not an API), nothing is primed and spaCy compiles the pattern as usual.
"""

from __future__ import annotations

import array
import hashlib
import logging
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import srsly  # type: ignore[import-untyped]
from spacy.util import get_package_path, is_package

logger = logging.getLogger(__name__)

CACHE_VARIABLE = "CHRONIQUE_CACHE_DIR"
# the cache file: this line, a JSON header line (key, flags, groups, digest), then the program as 32-bit words
_FORMAT = b"chronique-pattern-1\n"


def cache_dir() -> Path:
    """``$CHRONIQUE_CACHE_DIR``, else ``$XDG_CACHE_HOME/chronique``, else ``~/.cache/chronique``."""
    if chosen := os.environ.get(CACHE_VARIABLE):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "chronique"


def tokenizer_pattern(model: str) -> str | None:
    """The ``token_match`` pattern of an installed model package or model folder, read from its files."""
    folder = get_package_path(model) if is_package(model) else Path(model)
    for path in [*sorted(folder.glob("*/tokenizer")), folder / "tokenizer"]:
        if path.is_file() and (path.parent / "config.cfg").is_file():
            pattern = srsly.msgpack_loads(path.read_bytes()).get("token_match")
            return pattern if isinstance(pattern, str) else None
    return None


def _engine() -> tuple[Any, Any, Any]:
    """The engine's compiler parts (CPython's ``re`` internals): the parser, the code generator, ``_sre``."""
    import _sre  # type: ignore[import-not-found]  # noqa: PLC0415  # internals, read only when priming
    from re import _compiler, _parser  # type: ignore[attr-defined]  # noqa: PLC0415

    return _parser, _compiler, _sre


def pattern_key(pattern: str) -> str:
    """What the compiled program depends on: the pattern, the engine's code format and the interpreter."""
    _, _, sre = _engine()
    version = ".".join(map(str, sys.version_info[:3]))
    return hashlib.sha256(
        f"{sre.MAGIC}\0{version}\0{sys.implementation.name}\0{pattern}".encode()
    ).hexdigest()


Program = tuple[list[int], int, int, dict[str, int]]  # code, flags, groups, named groups


def cache_file(key: str) -> Path:
    """Where the program of the pattern of this key is kept."""
    return cache_dir() / f"spacy-token-match-{key[:24]}.bin"


def _program(pattern: str) -> Program:
    """The engine's program for ``pattern``, as ``re.compile`` makes it."""
    parser, compiler, _ = _engine()
    parsed = parser.parse(pattern, 0)
    state = parsed.state
    return list(compiler._code(parsed, 0)), state.flags, state.groups, dict(state.groupdict)


def _read(path: Path, key: str) -> Program | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, _, rest = data.partition(b"\n")
    header, _, body = rest.partition(b"\n")
    if head + b"\n" != _FORMAT:
        return None
    meta = srsly.json_loads(header.decode("utf-8"))
    if meta.get("key") != key or hashlib.sha256(body).hexdigest() != meta.get("digest"):
        return None
    code = array.array("I")
    code.frombytes(body)
    named = {str(name): int(index) for name, index in meta["named"].items()}
    return code.tolist(), int(meta["flags"]), int(meta["groups"]), named


def _write(path: Path, key: str, program: Program) -> None:
    """The cache file, replaced at once (a concurrent start reads the old one or the new one)."""
    code, flags, groups, named = program
    body = array.array("I", code).tobytes()
    digest = hashlib.sha256(body).hexdigest()
    header = srsly.json_dumps(
        {"key": key, "flags": flags, "groups": groups, "named": named, "digest": digest}
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".pattern-", delete=False) as handle:
        handle.write(_FORMAT + header.encode("utf-8") + b"\n" + body)
    Path(handle.name).replace(path)


def prime(model: str) -> bool:
    """Put the model's tokenizer pattern, compiled, in Python's ``re`` cache before spaCy compiles it; from
    the cache file when it has it, else compiled here (as long as spaCy would take) and saved. True when
    ``re.compile`` now returns it without compiling."""
    try:
        pattern = tokenizer_pattern(model)
        if pattern is None:
            return False
        key = pattern_key(pattern)
        path = cache_file(key)
        program = _read(path, key)
        if program is None:
            program = _program(pattern)
            try:
                _write(path, key, program)
            except OSError as error:
                logger.debug("the tokenizer pattern's cache %s could not be written: %s", path, error)
        return _install(pattern, program)
    except (AttributeError, ImportError, TypeError, ValueError, RuntimeError, OSError) as error:
        logger.debug("spaCy's tokenizer pattern is compiled as usual: %s", error)
        return False


def _install(pattern: str, program: Program) -> bool:
    """The program made a pattern object, put where ``re.compile(pattern)`` looks first."""
    code, flags, groups, named = program
    by_index: list[str | None] = [None] * groups
    for name, index in named.items():
        by_index[index] = name
    _, _, sre = _engine()
    compiled = sre.compile(pattern, flags, code, groups - 1, named, tuple(by_index))
    cache: dict[tuple[type, str, int], re.Pattern[str]] = re._cache  # type: ignore[attr-defined]
    cache[(str, pattern, 0)] = compiled
    return re.compile(pattern) is compiled
