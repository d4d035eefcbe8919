"""Every command with random arguments: no traceback, nothing written where it must not be.

Two layers. ``test_arguments`` throws token sequences at the command line
(commands, options, odd values and paths, missing and repeated options): most
end in a usage error, some run against folders that are not sites. Quick, so
there are many. ``test_commands`` runs real commands (build, check, new,
report, import) with drawn values on a copy of a small site, and compares the
whole test folder before and after:

- the output folder may change only when ``build`` succeeded (a failed build
  leaves it as it was), and so may ``urls.txt``;
- the cache (``.govsite-cache``) and the build locks may always change;
- ``content/`` may change only when a command that writes content (``new``,
  ``import``, ``report``) exited 0, and ``init`` may create its folder only then;
- nothing else changes, ever (the import files included).

Every generated path lies inside the test's folder, and commands run there.
"""
from __future__ import annotations

import atexit
import contextlib
import json
import os
import random
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from govsite.inspect.report_files import report_dir
from govsite.cli import main
from tests.fuzz.fuzzing import (WEIRD_STRINGS, byte_mutations, changed, fuzz_settings, make_base_site, snapshot)
from tests.fuzz.test_fuzz_import import export_file, issue_file

_WORK = Path(tempfile.mkdtemp(prefix="govsite-fuzz-cli-"))
atexit.register(shutil.rmtree, _WORK, True)
_STATE: dict[str, Any] = {}
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s+File \"", re.M)


def _master() -> Path:
    """The small site, built once (output, cache and urls.txt in place) to copy from."""
    if not _STATE:
        master = make_base_site(_WORK / "master" / "site")
        result = CliRunner().invoke(main, ["build", "--site", str(master), "--quiet"])
        assert result.exit_code == 0, result.output
        _STATE["master"] = master
        _STATE["n"] = 0
    return _STATE["master"]


def _fresh_folder(with_output: bool) -> Path:
    """A new test folder holding a copy of the site (with or without its output)."""
    master = _master()
    _STATE["n"] += 1
    top = _WORK / f"case{_STATE['n']}"
    site = top / "site"
    shutil.copytree(master, site, symlinks=True, ignore=shutil.ignore_patterns("output", ".govsite-cache"))
    shutil.copytree(master / ".govsite-cache", site / ".govsite-cache", copy_function=os.link)
    if with_output:  # hard links: a build never changes a file in place
        shutil.copytree(master / "output", site / "output", copy_function=os.link)
    (top / "in").mkdir()
    (top / "in" / "notes.txt").write_text("the user's own file\n", encoding="utf-8")
    return top


def assert_no_traceback(result: Any) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}")
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert not TRACEBACK.search(result.output), result.output


def _invoke(top: Path, args: list[str], env: dict[str, str] | None = None) -> Any:
    with contextlib.chdir(top):  # relative paths stay in the test's folder
        return CliRunner().invoke(main, args, env=env)


# --- odd paths, all inside the test folder -----------------------------------------------------

NAME_PARTS = ["out", "输出", "a b", "#x", "%20", "x?", "-", "--out", "'", "\\", "tab\t", "new\nline", "é", ".x",
              "x" * 255, "x" * 256, "output"]


def odd_path(rnd: random.Random, top: Path) -> str:
    """A path inside ``top``: an ordinary or odd folder name, the site itself, its content,
    a file, a nested or dotted path, absolute or relative to ``top``."""
    choices = [
        "site", "site/output", "site/content", "site/content/items", "site/site.yaml", "site/.govsite-cache",
        "site/templates", "site/public", "in", "in/notes.txt", ".", "out/" + rnd.choice(NAME_PARTS),
        rnd.choice(NAME_PARTS), "out/a/../b", "site/output/nested", "nosite", "out/deep/" * 3 + "x",
    ]
    rel = rnd.choice(choices)
    return str(top / rel) if rnd.randrange(3) else rel


# --- layer 1: token sequences ------------------------------------------------------------------

COMMANDS = [["build"], ["check"], ["init"], ["new", "item"], ["new", "interpretation"], ["new", "gazette-issue"],
            ["new", "catalog-row"], ["report", "annual"], ["import", "items"], ["import", "gazette"],
            ["import", "gazette-pdf"], ["serve", "--help"], ["new"], ["report"], ["import"], ["nosuch"], []]
OPTIONS = ["--site", "--out", "--base-url", "--quiet", "-q", "--jobs", "-j", "--no-search", "--lang", "--strict",
           "--format", "--since", "--no-inspect", "--org", "--column", "--title", "--date", "--policy", "--year",
           "--number", "--special", "--item", "--section", "--catalog", "--stage", "--item-l1", "--item-l2",
           "--content", "--basis", "--time-limit", "--channel", "--init", "--org-default", "--column-default",
           "--force-out", "--name", "--help", "-h", "--version", "--port", "--", "-", "--lang=en", "--format=json"]
