"""Build the table for a folder of documents: batch extraction, errors reported, manifest."""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadError
from .reading import SUPPORTED_SUFFIXES
from .schema import EXTRACTOR_VERSION
from .table import _atomic, write_outputs

PACKAGE_DIR = Path(__file__).parent
MANIFEST = "manifest.json"
# What decides the table's content; the dashboard and CLI do not.
EXTRACTION_MODULES = ("reading.py", "normalize.py", "documents.py", "regions.py", "numerals.py", "finder.py",
                      "domains.py", "extract.py", "schema.py", "table.py", "vocab.py", "vocab.yaml")


@dataclass
class BuildResult:
    files: int = 0
    documents: int = 0
    targets: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rows: list = field(default_factory=list)
    document_rows: list = field(default_factory=list)

    def summary(self) -> str:
        return (f"files={self.files} documents={self.documents} targets={self.targets} "
                f"errors={len(self.errors)} seconds={self.seconds:.2f}")


def input_files(input_dir: str | os.PathLike) -> list[Path]:
    """Every regular file under the folder, sorted, hidden files skipped."""
    root = Path(input_dir)
    return sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def fingerprint(input_dir: str | os.PathLike) -> str:
    """Hash of the extractor's code and vocabularies and of every input file."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for p in [PACKAGE_DIR / name for name in EXTRACTION_MODULES]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    for p in input_files(input_dir):
        h.update(str(p.relative_to(input_dir)).encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def extract_folder(input_dir: str | os.PathLike, progress=None) -> BuildResult:
    from .extract import extract_path  # heavy (OpenCC, gazetteer); only when extracting
    t0 = time.perf_counter()
    result = BuildResult()
    files = input_files(input_dir)
    iterator = progress(files) if progress else files
    for path in iterator:
        result.files += 1
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            result.errors.append(f"{path.name}: unsupported file type '{path.suffix}' (supported: .txt, .html, .htm)")
            continue
        try:
            ex = extract_path(path)
        except ReadError as exc:
            result.errors.append(str(exc))
            continue
        except OSError as exc:
            result.errors.append(f"{path.name}: cannot read ({exc.strerror or exc})")
            continue
        result.rows.extend(ex.rows)
        result.document_rows.extend(ex.documents)
    result.documents = len(result.document_rows)
    result.targets = len(result.rows)
    result.seconds = time.perf_counter() - t0
    return result


def build(input_dir: str | os.PathLike, output_dir: str | os.PathLike, progress=None) -> BuildResult:
    result = extract_folder(input_dir, progress)
    write_outputs(result.rows, result.document_rows, output_dir)
    manifest = {"extractor_version": EXTRACTOR_VERSION, "fingerprint": fingerprint(input_dir),
                "files": result.files, "documents": result.documents, "targets": result.targets,
                "errors": result.errors}
    _atomic(Path(output_dir) / MANIFEST,
            lambda tmp: Path(tmp).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"))
    return result


def is_current(input_dir: str | os.PathLike, output_dir: str | os.PathLike) -> bool:
    out = Path(output_dir)
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (manifest.get("fingerprint") == fingerprint(input_dir)
            and (out / "targets.parquet").exists() and (out / "targets.csv").exists())
