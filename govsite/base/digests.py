"""Digests of named inputs (输入摘要): the one hash every layer records.

A page, a feed, a data file or a search bundle is rewritten only when the digest of
what it was made from changes. The pipeline, the renderer and the features (feeds,
exports, annual reports, redirects, search) all name their inputs with this one
function, so that two of them hashing the same parts always agree.
"""
from __future__ import annotations

import hashlib


def sha1(*parts: object) -> str:
    """Digest of ``parts``, each as text and followed by a NUL."""
    return hashlib.sha1(("\0".join(map(str, parts)) + "\0" if parts else "").encode("utf-8")).hexdigest()


EMPTY = sha1()
"""The digest of no parts (an item without related items or attachments)."""
