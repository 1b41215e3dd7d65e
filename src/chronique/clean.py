"""Cleaning: scraping boilerplate is blanked out, keeping the text's length so offsets stay the original's.

Blanked lines: the boilerplate lines of ``data/boilerplate.tsv`` (``dot.gif``, ``Partager cet article``),
a title line the scraper doubled (``Kharkiv Kharkiv``), and a first line that repeats the article's title.
From the first line that opens the readers' comments (``Commentaires``, ``Réagissez``, ``12 commentaires``)
to the end, everything is blanked: readers' posts, replies and signatures are not the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronique.model import CleanText
from chronique.vocabulary import Vocabulary, normalise

# What a comment marker line may carry around its words: a final ":" "." "!" and a count "(12)".
_MARKER_TRIM = re.compile(r"(\s*\(\d+\))?[\s:.!…]*$")
_COUNTED = re.compile(r"(\d[\d\s.]*)\s(\S+)")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The lines of ``data/boilerplate.tsv``: lines to blank (whole, or prefixes: forms ending in ':'),
    lines that open the comments, and the words that open them after a number."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    comments_start: frozenset[str] = frozenset()
    comments_count: frozenset[str] = frozenset()

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> Boilerplate:
        lexicon = vocabulary["boilerplate"]
        forms = lexicon.forms_of("line")
        return cls(
            lines=forms,
            prefixes=tuple(sorted(form for form in forms if form.endswith(":"))),
            comments_start=frozenset(_marker_key(form) for form in lexicon.forms_of("comments_start")),
            comments_count=lexicon.forms_of("comments_count"),
        )

    def opens_comments(self, line: str) -> bool:
        """A line of its own opening the comments: "Commentaires :", "Réagissez (3)", "12 commentaires"."""
        key = _marker_key(normalise(line))
        if key in self.comments_start:
            return True
        counted = _COUNTED.fullmatch(key)
        return counted is not None and counted.group(2) in self.comments_count


def _marker_key(key: str) -> str:
    return _MARKER_TRIM.sub("", key, count=1)


def _is_doubled(line: str) -> bool:
    """A line made of the same words twice over: "Kharkiv Kharkiv", "Paris Match Paris Match"."""
    words = line.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def clean(text: str, boilerplate: Boilerplate, title: str | None = None) -> CleanText:
    """Blank out boilerplate lines and the comments; the result has the same length and line breaks as
    ``text``."""
    forms, prefixes = boilerplate.lines, boilerplate.prefixes
    title_key = normalise(title) if title else None
    pieces: list[str] = []
    dropped: list[tuple[int, int]] = []
    first_content_line = True
    offset = 0
    for line in text.split("\n"):
        key = normalise(line)
        if key and boilerplate.opens_comments(line):
            start = offset + len(line) - len(line.lstrip())
            rest = text[offset:]
            dropped.append((start, offset + len(rest.rstrip())))
            pieces.append("".join(c if c == "\n" else " " for c in rest))
            return CleanText(text="\n".join(pieces), dropped=tuple(dropped))
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
