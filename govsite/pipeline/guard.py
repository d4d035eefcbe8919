"""The output guard: a build replaces its output folder only when that is safe.

A build swaps a whole new folder in for the output (``output.py``), and the old
one is deleted. Pointed at the wrong folder, that would delete the site itself,
its content, or a folder of someone's files. The guard refuses, before anything
is read or written:

- an output that is the site folder, contains it, or lies inside one of its
  inputs (``content/``, ``templates/``, ``static/``, ``site.yaml``…), its cache,
  its ``.git`` or the govsite package;
- ``/``, the home folder or a folder that contains it, and a mount point (a
  mount point cannot be swapped atomically: renaming it fails with EBUSY);
- a path that exists and is not a folder;
- a folder beside the output where the private inspection report goes
  (``output-report/``) that govsite did not make (:mod:`govsite.inspect.report_files`);
- a non-empty folder that is not a previous govsite output, unless the user
  passes ``--force-out``. A govsite output is recognised by the manifest every
  build writes (``.govsite-manifest.json`` starting with ``"generator":
  "govsite"``). The refusal says how many files would be deleted and names some.

Checking costs a few ``stat`` calls and a 64-byte read (nothing measurable
beside a no-change build's 0.28 s at 10,000 items).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from govsite.base.manifest import MANIFEST
from govsite.pipeline.output import aside_dirs, made_by_govsite
from govsite.inspect.report_files import foreign as foreign_report

PROTECTED_INPUTS = ("content", "templates", "static", "site.yaml", "redirects.yaml", "urls.txt",
                    ".govsite-cache", ".git")
"""Parts of a site folder an output may never lie in (``urls.txt`` is the URL ledger)."""
PACKAGE_DIR = Path(__file__).resolve().parent.parent
LISTED = 5
"""How many of a refused folder's entries the message names."""
COUNT_LIMIT = 10_000
"""Counting the files of a refused folder stops here ("at least 10,000")."""

MESSAGES: dict[str, dict[str, str]] = {
    "is-site": {
        "zh": "输出目录 {out} 就是站点目录本身；构建会用生成的网站替换它，删除 content/ 和 site.yaml。请换一个输出目录（默认 {site}/output）",
        "en": "the output folder {out} is the site folder itself; a build replaces it and would delete content/ and "
              "site.yaml. Choose another output folder (default {site}/output)",
    },
    "contains-site": {
        "zh": "输出目录 {out} 包含站点目录 {site}；构建会替换整个输出目录，连同站点一起删除。请把输出目录放在站点目录之内或旁边，例如 {site}/output",
        "en": "the output folder {out} contains the site folder {site}; a build replaces the whole output folder and "
              "would delete the site with it. Put the output inside or beside the site, e.g. {site}/output",
    },
    "in-input": {
        "zh": "输出目录 {out} 位于站点的 {input} 之内（站点目录 {site}）；构建会删除其中的源文件。请换一个输出目录，例如 {site}/output",
        "en": "the output folder {out} lies inside the site's {input} (site folder {site}); a build would delete "
              "source files. Choose another output folder, e.g. {site}/output",
    },
    "in-package": {
        "zh": "输出目录 {out} 位于 govsite 程序自身的目录 {input} 之内（站点目录 {site}）。请换一个输出目录，例如 {site}/output",
        "en": "the output folder {out} lies inside govsite's own package {input} (site folder {site}). "
              "Choose another output folder, e.g. {site}/output",
    },
    "system": {
        "zh": "输出目录 {out} 是{what}，不能作为输出目录（构建会替换并删除它；站点目录 {site}）。请使用其下的一个专用子目录",
        "en": "the output folder {out} is {what_en} and cannot be an output folder (a build replaces and deletes it; "
              "site folder {site}). Use a dedicated folder below it",
    },
    "mount": {
        "zh": "输出目录 {out} 是一个挂载点，无法原子地替换（站点目录 {site}）。请使用挂载点下的子目录，例如 {out}/site",
        "en": "the output folder {out} is a mount point and cannot be replaced atomically (site folder {site}). "
              "Use a folder below it, e.g. {out}/site",
    },
    "not-folder": {
        "zh": "输出路径 {out} 已存在，但不是目录（站点目录 {site}）。请换一个输出目录",
        "en": "the output path {out} exists and is not a folder (site folder {site}). Choose another output folder",
    },
    "aside": {
        "zh": "{path} 不是 govsite 留下的临时目录，但构建需要使用这个名字（输出目录 {out}）。请移走或改名该目录后重试",
        "en": "{path} was not left by govsite, but a build of {out} needs that name. Move or rename it, then try again",
    },
    "report": {
        "zh": "{path} 不是 govsite 生成的巡检报告目录（其中没有 .govsite-report），但构建要把内部巡检报告写在输出目录 {out} "
              "旁边的这个位置。请移走或改名该目录后重试（站点目录 {site}）",
        "en": "{path} is not a govsite inspection report folder (it has no .govsite-report), but a build of {out} writes "
              "its private inspection report there. Move or rename it, then try again (site folder {site})",
    },
    "foreign": {
        "zh": "输出目录 {out} 不是空目录，也不是 govsite 生成的输出（没有 {manifest}）；构建会删除其中 {count} 个文件，"
              "例如：{examples}。请换一个空目录，或确认可以删除后加 --force-out（站点目录 {site}）",
        "en": "the output folder {out} is not empty and is not a govsite output (it has no {manifest}); a build "
              "would delete {count_en} file(s) in it, e.g. {examples}. Choose an empty folder, or pass --force-out "
              "if they may be deleted (site folder {site})",
    },
}