VALUES = ["en", "zh", "fr", "json", "text", "0", "-1", "1", "2", "99999999999999999999", "abc", "2025", "2025-02-30",
          "HEAD", "--output=x", "xzf", "gfxwj", ""] + WEIRD_STRINGS[:40]


@fuzz_settings("cli_args")
@given(data=st.data())
def test_arguments(data: st.DataObject) -> None:
    """Random command lines: a usage error, a problem report or success; never a traceback.
    ``--site`` and file arguments point at places in the test folder that are not the
    site (so most commands stop early and the case stays quick)."""
    rnd = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    top = _WORK / "args"
    top.mkdir(exist_ok=True)
    (top / "file.txt").write_text("x", encoding="utf-8")
    args = list(data.draw(st.sampled_from(COMMANDS)))
    for _ in range(rnd.randint(0, 6)):
        token = rnd.random()
        if token < 0.5:
            option = rnd.choice(OPTIONS)
            args.append(option)
            if option in ("--site", "--out"):
                args.append(rnd.choice([str(top / "nosite"), str(top / "file.txt"), "nosite", str(top / "xx"),
                                        str(top / ("x" * 300)), str(top / "新 站")]))
            elif rnd.random() < 0.7:
                args.append(rnd.choice(VALUES))
        elif token < 0.8:
            args.append(rnd.choice(VALUES))
        else:
            args.append(data.draw(st.text(max_size=12)))
    if "serve" in args and "--help" not in args:
        args.append("--help")  # a server runs until stopped
    if args[:1] == ["init"]:  # init creates a site: only below the test folder
        args = ["init", str(top / "inits" / f"s{rnd.randrange(10**9)}")] + args[1:]
    env = {"GOVSITE_LANG": rnd.choice(["zh", "en", "fr"])}
    before = snapshot(top)
    result = _invoke(top, args, env)
    assert_no_traceback(result)
    wrong = sorted(p for p in changed(before, snapshot(top))
                   if not (p.startswith("inits/") or p == "inits" or ".govsite-cache" in p.split("/")
                           or re.fullmatch(r"\..*\.lock", p.rsplit("/", 1)[-1])))
    assert not wrong, (args, result.exit_code, wrong, result.output[-1500:])


# --- layer 2: real commands on a real site ------------------------------------------------------


def _build_args(rnd: random.Random, top: Path) -> tuple[list[str], str | None]:
    args = ["build"]
    out = None
    if rnd.randrange(3) == 0:
        out = odd_path(rnd, top)
        args += ["--out", out]
    if rnd.randrange(4) == 0:
        args += ["--base-url", rnd.choice(["https://www.example.gov.cn/xxgk/", "http://x/", "https://例子.中国/a b/",
                                           "ftp://x/", "", "/", "https://x/?a=1#b"] + WEIRD_STRINGS[:20])]
    if rnd.randrange(20):
        args.append("--no-search")
    args += rnd.sample(["--quiet", "-j", "1", "--force-out"], rnd.randint(0, 2)) if rnd.randrange(2) else ["--quiet"]
    if "-j" in args and args.index("-j") == len(args) - 1:
        args.append("2")
    return args, out


def _content_command(draw: st.DrawFn, rnd: random.Random, top: Path) -> list[str]:
    pick = rnd.choice(["new-item", "interpretation", "gazette-issue", "catalog-row", "report", "import-items",
                       "import-gazette", "import-pdf"])
    value = lambda *good: rnd.choice([*good, *good, *WEIRD_STRINGS])  # noqa: E731 - a drawn option value
    if pick == "new-item":
        return ["new", "item", "--org", value("xzf", "xzfb", "fgj"), "--column", value("gfxwj", "zcjd", "tzgg"),
                "--title", value("关于测试的通知", "关于第二项工作的通知"), *(["--date", value("2026-11-01")] if rnd.randrange(2) else [])]
    if pick == "interpretation":
        return ["new", "interpretation", "--policy", value("11999921014372155A/2026-00001", "11999921014372155A/2025-00001"),
                *(["--title", value("解读")] if rnd.randrange(2) else [])]
    if pick == "gazette-issue":
        return ["new", "gazette-issue", "--year", str(rnd.choice([2026, 2027, 1, 0, -1, 99999])),
                "--number", str(rnd.choice([1, 4, 12, 0, -3, 100])), *(["--special"] if rnd.randrange(4) == 0 else []),
                *(["--item", value("11999921014372155A/2026-00001")] if rnd.randrange(2) else []),
                *(["--date", value("2026-11-15")] if rnd.randrange(2) else [])]
    if pick == "catalog-row":
        return ["new", "catalog-row", "--catalog", value("shbz", "zdjsxm"), "--item-l1", value("政策文件"),
                "--item-l2", value("测试事项"), "--content", value("内容"), "--basis", value("《条例》"),
                "--time-limit", value("20个工作日内"), "--channel", value("政府网站"),
                *(["--stage", value("决策", "服务")] if rnd.randrange(2) else [])]
    if pick == "report":
        return ["report", "annual", "--org", value("xzf", "fgj", "xzfb"), "--year", str(rnd.choice([2025, 2026, 2024, 1999, 3000])),
                *(["--init"] if rnd.randrange(2) else [])]
    if pick == "import-items":
        name, raw = draw(export_file())
        path = top / "in" / name
        path.write_bytes(raw)
        return ["import", "items", str(path), *(["--org-default", value("xzf")] if rnd.randrange(2) else []),
                *(["--column-default", value("gfxwj")] if rnd.randrange(3) == 0 else [])]
    if pick == "import-gazette":
        path = top / "in" / "issue.json"
        path.write_bytes(draw(issue_file()))
        return ["import", "gazette", str(path)]
    path = top / "in" / "gazette.pdf"
    path.write_bytes(byte_mutations(rnd, rnd.choice([b"%PDF-1.4\n%%EOF\n", b"", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
                                                      b"not a pdf"])))
    return ["import", "gazette-pdf", str(path), "--year", str(rnd.choice([2026, 2027, 0])),
            "--number", str(rnd.choice([1, 12, 0])), *(["--date", value("2026-11-15")] if rnd.randrange(2) else [])]


