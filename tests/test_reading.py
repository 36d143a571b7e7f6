"""Bytes → text: encodings, HTML, and bad input that must fail clearly."""
import pytest

from targets import extract_file
from targets.errors import BinaryFileError, EmptyFileError, EncodingError, TooLargeError, UnsupportedFormatError
from targets.reading import decode_bytes, read_bytes

PLAN = "2024年某某区教育工作要点\n新开幼儿园7所,新增托位1000个。普惠性幼儿园覆盖率达到95%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5"])
def test_encodings_decode_to_the_same_text(encoding):
    text = PLAN if encoding != "big5" else "新開幼兒園7所,新增托位1000個。"
    data = text.encode(encoding)
    decoded, _ = decode_bytes(data, "x.txt")
    assert decoded == text


def test_utf8_bom_is_not_part_of_the_text():
    decoded, enc = decode_bytes("﻿".encode("utf-8") + PLAN.encode("utf-8"))
    assert decoded == PLAN and enc == "utf-8-sig"


@pytest.mark.parametrize("data,error", [
    (b"", EmptyFileError),
    (bytes(range(256)) * 50, BinaryFileError),
    (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500, BinaryFileError),
    (b"plain text \x80\x80 more text " * 3, EncodingError),
])
def test_bad_bytes_raise_typed_errors_naming_the_file(data, error):
    with pytest.raises(error) as info:
        read_bytes(data, "bad.txt")
    assert "bad.txt" in str(info.value)


def test_whitespace_only_is_empty():
    with pytest.raises(EmptyFileError):
        read_bytes(b"  \n\n \t", "blank.txt")


def test_unsupported_suffix_and_size_limit():
    with pytest.raises(UnsupportedFormatError):
        read_bytes(b"abc", "plan.exe")
    with pytest.raises(TooLargeError):
        read_bytes(b"a" * 101, "big.txt", max_bytes=100)


def test_html_visible_text_only():
    page = ("<html><head><title>t</title><style>.x{}</style><script>var a='新增托位999个';</script></head>"
            "<body><div>2024年教育工作要点</div><p>新开幼儿园7所,</p><p>新增托位1000个。</p></body></html>")
    src = read_bytes(page.encode("utf-8"), "plan.html")
    assert "999" not in src.text and "新开幼儿园7所" in src.text
    assert src.format == "html"


def test_gbk_file_on_disk_extracts_same_rows(tmp_path):
    (tmp_path / "a.txt").write_bytes(PLAN.encode("gbk"))
    (tmp_path / "b.txt").write_bytes(PLAN.encode("utf-8"))
    strip = lambda rows: [(r["quote"], r["value"], r["start"]) for r in rows]
    assert strip(extract_file(tmp_path / "a.txt")) == strip(extract_file(tmp_path / "b.txt"))


def test_huge_file_reads(tmp_path):
    body = (PLAN + "\n") * 45000  # about 4 MB of text, under the 50,000-row cap of one document
    p = tmp_path / "huge.txt"
    p.write_text(body, encoding="utf-8")
    rows = extract_file(p)
    assert len(rows) >= 45000
    assert all(body[r["start"]:r["end"]] == r["quote"] for r in rows[:: 997])
