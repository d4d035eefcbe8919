"""Where the private inspection report lives: a folder *beside* the output
(``output-report/`` for ``output/``), never inside it.

Why: the report lists every problem of the site (personal-data findings, broken
links, missing reports) and is for editors only. Inside ``output/`` it was published
by any plain copy of the folder unless the deployer remembered ``--exclude _report``.
Beside it, ``rsync -a output/ server:`` and ``cp -r output`` never take it.

Safety, as for the output (docs/architecture.md "Safety"): govsite writes only into a
report folder it made, recognised by the marker file :data:`OWNER_MARK`; an existing
folder of that name without it (and not empty) is refused before anything is read or
written (:mod:`govsite.pipeline.guard`), and nothing in it is touched.

Atomicity: the build prepares the new page as a temporary file in the folder while the
output is still in staging (:func:`prepare`), and renames it into place only after the
output swap succeeded (:func:`publish`); a failed or interrupted build removes the
temporary file (:func:`discard`), so the previous report stays with the previous output.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

SUFFIX = "-report"
PAGE = "index.html"
STALE = "stale"
"""Marker: a quick build kept the previous report (its findings may be out of date)."""
OWNER_MARK = ".govsite-report"
OWNER_TEXT = "govsite inspection report (private: do not publish)\n"
COUNTS_RE = re.compile(r'<meta name="govsite-check-counts" content="(\d+) (\d+)">')
"""The counts the report page carries (:mod:`govsite.inspect.page` writes them)."""


def report_dir(out: Path) -> Path:
    """The report folder of the output folder ``out``: ``<out>-report`` beside it."""
    return out.parent / f"{out.name}{SUFFIX}"


def report_page(out: Path) -> Path:
    return report_dir(out) / PAGE


def made_by_govsite(folder: Path) -> bool:
    """Whether govsite may write into ``folder``: empty, or holding the owner mark."""
    try:
        return (folder / OWNER_MARK).is_file() or not any(os.scandir(folder))
    except OSError:
        return False


def foreign(out: Path) -> Path | None:
    """The report folder of ``out`` when it exists and govsite may not write into it
    (a file, a symlink, or a folder of someone else's files), else None."""
    folder = report_dir(out)
    if not os.path.lexists(folder):
        return None
    if folder.is_symlink() or not folder.is_dir() or not made_by_govsite(folder):
        return folder
    return None


@dataclass
class _Prepared:
    tmp: Path | None
    """The new page, written beside the old one; None: the page stays as it is."""
    stale: bool


_PREPARED: dict[Path, _Prepared] = {}


def _folder(out: Path) -> Path:
    folder = report_dir(out)
    folder.mkdir(exist_ok=True)
    mark = folder / OWNER_MARK
    if not mark.is_file():
        mark.write_text(OWNER_TEXT, encoding="utf-8")
    return folder


def prepare(out: Path, data: bytes | None, stale: bool) -> None:
    """Stage the report of a build into ``out``: ``data`` the new page (None: keep the
    current one), ``stale`` whether it is left out of date by a quick build."""
    discard(out)
    tmp = None
    if data is not None:
        tmp = _folder(out) / f".{PAGE}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
    _PREPARED[out] = _Prepared(tmp, stale)


def publish(out: Path) -> None:
    """After the output swap: put the prepared page and stale marker in place."""
    prepared = _PREPARED.pop(out, None)
    if prepared is None:
        return
    folder = _folder(out)
    if prepared.tmp is not None:
        os.replace(prepared.tmp, folder / PAGE)
    if prepared.stale:
        (folder / STALE).write_text("quick build: report not refreshed\n", encoding="utf-8")
    else:
        (folder / STALE).unlink(missing_ok=True)


def discard(out: Path) -> None:
    """A build that did not swap its output: forget what it prepared."""
    prepared = _PREPARED.pop(out, None)
    if prepared is not None and prepared.tmp is not None:
        prepared.tmp.unlink(missing_ok=True)


def current_head(out: Path) -> str | None:
    """The start of the report of ``out`` (its meta tags), or None when there is none or a
    quick build left it out of date."""
    folder = report_dir(out)
    if (folder / STALE).is_file():
        return None
    try:
        with open(folder / PAGE, "rb") as page:
            return page.read(4096).decode("utf-8", errors="ignore")
    except OSError:
        return None


def report_counts(out: Path) -> tuple[int, int] | None:
    """(errors, warnings) of ``govsite check`` as the report of ``out`` found them, or None
    when there is no report or a quick build left it out of date: what ``build`` and
    ``serve`` tell the editor after a build."""
    head = current_head(out)
    found = COUNTS_RE.search(head) if head is not None else None
    return (int(found.group(1)), int(found.group(2))) if found else None
