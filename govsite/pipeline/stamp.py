"""The build stamp: a rebuild with no input changed is answered without reading
the site (make/ninja-style, like Lektor's build database).

After a successful build, govsite records in ``.govsite-cache/`` a fingerprint of
everything the build read, taken *before* it read anything:

- path, size and modification time (ns) of every file under ``content/``,
  ``templates/`` and ``static/``, of ``site.yaml`` and ``redirects.yaml``, and of
  the govsite package itself (its code and built-in theme);
- the govsite version, today's date (deadlines and the inspection report depend
  on it), the output folder and a ``--base-url`` override;

plus the signature of ``urls.txt`` as the build left it (the build appends to
it), the signature of the output's manifest, and the build's warnings. The next
build compares the fingerprint first: when everything matches and every output
file is still there, nothing was changed, so nothing is read, planned or written,
and the recorded warnings are shown again. Any difference, a missing output file
or a stamp from another version falls through to the normal incremental build,
which decides page by page. Deleting ``.govsite-cache/`` is always safe.

Like git's index, the stamp distrusts files modified within :data:`RACY_NS` of
the fingerprint: an edit in the same clock tick as the build, that keeps the
size, would keep the signature. Such a build records no stamp, so the next one
reads the site.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import govsite
from govsite import __version__
from govsite.pipeline.listing import RACY_NS, Walk

if TYPE_CHECKING:
    from govsite.problems import Problem

STAMP_FILE = ".govsite-cache/build-stamp.pickle"
INPUT_FILES = ("site.yaml", "redirects.yaml")
INPUT_DIRS = ("content", "templates", "static")
PACKAGE_DIR = os.path.dirname(os.path.abspath(govsite.__file__))
"""The govsite package: its code and built-in theme are inputs too."""
LEDGER_FILE = "urls.txt"
"""As :data:`govsite.redirects.ledger.LEDGER_FILE` (not imported: a build the stamp answers needs none of it)."""


@dataclass(frozen=True)
class Stamp:
    """What the last successful build of a site into one output folder saw."""

    inputs: str
    """Fingerprint of the inputs, taken before the build read them."""
    ledger: tuple[int, int, int] | None
    """(inode, size, mtime ns) of urls.txt after the build."""
    manifest: tuple[int, int, int] | None
    """(inode, size, mtime ns) of the output's manifest after the build."""
    problems: tuple[Problem, ...]
    """The build's warnings, shown again by a build that is answered by the stamp."""
    folders: tuple[tuple[str, int], ...] = ()
    """Each folder of the output that holds a file, with its modification time (ns)."""
    files: int = 0
    """How many files the output's manifest lists."""
    written_ns: int = 0
    """When the stamp was written."""
    listed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The names in each folder modified within :data:`RACY_NS` of the stamp (whose time
    a later change in the same clock tick could keep)."""


def _signature(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def fingerprint(site: Path, out: Path, base_url: str | None, today: date,
                sink: dict[str, str] | None = None, files: dict[str, tuple[int, int]] | None = None) -> str | None:
    """Fingerprint of everything a build of ``site`` into ``out`` reads (besides
    urls.txt); None when a file is too new to be trusted (see :data:`RACY_NS`).
    ``sink`` receives a digest of each folder's own files (by its label,
    ``content/items/xzfb/2025``) and of each single input file (``site.yaml``);
    ``files`` each file's (size, time). The folders are walked against the stored
    listing (:mod:`govsite.pipeline.listing`), which a site's build keeps up to date."""
    started = time.time_ns()
    h = hashlib.sha1(f"{__version__}\0{out}\0{base_url}\0{today.isoformat()}\n".encode())
    root = str(site)
    newest = 0
    is_site = False
    for name in INPUT_FILES:
        signature = _signature(os.path.join(root, name))
        h.update(f"{name}\0{signature}\n".encode())
        newest = max(newest, signature[2] if signature else 0)
        is_site = is_site or (name == "site.yaml" and signature is not None)
        if sink is not None:
            sink[name] = str(signature[1:]) if signature else "missing"
    walk = Walk(site)
    order: list[tuple[str, str]] = []
    for name in INPUT_DIRS:
        newest = max(newest, walk.folder(os.path.join(root, name), name, order, started))
    newest = max(newest, walk.folder(PACKAGE_DIR, "<govsite>", order, started))
    h.update("".join(f"{label}\0{digest}\n" for label, digest in order).encode())
    if sink is not None:
        sink.update(order)
    if files is not None:
        files.update(walk.files())
    if is_site:  # never a cache in a folder that is not a site (a typo in --site)
        walk.save()
    return h.hexdigest() if newest < started - RACY_NS else None


