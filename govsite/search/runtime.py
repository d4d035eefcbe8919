"""Pagefind's runtime: ``pagefind.js``, its worker and WebAssembly, from Pagefind's CLI.

govsite writes every index file itself (:mod:`govsite.search.bundle_writer`); what
the search page runs is Pagefind's own JavaScript and WebAssembly, which only its
CLI writes. It is run once on a one-record placeholder (the primary bundle of the
page's Pagefind instances, see :data:`govsite.search.docs.CORE`), its UI files are
dropped, and :func:`govsite.search.canonical.canonicalize` makes the result
byte-identical for identical input. The run takes about 0.1 s.
"""
from __future__ import annotations

import os
import subprocess
from importlib import metadata
from pathlib import Path

from govsite.search.canonical import canonicalize
from govsite.search.records import PLACEHOLDER

RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind")
"""Files of Pagefind's runtime kept in the core bundle (its JS API: the search page
draws its own results, so Pagefind's UI scripts and styles are not published)."""


def pagefind_binary() -> Path:
    from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

    return Path(get_executable())


def pagefind_version() -> str:
    return metadata.version("pagefind_bin_extended")


def write_runtime(bundle: Path, records: Path) -> str | None:
    """Pagefind's runtime and the placeholder's index into ``bundle``; an error message
    (Pagefind's output) or None."""
    records.mkdir(parents=True)
    (records / "index.html").write_text(PLACEHOLDER, encoding="utf-8")
    error = _finish(_start_pagefind(pagefind_binary(), records, bundle))
    if error:
        return error
    _prune(bundle, RUNTIME)
    canonicalize(bundle)
    return None


_RUN_ARGS = ("--keep-index-url", "--silent")


def _start_pagefind(binary: Path, site: Path, output: Path) -> subprocess.Popen[str]:
    args = [str(binary), "--site", str(site), "--output-path", str(output), *_RUN_ARGS]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish(proc: subprocess.Popen[str]) -> str | None:
    """Wait for a Pagefind run; its output tail on failure, else None."""
    output, _ = proc.communicate()
    if proc.returncode != 0:
        return (output or "").strip()[-500:] or f"pagefind exited with {proc.returncode}"
    return None


def _prune(bundle: Path, keep: tuple[str, ...]) -> None:
    for name in os.listdir(bundle):
        path = bundle / name
        if path.is_dir() or name == "pagefind-entry.json" or name.endswith(".pf_meta"):
            continue
        if name not in keep:
            path.unlink()
