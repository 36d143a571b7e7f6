"""Bytes → text: detect the encoding, pull visible text out of HTML.

Offsets in the tidy table are indices into the string this module returns
(`bytes.decode(encoding)`, no newline translation; a UTF-8 BOM is dropped).
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import BinaryFileError, EmptyFileError, EncodingError, TooLargeError, UnsupportedFormatError

MAX_BYTES = 64 * 1024 * 1024  # documented limit; a 50 MB plan still reads
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
OFFICE_SUFFIXES = {".docx", ".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | OFFICE_SUFFIXES


@dataclass(frozen=True)
class Source:
    """One input file as text."""

    source_file: str
    text: str
    encoding: str
    format: str  # "text", "html", "docx" or "pdf"


# Control characters (not whitespace), private-use area, replacement character.
_IMPLAUSIBLE = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff\ufffd]+")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _plausible(text: str) -> bool:
    """True when decoded text looks like prose, not mojibake or binary."""
    if not text:
        return True
    sample = text[:200_000]
    bad = sum(len(m) for m in _IMPLAUSIBLE.findall(sample))
    return bad / len(sample) < 0.01


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding). Raises a ReadError subclass naming `source`."""
    if not data:
        raise EmptyFileError(source)
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise EncodingError(source, f"{enc} byte-order mark but invalid {enc}: {exc.reason}") from exc
    # UTF-16 without BOM: every other byte is NUL for ASCII-heavy text, and CJK
    # text decodes cleanly; try it before calling NUL-rich data binary.
    if b"\x00" in data[:4096] and len(data) % 2 == 0:
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        for enc, ok in (("utf-16-le", odd > even), ("utf-16-be", even > odd)):
            if ok:
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _plausible(text):
                    return text, enc
    if _looks_binary(data):
        raise BinaryFileError(source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible(text):
            return text, "utf-8"
        raise BinaryFileError(source, "control characters in UTF-8 text")
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, enc
    raise EncodingError(source, "not UTF-8, UTF-16, GB18030 or Big5")


class _VisibleText(HTMLParser):
    """Collect text a browser would show; block elements become line breaks."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
              "article", "ul", "ol", "title", "header", "footer", "blockquote", "pre", "hr", "dd", "dt"}
    CELLS = {"td", "th"}
    HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in self.CELLS:
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


# Markup the stdlib parser chokes on (it raises AssertionError on `<![x`): a marked section
# other than CDATA is never valid HTML, so it is read as text.
_BAD_DECLARATION = re.compile(r"<!\[(?!CDATA\[)")


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, with block breaks kept as newlines."""
    parser = _VisibleText()
    try:
        parser.feed(_BAD_DECLARATION.sub("&lt;![", html))
        parser.close()
    except (AssertionError, ValueError):  # malformed markup the parser cannot recover from
        parser = _VisibleText()
        parser.handle_data(re.sub(r"<[^>]*>", "\n", html))
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*", "\n", text)  # collapse blank runs left by markup
    return text.strip("\n")


def _charset_from_meta(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)


def read_bytes(data: bytes, source_file: str, max_bytes: int = MAX_BYTES) -> Source:
    """Turn uploaded or on-disk bytes into a Source; the name's suffix picks the format."""
    suffix = Path(source_file).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(source_file, f"'{suffix}' (supported: .txt, .html, .htm, .docx, .pdf)")
    if len(data) > max_bytes:
        raise TooLargeError(source_file, f"{len(data):,} bytes > limit {max_bytes:,}")
    if not data:
        raise EmptyFileError(source_file)
    if suffix in OFFICE_SUFFIXES:
        from .office import docx_to_text, pdf_to_text
        text = (docx_to_text if suffix == ".docx" else pdf_to_text)(data, source_file)
        return Source(source_file, text, "utf-8", suffix[1:])
    if suffix in HTML_SUFFIXES:
        declared = _charset_from_meta(data)
        text = enc = None
        if declared:
            try:
                text, enc = data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                text = None
        if text is None:
            text, enc = decode_bytes(data, source_file)
        visible = html_to_text(text)
        if not visible.strip():
            raise EmptyFileError(source_file, "no visible text in HTML")
        return Source(source_file, visible, enc, "html")
    text, enc = decode_bytes(data, source_file)
    if not text.strip():
        raise EmptyFileError(source_file, "only whitespace")
    return Source(source_file, text, enc, "text")


def read_path(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> Source:
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLargeError(path.name, f"{size:,} bytes > limit {max_bytes:,}")
    return read_bytes(path.read_bytes(), path.name, max_bytes)
