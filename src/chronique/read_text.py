"""Reader of ``<id>.txt``: the article's text, with its metadata in the ``<id>.meta.json`` beside it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from chronique.model import Article, Options, Rejection
from chronique.validate import (
    InvalidInput,
    check_text,
    decode,
    language_of,
    load_meta,
    meta_of,
    meta_path,
    read_bytes_within_limit,
    words_file,
)

SUFFIX = ".txt"


def read_text_article(path: Path, options: Options) -> Iterator[Article | Rejection]:
    """The one article of ``path`` and its metadata file, or the one rejection naming the file at fault."""
    meta = meta_path(path, SUFFIX)
    if not meta.is_file():
        yield Rejection(
            str(path),
            f"there is no metadata file {meta.name} for this text",
            f'create {meta.name} with at least {{"published": "YYYY-MM-DD"}}',
        )
        return
    source = meta  # whichever file is being read is the one at fault
    try:
        fields = meta_of(load_meta(meta), path.name.removesuffix(SUFFIX))
        source = path
        text = check_text(decode(read_bytes_within_limit(path, options), path), options)
        language = language_of(text, words_file(options.data_dir))
        yield replace(fields, text=text, source=str(path), language=language)
    except InvalidInput as bad:
        yield bad.rejection(str(source))
    except OSError as err:
        yield Rejection(str(source), f"cannot read the file ({err.strerror})", "check that it is readable")