def _allowed(path: str, *, command: str, ok: bool, top: Path, out: Path | None) -> bool:
    """Whether a command may have changed ``path`` (relative to the test folder)."""
    parts = path.split("/")
    if parts[:2] == ["site", ".govsite-cache"]:
        return True
    absolute = (top / path)
    if command == "build":
        out_dir = out or (top / "site" / "output")
        out_abs = Path(os.path.abspath(out_dir))
        if absolute.name == f".{out_abs.name}.lock" and Path(os.path.abspath(absolute.parent)) == out_abs.parent:
            return True
        real = Path(os.path.abspath(absolute))
        if out_abs.is_relative_to(real) and absolute.is_dir():  # a folder made to hold the output and its lock
            return True
        if ok and (path == "site/urls.txt" or real.is_relative_to(out_abs)):
            return True
        if ok and real.is_relative_to(report_dir(out_abs)):  # the private inspection report, beside the output
            return True
        if ok and real.is_relative_to(out_abs.parent):  # the previous output, being removed in the background,
            top_name = real.relative_to(out_abs.parent).parts[0]  # or kept as the twin (govsite/pipeline/twin.py)
            return top_name.startswith(f".{out_abs.name}.trash-") or top_name == f".{out_abs.name}.twin"
        return False
    if command in ("new", "import", "report"):
        return ok and parts[:2] == ["site", "content"]
    return False


@fuzz_settings("cli")
@given(data=st.data())
def test_commands(data: st.DataObject) -> None:
    rnd = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    top = _fresh_folder(with_output=rnd.randrange(3) > 0)
    try:
        out: Path | None = None
        kind = rnd.choice(["build", "build", "check", "content", "content"])
        if kind == "build":
            args, out_text = _build_args(rnd, top)
            out = (top / out_text) if out_text is not None else None
            if rnd.randrange(2):  # something to rebuild
                item = top / "site/content/items/xzf/2026/00001.md"
                if item.is_file():
                    item.write_text(item.read_text(encoding="utf-8").replace("title: ", "title: 新", 1), encoding="utf-8")
        elif kind == "check":
            args = ["check", *rnd.sample(["--strict", "--no-inspect", "--format", "--since"], rnd.randint(0, 3))]
            if "--format" in args:
                args.insert(args.index("--format") + 1, rnd.choice(["json", "text"]))
            if "--since" in args:
                args.insert(args.index("--since") + 1, rnd.choice(["HEAD", "main", "--output=pwned", "-1", ""]))
        else:
            args = _content_command(data.draw, rnd, top)
        args += ["--site", str(top / "site") if rnd.randrange(6) else rnd.choice(["site", "site/", "./site"])]
        if rnd.randrange(3) == 0:
            args += ["--lang", "en"]
        before = snapshot(top)
        result = _invoke(top, args)
        assert_no_traceback(result)
        if args[0] == "check" and "--format" in args and args[args.index("--format") + 1] == "json" and result.stdout:
            json.loads(result.stdout)  # nothing but the report on stdout (a refused --since prints nothing there)
        after = snapshot(top)
        ok = result.exit_code == 0
        wrong = sorted(p for p in changed(before, after) if not _allowed(p, command=args[0], ok=ok, top=top, out=out))
        assert not wrong, (args, result.exit_code, wrong, result.output[-2000:])
    finally:
        shutil.rmtree(top, ignore_errors=True)
