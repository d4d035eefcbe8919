"""Pagefind's runtime: ``pagefind.js``, its worker and WebAssembly, from Pagefind's CLI.

govsite writes every index file itself (:mod:`govsite.search.bundle_writer`); what
the search page runs is Pagefind's own JavaScript and WebAssembly, which only its
CLI writes. It is run once on a one-record placeholder (the primary bundle of the
page's Pagefind instances, see :data:`govsite.search.docs.CORE`), its UI files are
dropped, and :func:`govsite.search.canonical.canonicalize` makes the result
byte-identical for identical input. The run takes about 0.1 s.

One change is made to the runtime: Pagefind waits for its WebAssembly (before a
merged bundle loads) and for an index's pointer by polling every 50 ms; a search page
that merges its title layer while the WebAssembly is still compiling lost 0–50 ms of
its first result to that poll (about 40 ms between the WebAssembly's arrival and the
title layer's first request in a trace at 10,000 items). :func:`shorten_polls` makes the
interval 4 ms. The pattern is checked: a Pagefind whose runtime does not have it
exactly as pinned fails the build's runtime step with a message, rather than being
published half-patched (tests/search/test_runtime.py).
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
    error = shorten_polls(bundle)
    if error:
        return error
    canonicalize(bundle)
    return None


POLL = "await asyncSleep(50)"
"""Pagefind 1.5's wait for its WebAssembly and for an index pointer (twice in
``pagefind.js`` and twice in ``pagefind-worker.js``)."""
SHORT_POLL = "await asyncSleep(4)"
POLLS_PER_FILE = 2


def shorten_polls(bundle: Path) -> str | None:
    """Pagefind's 50 ms polls in its runtime scripts made 4 ms; an error message when a
    script does not hold them as expected (another Pagefind version), else None."""
    for name in ("pagefind.js", "pagefind-worker.js"):
        path = bundle / name
        text = path.read_text(encoding="utf-8")
        found = text.count(POLL)
        if found != POLLS_PER_FILE:
            return (f"{name} of Pagefind {pagefind_version()}: expected {POLLS_PER_FILE} waits "
                    f"'{POLL}', found {found}; govsite/search/runtime.py knows Pagefind 1.5's runtime")
        path.write_text(text.replace(POLL, SHORT_POLL), encoding="utf-8")
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
