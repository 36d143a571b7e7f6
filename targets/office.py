"""Word (.docx) and PDF attachments → plain text.

.docx: body paragraphs and tables in document order; a table becomes one line
per row with cells joined by tabs, so a task table keeps its quarter columns.
.pdf: the text layer page by page (pdfplumber), with lines repeated at the top
or bottom of most pages (running headers, footers) and bare page numbers dropped.
Offsets of targets found in these formats refer to this extracted text.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

from .errors import CorruptFileError, EmptyFileError, ScannedPdfError, TooLargeError

# A .docx is a zip: refuse archives that would inflate past these before parsing (zip bombs).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200
MAX_PDF_PAGES = 2000
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?(?:\s*[-—–])?\s*$")


def _check_zip(data: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise CorruptFileError(source, f"not a .docx (zip) archive: {exc}") from exc
    unzipped = sum(i.file_size for i in infos)
    if unzipped > MAX_UNZIPPED_BYTES or unzipped > MAX_ZIP_RATIO * max(len(data), 1) + 10 * 1024 * 1024:
        raise TooLargeError(source, f"archive inflates to {unzipped:,} bytes (zip bomb?)")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise CorruptFileError(source, "zip archive without word/document.xml")


def docx_to_text(data: bytes, source: str) -> str:
    _check_zip(data, source)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for damaged parts
        raise CorruptFileError(source, f"cannot parse .docx: {type(exc).__name__}") from exc
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                        continue
                    seen.add(id(cell._tc))
                    cells.append(cell.text.replace("\n", " "))
                lines.append("\t".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyFileError(source, "no text in .docx")
    return text


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop lines that repeat at the top or bottom of most pages, and page numbers."""
    if len(pages) >= 3:
        edge = Counter()
        for lines in pages:
            edge.update({ln.strip() for ln in lines[:2] + lines[-2:] if ln.strip()})
        running = {ln for ln, n in edge.items() if n >= max(3, 0.6 * len(pages))}
    else:
        running = set()
    return [[ln for ln in lines if ln.strip() not in running and not _PAGE_NUMBER.match(ln)] for lines in pages]


def pdf_to_text(data: bytes, source: str) -> str:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise CorruptFileError(source, "no %PDF header")
    import pdfplumber
    pages: list[list[str]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise TooLargeError(source, f"{len(pdf.pages)} pages > limit {MAX_PDF_PAGES}")
            for page in pdf.pages:
                pages.append((page.extract_text() or "").split("\n"))
                page.close()
    except (TooLargeError, ScannedPdfError):
        raise
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise CorruptFileError(source, f"cannot parse PDF: {type(exc).__name__}") from exc
    if not any(ln.strip() for lines in pages for ln in lines):
        raise ScannedPdfError(source, f"{len(pages)} page(s), no extractable text")
    return "\n".join("\n".join(lines) for lines in _strip_running_lines(pages))
