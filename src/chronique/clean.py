"""Cleaning: scraping boilerplate is blanked out, keeping the text's length so offsets stay the original's.

Blanked lines: the boilerplate lines of ``data/boilerplate.tsv`` (``dot.gif``, ``Commentaires à ceci :``),
a title line the scraper doubled (``Kharkiv Kharkiv``), and a first line that repeats the article's title.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronique.model import CleanText
from chronique.vocabulary import Vocabulary, normalise


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The boilerplate lines of ``data/boilerplate.tsv``: whole lines, and prefixes (forms ending in ':')."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> Boilerplate:
        forms = vocabulary["boilerplate"].forms_of("line")
        return cls(lines=forms, prefixes=tuple(sorted(form for form in forms if form.endswith(":"))))


def _is_doubled(line: str) -> bool:
    """A line made of the same words twice over: "Kharkiv Kharkiv", "Paris Match Paris Match"."""
    words = line.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def clean(text: str, boilerplate: Boilerplate, title: str | None = None) -> CleanText:
    """Blank out boilerplate lines; the result has the same length and line breaks as ``text``."""
    forms, prefixes = boilerplate.lines, boilerplate.prefixes
    title_key = normalise(title) if title else None
    pieces: list[str] = []
    dropped: list[tuple[int, int]] = []
    first_content_line = True
    offset = 0
    for line in text.split("\n"):
        key = normalise(line)
        drop = bool(key) and (
            key in forms
            or key.startswith(prefixes)
            or (first_content_line and (_is_doubled(line) or key == title_key))
        )
        if key:
            first_content_line = False
        if drop:
            start = offset + len(line) - len(line.lstrip())
            dropped.append((start, offset + len(line.rstrip())))
        pieces.append(" " * len(line) if drop else line)
        offset += len(line) + 1
    return CleanText(text="\n".join(pieces), dropped=tuple(dropped))
