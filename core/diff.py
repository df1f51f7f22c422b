"""Readable differences between two versions of a text, word by word, for people rather than programs."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

# Words and the spaces between them as separate tokens: joined they give the text back exactly,
# and a changed word never drags a line break into its deletion or insertion.
_TOKENS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Piece:
    """A run of text that is the same in both versions, or was deleted or inserted."""

    kind: Literal["same", "deleted", "inserted"]
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """Return the pieces that turn `old` into `new`, word by word; same, deleted and inserted runs in reading order."""
    # Browsers send text areas back with CR LF line ends: a line end is a line end.
    before = _TOKENS.findall(_lines(old))
    after = _TOKENS.findall(_lines(new))
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or not "".join(before[i1:i2] + after[j1:j2]).strip():
            # Only spacing changed: nothing a reader would call a change.
            pieces.append(Piece("same", "".join(after[j1:j2] if tag != "equal" else before[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("deleted", "".join(before[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("inserted", "".join(after[j1:j2])))
    return pieces


def _lines(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def has_changes(pieces: list[Piece]) -> bool:
    """Return whether any piece is a deletion or an insertion."""
    return any(piece.kind != "same" for piece in pieces)
