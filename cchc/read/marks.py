"""Find where a rare character occurs, then run a regex only there.

The regex engine looks for a pattern that starts with a character class by testing the class
on every character of the text, which costs about as much as the rest of a plan's cleaning. When
the class is a few characters that are rare in a plan ("/", "-", "."), ``str.find`` walks to
each of them at memchr speed, and the pattern is matched only at those positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def positions(text: str, marks: Iterable[str]) -> list[int]:
    """Sorted start positions of every occurrence of each mark (overlapping ones included)."""
    found = []
    for mark in marks:
        at = text.find(mark)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return found


def matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, starts[0], endpos)`` gives when every match of ``pattern``
    must begin at one of ``starts`` (sorted): tried left to right, never inside the last match."""
    end = len(text) if endpos is None else endpos
    after = -1
    for at in starts:
        if at >= after and (match := pattern.match(text, at, end)):
            yield match
            after = match.end()
