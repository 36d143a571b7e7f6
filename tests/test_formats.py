"""Word and PDF attachments: the same plan gives the same targets as the .txt; bad files get clear errors."""
import io
import os
import zipfile
from pathlib import Path

import pytest

from targets.errors import CorruptFileError, EmptyFileError, ReadError, ScannedPdfError, TooLargeError
from targets.extract import extract_document_rows
from targets.reading import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_b601ba3704758aaf.txt"  # has a task table (tab-separated quarter columns)
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _docx_bytes(text: str) -> bytes:
    """Lines as paragraphs; runs of tab-separated lines as a real Word table."""
    import docx
    d = docx.Document()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            block = []
            while i < len(lines) and "\t" in lines[i]:
                block.append(lines[i].split("\t"))
                i += 1
            width = max(map(len, block))
            table = d.add_table(rows=len(block), cols=width)
            for r, cells in enumerate(block):
                for c in range(width):
                    table.cell(r, c).text = cells[c] if c < len(cells) else ""
        else:
            d.add_paragraph(lines[i])
            i += 1
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _key(rows):
    return sorted((r["quote"], r["value"], r["unit"], r["comparator"], r["kind"], r["domain"], r["year"]) for r in rows)


def test_docx_gives_the_same_rows_as_txt():
    text = SEED.read_text(encoding="utf-8")
    want = extract_document_rows(text, SEED.name).rows
    src = read_bytes(_docx_bytes(text), "plan.docx")
    assert src.format == "docx"
    got = extract_document_rows(src.text, "plan.docx").rows
    assert _key(got) == _key(want) and len(want) > 20
    assert all(src.text[r["start"]:r["end"]] == r["quote"] for r in got)


def test_pdf_gives_the_same_rows_as_txt():
    if not FONT.exists():
        if os.environ.get("CI") == "true":
            raise RuntimeError("CI needs fonts-wqy-microhei to make a Chinese PDF")
        pytest.skip("no CJK font to make a PDF")
    from fpdf import FPDF
    text = SEED.read_text(encoding="utf-8")
    pdf = FPDF(unit="mm", format=(5000, 400))  # wide pages: no line wraps inside a sentence
    pdf.add_font("wqy", fname=str(FONT))
    pdf.set_font("wqy", size=8)
    pdf.set_auto_page_break(True, margin=10)
    for page_no, chunk in enumerate([text.split("\n")[i:i + 40] for i in range(0, len(text.split("\n")), 40)], 1):
        pdf.add_page()
        pdf.cell(0, 5, "某区教育局文件", new_x="LMARGIN", new_y="NEXT")  # running header
        for line in chunk:
            pdf.cell(0, 4, line.replace("\t", "    "), new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 5, f"- {page_no} -", new_x="LMARGIN", new_y="NEXT")  # page number
    src = read_bytes(bytes(pdf.output()), "plan.pdf")
    assert "某区教育局文件" not in src.text and "- 2 -" not in src.text
    want = extract_document_rows(text, SEED.name).rows
    got = extract_document_rows(src.text, "plan.pdf").rows
    assert _key(got) == _key(want)
    assert all(src.text[r["start"]:r["end"]] == r["quote"] for r in got)


def _zip(files: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, error", [
    ("notzip.docx", "这不是压缩包".encode("utf-8") * 50, CorruptFileError),
    ("empty.docx", b"", EmptyFileError),
    ("nodoc.docx", _zip({"hello.txt": b"hi"}), CorruptFileError),
    ("bomb.docx", _zip({"word/document.xml": b"\0" * (210 * 1024 * 1024)}), TooLargeError),
    ("notpdf.pdf", b"GIF89a" + bytes(range(256)) * 10, CorruptFileError),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", ReadError),
])
def test_bad_office_files_get_clear_errors(name, data, error):
    with pytest.raises(error) as exc:
        read_bytes(data, name)
    assert name in str(exc.value)


def test_pdf_without_text_layer_is_reported_as_scanned():
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a picture, no text
    with pytest.raises(ScannedPdfError) as exc:
        read_bytes(bytes(pdf.output()), "scan.pdf")
    assert "OCR" in str(exc.value) and "scan.pdf" in str(exc.value)


def test_html_gives_the_same_rows_as_txt():
    import html
    text = SEED.read_text(encoding="utf-8")
    page = ("<html><head><title>x</title><style>p{}</style></head><body>"
            + "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n")) + "</body></html>")
    src = read_bytes(page.encode("utf-8"), "plan.html")
    got = extract_document_rows(src.text, "plan.html").rows
    assert _key(got) == _key(extract_document_rows(text, SEED.name).rows)
