"""Atomic file writes: a temp file in the same folder, renamed over the target when complete.

Kept apart from the table writer so that writing the manifest does not import pyarrow."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, write) -> None:
    """Write via a temp file in the same folder (`write(tmp_path)`), then rename over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the table is for everyone
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
