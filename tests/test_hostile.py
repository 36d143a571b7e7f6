"""Hostile input: each bad file gets a clear message naming it; batches and uploads go on."""
import pytest

from targets.build import build
from targets.dashboard import extract_uploads
from targets.errors import ReadError, TooLargeError
from targets.extract import extract_text
from targets.normalize import normalize
from targets.reading import MAX_BYTES, read_bytes
from targets.table import read_targets

PLAN = "2025年某县教育工作要点\n新开幼儿园7所,新增托位1000个,覆盖率达到95%。"


def _quotes_ok(text, rows):
    return all(text[r["start"]:r["end"]] == r["quote"] for r in rows)


@pytest.mark.parametrize("name, text", [
    ("nul.txt", "\n".join([PLAN] * 30).replace("7所", "7所\x00", 2)),  # stray NULs in real text
    ("longline.txt", ("推进教育" * 100_000 + "新增托位1000个") * 4 + "。"),  # one 1.6-million-character line
    ("manytargets.txt", ("新增托位1000个," * 5_000) + "。"),  # 5,000 targets in one run-on sentence
    ("controls.txt", "\n".join([PLAN] * 30) + "\x1b[31m\x07"),  # terminal escapes pasted in
    ("rtl.txt", "\u202e" + PLAN + "\u202c"),
    ("emoji.txt", "🎓" * 50 + PLAN),
])
def test_odd_text_reads_and_extracts(name, text):
    src = read_bytes(text.encode("utf-8"), name)
    rows = extract_text(src.text, name)
    assert rows and _quotes_ok(src.text, rows)


def test_deeply_nested_html():
    html = "<div>" * 100_000 + PLAN + "</div>" * 100_000
    src = read_bytes(html.encode("utf-8"), "deep.html")
    assert "新增托位1000个" in src.text


@pytest.mark.parametrize("html", [
    "!2555:<:::::::5:<:::::::r:!4r:<![!4:",  # found by atheris: the stdlib parser raised AssertionError
    "<![if !supportLists]>新增托位1000个<![endif]>",  # Word's HTML export
    "<p>新增托位1000个<![CDATA[x]]></p>",
    "<!DOCTYPE <<<>新增托位1000个",
])
def test_malformed_markup_reads(html):
    src = read_bytes(html.encode("utf-8"), "odd.html")
    assert isinstance(src.text, str)


def test_mixed_encodings_in_one_file():
    data = PLAN.encode("utf-8") + "\n普惠性幼儿园覆盖率达到90%。".encode("gbk")
    try:
        src = read_bytes(data, "mixed.txt")
    except ReadError as exc:
        assert "mixed.txt" in str(exc)
        return
    assert "新增托位1000个" in src.text


def test_fifty_megabyte_file_reads_and_normalises():
    data = (PLAN + "\n").encode("utf-8") * (50 * 2**20 // len((PLAN + "\n").encode("utf-8")))
    assert 49 * 2**20 < len(data) <= MAX_BYTES
    src = read_bytes(data, "big.txt")
    norm = normalize(src.text)
    assert len(norm.text) == len(src.text) and norm.raw_span(0, 4) == (0, 4)
    with pytest.raises(TooLargeError, match="big2.txt"):
        read_bytes(data, "big2.txt", max_bytes=10 * 2**20)


def test_batch_goes_on_past_every_kind_of_bad_file(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text(PLAN, encoding="utf-8")
    (inp / "zero.txt").write_bytes(b"")
    (inp / "binary.txt").write_bytes(bytes(range(256)) * 100)
    (inp / "fake.docx").write_bytes(b"not a zip at all")
    (inp / "fake.pdf").write_bytes(b"\x89PNG\r\n\x1a\n")
    (inp / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (inp / "名字 with spaces&odd’chars.txt").write_text(PLAN, encoding="gb18030")
    result = build(inp, tmp_path / "out")
    assert result.files == 7 and len(result.errors) == 5 and result.targets == 6
    for bad in ("zero.txt", "binary.txt", "fake.docx", "fake.pdf", "image.png"):
        assert any(e.startswith(bad + ":") for e in result.errors), (bad, result.errors)
    df = read_targets(tmp_path / "out" / "targets.csv")
    assert set(df["source_file"]) == {"good.txt", "名字 with spaces&odd’chars.txt"}


def test_upload_names_cannot_escape_and_errors_are_per_file():
    # three different texts (the same text twice counts once: test_dashboard)
    files = [("../../etc/passwd.txt", PLAN.encode()), ("C:\\Users\\x\\plan.txt", (PLAN + "\n").encode()),
             ("empty.txt", b""), ("blob.docx", b"PK\x03\x04garbage"), ("\u202egnp.txt", (PLAN + "\n\n").encode())]
    res = extract_uploads(files)
    names = set(res.table["source_file"])
    assert names == {"上传:passwd.txt", "上传:plan.txt", "上传:\u202egnp.txt"}
    assert len(res.errors) == 2
    assert any(e.startswith("empty.txt:") for e in res.errors) and any(e.startswith("blob.docx:") for e in res.errors)
