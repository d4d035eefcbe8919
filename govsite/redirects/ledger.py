"""The ledger of published URLs: ``urls.txt`` at the site root.

One path per line (from the ``base_url``, percent-encoded, sorted). ``govsite
build`` adds the URLs of every successful build and never removes one; editors
commit the file, so ``govsite check`` in a fresh clone (CI) knows every URL the
site ever published. The previous build's manifest is a second, local record.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from govsite.base.manifest import MANIFEST, read_manifest
from govsite.base.safepath import resolve_inside
from govsite.problems import Problem, Severity
from govsite.redirects.paths import canonical, is_permanent, pretty

LEDGER_FILE = "urls.txt"
_LINE = re.compile(r"/(?!/)\S*")
"""A ledger line: a path from the site root, no spaces (they are percent-encoded)."""
HEADER = (
    "# 本站已发布的全部网址（govsite build 自动追加，只增不减）。请与内容一起提交，不要删除任何一行。\n"
    "# Every URL this site has published, from the base_url. Added by govsite build, never removed:\n"
    "# commit it with the content and never delete a line. See docs/urls.md.\n"
)


@dataclass
class Ledger:
    entries: dict[str, int] = field(default_factory=dict)
    """Canonical path (no leading ``/``) → line in urls.txt."""
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None
    """The file as read (None: no ledger yet)."""


def read_ledger(root: Path) -> Ledger:
    """Read urls.txt; a line that is not a path (e.g. a merge-conflict marker) is a problem."""
    path = root / LEDGER_FILE
    ledger = Ledger()
    if not path.is_file():
        return ledger
    if resolve_inside(root, LEDGER_FILE) is None:
        ledger.problems.append(Problem("E-PATH-ESCAPE", Severity.ERROR, LEDGER_FILE, None, None, LEDGER_FILE))
        return ledger
    try:
        ledger.text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        ledger.problems.append(Problem("E-URL-LEDGER", Severity.ERROR, LEDGER_FILE, None, None, str(exc)))
        return ledger
    for number, line in enumerate(ledger.text.splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not _LINE.fullmatch(text):
            ledger.problems.append(Problem("E-URL-LEDGER", Severity.ERROR, LEDGER_FILE, number, None, text))
            continue
        ledger.entries.setdefault(canonical(text[1:]), number)
    return ledger


def render_ledger(paths: set[str]) -> str:
    return HEADER + "".join(f"/{p}\n" for p in sorted(paths))


def update_ledger(root: Path, published: set[str]) -> bool:
    """Add ``published`` (canonical paths) to urls.txt, atomically; False when nothing changed."""
    ledger = read_ledger(root)
    text = render_ledger(set(ledger.entries) | published)
    if text == ledger.text:
        return False
    tmp = root / f".{LEDGER_FILE}.{os.getpid()}.tmp"
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, root / LEDGER_FILE)
    except OSError as exc:  # name the ledger, not its temporary file, in the one-line error
        raise OSError(exc.errno, exc.strerror, str(root / LEDGER_FILE)) from exc
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
    return True


def manifest_published(out: Path | None, section: str) -> tuple[str, dict[str, None]]:
    """(label of the manifest file, canonical paths of the pages it lists as published)."""
    if out is None or not out.is_dir():
        return "", {}
    pages = {canonical(pretty(p)): None for p in read_manifest(out) if is_permanent(p, section)}
    return str(out / MANIFEST), pages
