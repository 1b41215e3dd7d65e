"""chronique: French news articles in, a dated timeline of events out."""

from chronique.model import (
    Anchoring,
    Article,
    ArticleResult,
    CleanText,
    Direction,
    Event,
    Evidence,
    Fields,
    Grain,
    Options,
    Rejection,
    ResolvedValue,
    Sentence,
    TimeExpression,
    TimeMention,
    TimexType,
)

__all__ = [
    "Anchoring",
    "Article",
    "ArticleResult",
    "CleanText",
    "Direction",
    "Event",
    "Evidence",
    "Fields",
    "Grain",
    "Options",
    "Rejection",
    "ResolvedValue",
    "Sentence",
    "TimeExpression",
    "TimeMention",
    "TimexType",
]