def _stamp_path(site: Path, out: Path) -> Path:
    key = hashlib.sha1(str(out).encode()).hexdigest()[:12]
    return site / f"{STAMP_FILE}.{key}"


def read_stamp(site: Path, out: Path) -> Stamp | None:
    try:
        with _stamp_path(site, out).open("rb") as fh:
            stamp = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None
    return stamp if isinstance(stamp, Stamp) else None


def output_folders(paths: Iterable[str]) -> list[str]:
    """The folders (relative, "" for the top) that directly hold the given output files."""
    return sorted({p.rpartition("/")[0] for p in paths})


def write_stamp(site: Path, out: Path, inputs: str | None, manifest_file: Path, problems: list[Problem],
                folders: Iterable[str] = (), files: int = 0) -> None:
    """Record a successful build (best effort: a build never fails for its stamp);
    nothing when the fingerprint could not be trusted. ``folders`` (see
    :func:`output_folders`) and ``files`` describe the output as the build left it."""
    if inputs is None:
        return
    root = str(out) + os.sep
    times: list[tuple[str, int]] = []
    listed: list[tuple[str, tuple[str, ...]]] = []
    recent = time.time_ns() - RACY_NS
    for folder in folders:
        where = root + folder if folder else str(out)
        try:
            mtime = os.stat(where).st_mtime_ns
            times.append((folder, mtime))
            if mtime > recent:
                listed.append((folder, tuple(sorted(os.listdir(where)))))
        except OSError:
            return
    stamp = Stamp(inputs, _signature(str(site / LEDGER_FILE)), _signature(str(manifest_file)), tuple(problems),
                  tuple(times), files, time.time_ns(), tuple(listed))
    path = _stamp_path(site, out)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(stamp, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def forget_stamp(site: Path, out: Path) -> None:
    """A build that goes on to read the site: until it succeeds, no older stamp may
    answer for it (it may fail, and its output may differ)."""
    try:
        _stamp_path(site, out).unlink(missing_ok=True)
    except OSError:
        pass


def unchanged_since(stamp: Stamp | None, site: Path, inputs: str | None, manifest_file: Path) -> bool:
    """Whether the inputs, urls.txt and the output's manifest are as the stamp saw them."""
    return (stamp is not None and inputs is not None and stamp.inputs == inputs
            and stamp.ledger == _signature(str(site / LEDGER_FILE))
            and stamp.manifest is not None and stamp.manifest == _signature(str(manifest_file)))


def outputs_unchanged(stamp: Stamp, out: Path) -> bool | None:
    """Whether every output file the stamp saw is still there, from the modification
    times of their folders (removing, adding or renaming a file changes its folder's):
    ≈ 330 ``stat`` calls at 100,000 items where checking each file took 125,000
    (0.34 s of CPU with the manifest's parsing). A folder modified just before the
    stamp is checked by its names instead (its time could be kept by a change in the
    same clock tick). None when the stamp cannot tell (written by an older govsite):
    then each file is checked."""
    if not stamp.folders:
        return None
    root = str(out) + os.sep
    listed = dict(stamp.listed)
    for folder, mtime in stamp.folders:
        where = root + folder if folder else str(out)
        try:
            if os.stat(where).st_mtime_ns != mtime:
                return False
            if folder in listed and tuple(sorted(os.listdir(where))) != listed[folder]:
                return False
        except OSError:
            return False
    return True
