"""Make a Pagefind bundle byte-identical for identical input.

Pagefind 1.5 writes filter values, the filter list and the language list in Rust
``HashMap`` order, which is random per process, and names those files after their
content. Everything else it writes is deterministic. This module re-encodes the
affected files in sorted order, renames them after a hash of their new content and
rewrites the references (``pagefind.<lang>_<hash>.pf_meta`` and
``pagefind-entry.json``). The formats: gzip of ``pagefind_dcd`` + CBOR (only
unsigned integers, text strings and arrays occur), and JSON for the entry file.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


# --- a minimal CBOR codec (the subset Pagefind uses) -------------------------------------

def _decode(data: bytes, i: int) -> tuple[Any, int]:
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[i:i + size], "big")
        i += size
    else:
        raise ValueError(f"unsupported CBOR item {head:#x}")
    if major == 0:
        return value, i
    if major == 1:
        return -1 - value, i
    if major == 2:
        return data[i:i + value], i + value
    if major == 3:
        return data[i:i + value].decode("utf-8"), i + value
    if major == 4:
        items = []
        for _ in range(value):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    raise ValueError(f"unsupported CBOR major type {major}")


def head(major: int, value: int) -> bytes:
    """The head of a CBOR item: its major type and its value or length, in the fewest bytes."""
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
    raise ValueError(value)


def encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise TypeError("unsupported CBOR value")
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(encode(v) for v in value)
    raise TypeError(type(value))


def read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path}: trailing bytes")
    return value


def fragment_names(bundle: Path) -> list[str]:
    """The fragment names of a bundle's pages, in page order (its metadata file's list)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    (info,) = entry["languages"].values()
    return [str(name) for name, _count in read(bundle / f"pagefind.{info['hash']}.pf_meta")[1]]


def _payload(value: Any) -> bytes:
    return SIGNATURE + encode(value)


def _write(path: Path, payload: bytes) -> None:
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))


def _name(lang: str, payload: bytes, length: int) -> str:
    return f"{lang}_{hashlib.sha1(payload).hexdigest()[:length]}"


# --- the bundle ---------------------------------------------------------------------------

def canonicalize(bundle: Path) -> None:
    """Rewrite the non-deterministic files of ``bundle`` in place."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    languages: dict[str, dict] = {}
    for lang, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        filters = []
        for name, old in sorted(meta[3]):
            old_path = bundle / "filter" / f"{old}.pf_filter"
            fname, values = read(old_path)
            payload = _payload([fname, sorted(([v, sorted(pages)] for v, pages in values), key=lambda x: x[0])])
            new = _name(lang, payload, 7)
            old_path.unlink()
            _write(bundle / "filter" / f"{new}.pf_filter", payload)
            filters.append([name, new])
        meta[3] = filters
        meta[4] = sorted(meta[4], key=lambda s: s[0])
        payload = _payload(meta)
        new_hash = _name(lang, payload, 13)
        meta_path.unlink()
        _write(bundle / f"pagefind.{new_hash}.pf_meta", payload)
        languages[lang] = {**info, "hash": new_hash}
    entry["languages"] = languages
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
