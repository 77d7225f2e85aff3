"""How well an offer suits an ask, in plain Python (no Django): a score and its reasons.

The focus counts most (the same focus, or words in common), then each shared tag, then
the phase: a phase the asker chose scores; another phase is allowed only when the asker
is open to it, and is marked "cross-phase". Dates must overlap by at least the days
asked for; an offer from the asker's own school, or by the asker, is no match.
"""

import re
from dataclasses import dataclass
from datetime import date

SAME_FOCUS = 6
FOCUS_WORD = 2
SHARED_TAG = 2
PHASE_ASKED = 3
MIN_FOCUS_WORD = 4  # "SEND" counts; "and", "the", "of" do not
STOP_WORDS = frozenset({"with", "from", "into", "that", "this", "their", "your"})


@dataclass(frozen=True)
class Side:
    """What matching needs of an ask or an offer."""

    person_id: int
    school_id: int
    focus: str
    tags: frozenset[str]
    phases: frozenset[str]
    first_day: date
    last_day: date
    days: int = 1
    cross_phase: bool = True


@dataclass(frozen=True)
class Match:
    score: int
    reasons: tuple[str, ...]
    cross_phase: bool


def focus_words(text: str) -> set[str]:
    words = {word for word in re.findall(r"[a-z]+", text.lower()) if len(word) >= MIN_FOCUS_WORD}
    return words - STOP_WORDS


def overlap_days(ask: Side, offer: Side) -> int:
    first, last = max(ask.first_day, offer.first_day), min(ask.last_day, offer.last_day)
    return (last - first).days + 1 if last >= first else 0


def match(ask: Side, offer: Side, phase_labels: dict[str, str] | None = None) -> Match | None:
    """The match of `offer` for `ask`, or None when it cannot be one."""
    if offer.person_id == ask.person_id or offer.school_id == ask.school_id:
        return None
    if overlap_days(ask, offer) < ask.days:
        return None
    labels = phase_labels or {}
    cross_phase = not (offer.phases & ask.phases)
    if cross_phase and not ask.cross_phase:
        return None
    score, reasons = 0, []
    if ask.focus.strip().lower() == offer.focus.strip().lower():
        score += SAME_FOCUS
        reasons.append(f"the same focus: {offer.focus.strip()}")
    else:
        common = sorted(focus_words(ask.focus) & focus_words(offer.focus))
        if common:
            score += FOCUS_WORD * len(common)
            reasons.append("a focus about " + _listed(common))
    tags = sorted(ask.tags & offer.tags)
    if tags:
        score += SHARED_TAG * len(tags)
        noun = "tag" if len(tags) == 1 else "tags"
        reasons.append(f"{len(tags)} shared {noun}: {', '.join(tags)}")
    in_common = score
    phase = ", ".join(sorted(labels.get(p, p) for p in offer.phases))
    if cross_phase:
        reasons.append(f"cross-phase: {phase}, a phase you did not choose")
    else:
        score += PHASE_ASKED
        reasons.append(f"{phase}, as you asked")
    if not in_common:
        # Nothing of the focus or tags in common: a free date alone is no suggestion.
        return None
    return Match(score=score, reasons=tuple(reasons), cross_phase=cross_phase)


def ranked(ask: Side, offers: list, side_of, phase_labels=None) -> list[tuple]:
    """(offer, Match) pairs for the offers that match, best first (then newest first,
    as `offers` came)."""
    found = []
    for offer in offers:
        found_match = match(ask, side_of(offer), phase_labels)
        if found_match is not None:
            found.append((offer, found_match))
    return sorted(found, key=lambda pair: -pair[1].score)


def _listed(words: list[str]) -> str:
    if len(words) == 1:
        return f"“{words[0]}”"
    return ", ".join(f"“{word}”" for word in words[:-1]) + f" and “{words[-1]}”"
