"""Typed errors for input that cannot be read. Each names the file and the reason."""
from __future__ import annotations


class ReadError(Exception):
    """A file could not be turned into text."""

    reason = "unreadable"

    def __init__(self, source: str, detail: str = ""):
        self.source = source
        self.detail = detail
        super().__init__(f"{source}: {self.reason}" + (f" ({detail})" if detail else ""))


class EmptyFileError(ReadError):
    reason = "empty file"


class BinaryFileError(ReadError):
    reason = "binary file, not text"


class EncodingError(ReadError):
    reason = "unknown text encoding"


class TooLargeError(ReadError):
    reason = "file too large"


class UnsupportedFormatError(ReadError):
    reason = "unsupported file type"


class CorruptFileError(ReadError):
    reason = "damaged or not the format its name says"


class ScannedPdfError(ReadError):
    reason = "scanned PDF with no text layer, needs OCR"
