"""Word-level differences, as shown between editions of minutes and in the history."""

from __future__ import annotations

from core.diff import Piece, has_changes, word_diff


def test_the_pieces_rebuild_both_versions():
    old = "The meeting agreed to meet again in Almaty.\nIt thanked the hosts."
    new = "The meeting agreed to meet again in Bishkek in May.\nIt thanked the hosts."
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.kind != "inserted") == old
    assert "".join(p.text for p in pieces if p.kind != "deleted") == new
    assert Piece("deleted", "Almaty.") in pieces
    assert Piece("inserted", "Bishkek in May.") in pieces


def test_the_same_text_has_no_changes():
    assert not has_changes(word_diff("Одинаковый текст.", "Одинаковый текст."))
    assert has_changes(word_diff("", "Yangi matn"))


def test_line_ends_and_spacing_are_no_change():
    assert not has_changes(word_diff("One line.\nTwo lines.", "One line.\r\nTwo  lines."))
