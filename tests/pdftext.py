"""Read a PDF's text page by page, as a reader copying it out would, with whitespace made single."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader


def pdf_pages(content: bytes) -> list[str]:
    """Return the text of each page of the PDF `content`, runs of whitespace made one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(content)).pages]


def pdf_text(content: bytes) -> str:
    """Return the text of the whole PDF `content`."""
    return " ".join(pdf_pages(content))
