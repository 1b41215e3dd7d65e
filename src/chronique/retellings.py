"""One event told twice in an article is one timeline row (``merge_retellings``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronique.model import UNFACTUAL_MODALITIES, Event


def merge_retellings(events: Sequence[Event]) -> list[Event]:
    """One event told twice (same verb, a shared name: "quitter … Izyum", "avons quitté Izyum") is one row,
    dated by its surest telling, with the other sentences as more evidence. Tellings of another modality
    ("n'a pas quitté Izyum") are other rows: a denial is no retelling."""
    kept: list[Event] = []
    by_lemma: dict[tuple[str, str], list[tuple[int, set[str]]]] = {}  # (lemma, modality) → (index, names)
    for event in sorted(events, key=lambda e: (-e.confidence, e.trigger_start)):
        names = _names(event)
        key = (event.lemma, _retelling_kind(event))
        twin = next((i for i, twin_names in by_lemma.get(key, []) if names & twin_names), None)
        if twin is None:
            by_lemma.setdefault(key, []).append((len(kept), names))
            kept.append(event)
        elif event.evidence != kept[twin].evidence and event.evidence not in kept[twin].more_evidence:
            kept[twin] = replace(kept[twin], more_evidence=(*kept[twin].more_evidence, event.evidence))
    return sorted(kept, key=lambda e: e.trigger_start)


def _retelling_kind(event: Event) -> str:
    """Modalities whose tellings may be one event: a fact and someone's word for it are; a denial is not."""
    return "unfactual" if event.modality in UNFACTUAL_MODALITIES else "factual"


def _names(event: Event) -> set[str]:
    words = " ".join([event.summary, *event.places]).replace("'", " ").replace("’", " ").split()
    return {w for w in words[1:] if w[:1].isupper()}