_SYSTEM_WHAT = {"root": ("文件系统根目录 /", "the file system root /"),
                "home": ("主目录或其上级目录", "the home folder or a folder above it")}


@dataclass
class OutputRefused(Exception):
    """The output folder is not safe to replace. ``kind`` selects the message."""

    kind: str
    out: Path
    site: Path
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        text = MESSAGES[self.kind]["zh" if lang == "zh" else "en"]
        return text.format(out=self.out, site=self.site, manifest=MANIFEST, **self.params)

    def __str__(self) -> str:
        return self.message("en")


def check_output(site: Path, out: Path, force: bool = False) -> None:
    """Raise :class:`OutputRefused` unless a build of ``site`` may replace ``out``.

    Both paths are resolved first, so a symlink or ``..`` cannot hide the site."""
    site, out = site.resolve(), out.resolve()
    if out == Path(out.anchor):
        raise OutputRefused("system", out, site, _what("root"))
    home = Path.home().resolve()
    if home.is_relative_to(out):
        raise OutputRefused("system", out, site, _what("home"))
    if out == site:
        raise OutputRefused("is-site", out, site)
    if site.is_relative_to(out):
        raise OutputRefused("contains-site", out, site)
    for name in PROTECTED_INPUTS:
        guarded = (site / name).resolve()
        if out.is_relative_to(guarded):
            raise OutputRefused("in-input", out, site, {"input": name})
    if out.is_relative_to(PACKAGE_DIR) or PACKAGE_DIR.is_relative_to(out):
        raise OutputRefused("in-package", out, site, {"input": str(PACKAGE_DIR)})
    for aside in aside_dirs(out):
        if os.path.lexists(aside) and (aside.is_symlink() or not aside.is_dir() or not made_by_govsite(aside)):
            raise OutputRefused("aside", out, site, {"path": str(aside)})
    report = foreign_report(out)
    if report is not None:
        raise OutputRefused("report", out, site, {"path": str(report)})
    if not os.path.lexists(out):
        return
    if not out.is_dir():
        raise OutputRefused("not-folder", out, site)
    if os.path.ismount(out):
        raise OutputRefused("mount", out, site)
    if force or is_govsite_output(out):
        return
    entries = sorted(os.listdir(out))
    if entries:
        count = _count_files(out)
        shown = "、".join(entries[:LISTED]) + ("…" if len(entries) > LISTED else "")
        raise OutputRefused("foreign", out, site, {
            "count": f"至少 {count}" if count >= COUNT_LIMIT else str(count),
            "count_en": f"at least {count}" if count >= COUNT_LIMIT else str(count),
            "examples": shown,
        })


def is_govsite_output(out: Path) -> bool:
    """True when ``out`` holds the manifest a govsite build writes."""
    try:
        with open(out / MANIFEST, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    if head.startswith(b'{\n"generator": "govsite"'):
        return True
    try:  # an older layout of the same file
        return json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("generator") == "govsite"
    except (OSError, ValueError, AttributeError):
        return False


def _what(kind: str) -> dict[str, str]:
    zh, en = _SYSTEM_WHAT[kind]
    return {"what": zh, "what_en": en}


def _count_files(folder: Path) -> int:
    count = 0
    for _dirpath, dirs, names in os.walk(folder):
        count += len(names) + len(dirs)
        if count >= COUNT_LIMIT:
            return COUNT_LIMIT
    return count
