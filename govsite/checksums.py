"""Checksums of files on disk, read in blocks (PDFs and attachments can be large)."""
from __future__ import annotations

import hashlib
from pathlib import Path


def file_digest(path: Path, algorithm: str = "sha256") -> str:
    """Hex digest of the file's bytes: SHA-256 for what the site publishes (PDF and
    data-file checksums), SHA-1 where it is only a change detector."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, algorithm).hexdigest()
