"""The output manifest after a build that followed body edits: the previous
manifest's text with the digests of the changed outputs replaced.

The manifest lists every output with its digest, one a line, sorted
(:meth:`govsite.pipeline.output.Staging.write_manifest`): 125,000 lines at 100,000
items. Parsing and dumping it again cost more than the rest of a one-item edit; a
body edit changes no path, only digests, so each changed line is found and its
digest replaced, giving the same bytes as writing the whole manifest anew.
"""
from __future__ import annotations

import json
from pathlib import Path

from govsite.base.manifest import MANIFEST
from govsite.pipeline.twin import fresh_path


def patched(text: bytes, entries: dict[str, str]) -> bytes | None:
    """``text`` with each path's digest replaced; None when a path is not listed once."""
    for path, digest in sorted(entries.items()):
        key = b"\n" + json.dumps(path, ensure_ascii=False).encode("utf-8") + b": "
        start = text.find(key)
        if start < 0 or text.find(key, start + 1) >= 0:
            return None
        value_start = start + len(key)
        value_end = text.index(b"\n", value_start)
        comma = text[value_end - 1:value_end] == b","
        value = json.dumps(digest).encode("utf-8") + (b"," if comma else b"")
        text = text[:value_start] + value + text[value_end:]
    return text


def write(out: Path, stage: Path, entries: dict[str, str]) -> bool:
    """Write the patched manifest of ``out`` into ``stage``; False when it cannot be patched."""
    try:
        text = (out / MANIFEST).read_bytes()
    except OSError:
        return False
    new = patched(text, entries)
    if new is None:
        return False
    fresh_path(str(stage / MANIFEST))
    (stage / MANIFEST).write_bytes(new)
    return True
