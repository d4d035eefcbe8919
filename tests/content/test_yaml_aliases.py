"""YAML anchors and aliases are refused in every file govsite reads (issue 15 §3).

A 611-byte "billion laughs" (nine levels of nine aliases) in one field took 8.6 GB
(an item) and 11.4 GB (site.yaml) before: validation and the problem message
expanded it. Now the editor is sent to the alias's own line (E-YAML-ALIAS), and a
problem never prints a value in full, however large.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import re
import resource
import subprocess
import sys
import time
import traceback
import tracemalloc
from typing import Any, Callable

import pytest
import yaml
from click.testing import CliRunner

from govsite.cli import main
from govsite.base.yamlsource import _ANCHOR_OR_ALIAS, YamlError, parse_yaml
from govsite.i18n import render_message
from govsite.importer.orgs import appended_orgs_text
from govsite.model.org import Organization
from govsite.problems import Problem, ProblemLog, Severity
from tests.conftest import ORGS, SITE_YAML, SiteFolder, default_item
from tests.content.problem_helpers import check, codes, line_text, only
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

MEMORY_LIMIT = 3 * 2**29
"""1.5 GiB of address space for a govsite process: a normal check or build of the test
site needs a fraction of it; the bomb, printed once, needs about 3 GB."""


def bomb_lines(indent: str) -> list[str]:
    """A list of nine lists, each made of nine aliases to the one before: 9⁹ "lol" once expanded."""
    lines = [indent + "- &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(indent + f"- &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return lines


def inject(text: str, key: str) -> tuple[str, int]:
    """Replace the line ``key: BOMB`` of ``text`` by ``key:`` followed by the bomb as its
    value; returns the new text and the line of the first alias (``- &b [*a, …]``)."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        m = re.match(rf"^((?:\s*-\s)?\s*){re.escape(key)}: BOMB$", line)
        if m:
            column = len(m.group(1))
            lines[n : n + 1] = [line[: -len(" BOMB")]] + bomb_lines(" " * (column + 2))
            return "\n".join(lines), n + 3  # the key's line (n + 1), "- &a" below it, then "- &b [*a"
    raise AssertionError(f"no line {key}: BOMB in\n{text}")


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _front(fields: dict[str, Any], body: str = "正文。\n") -> str:
    return "---\n" + _dump(fields) + "---\n" + body


CATALOG = {
    "id": "zdjsxm", "domain": "BOMB", "owner": "xzf",
    "entries": [{"seq": 1, "item_l1": "批准服务信息", "item_l2": "审批结果", "content": "项目名称、审批结果",
                 "basis": "《政府信息公开条例》", "time_limit": "信息形成之日起20个工作日内", "subject": "县发展改革局",
                 "channels": ["政府网站"]}],
}


def _item(site: SiteFolder) -> str:
    rel = "content/items/xzfb/2025/00002.md"
    site.write(rel, _front(default_item(2, title="BOMB")))
    return rel


def _page(site: SiteFolder) -> str:
    rel = "content/pages/zhinan.md"
    site.write(rel, _front({"title": "BOMB", "column": "xxgkzn"}))
    return rel


def _site_yaml(site: SiteFolder) -> str:
    site.write("site.yaml", _dump({**SITE_YAML, "name": "BOMB"}))
    return "site.yaml"


def _orgs(site: SiteFolder) -> str:
    site.write("content/orgs.yaml", _dump([ORGS[0], {**ORGS[1], "name": "BOMB"}]))
    return "content/orgs.yaml"


def _catalog(site: SiteFolder) -> str:
    rel = "content/catalogs/zdjsxm.yaml"
    site.write(rel, _dump(CATALOG))
    return rel


def _gazette(site: SiteFolder) -> str:
    write_gazette(site, name="BOMB")
    write_issue(site, 2025, 1, "2025-01-20")
    return "content/gazette/gazette.yaml"


def _issue(site: SiteFolder) -> str:
    write_gazette(site)
    return write_issue(site, 2025, 1, "2025-01-20", sections="BOMB") + "/issue.yaml"


def _article(site: SiteFolder) -> str:
    write_gazette(site)
    folder = write_issue(site, 2025, 1, "2025-01-20")
    write_article(site, folder, 1, body="正文。\n", title="BOMB")
    return f"{folder}/1.md"


def _annual(site: SiteFolder) -> str:
    rel = "content/annual/xzf/2025.yaml"
    result = CliRunner().invoke(main, ["report", "annual", "--site", str(site.root), "--org", "xzf", "--year", "2025",
                                       "--init"])
    assert result.exit_code == 0, result.output
    path = site.root / rel
    text, n = re.subn(r"^report: .*$", "report: BOMB", path.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert n == 1
    path.write_text(text, encoding="utf-8")
    return rel


def _redirects(site: SiteFolder) -> str:
    site.write("redirects.yaml", "/old/a.html: xxgk/gfxwj/\n/old/b.html: BOMB\n")
    return "redirects.yaml"


KINDS: dict[str, Callable[[SiteFolder], str]] = {
    "item": _item, "page": _page, "site.yaml": _site_yaml, "orgs.yaml": _orgs, "catalog": _catalog,
    "gazette.yaml": _gazette, "issue.yaml": _issue, "gazette article": _article, "annual data": _annual,
    "redirects.yaml": _redirects,
}


def plant_bomb(site: SiteFolder, kind: str) -> tuple[str, int]:
    """Write a file of ``kind`` whose one field is the bomb; returns (file, line of its first alias)."""
    rel = KINDS[kind](site)
    text, line = inject((site.root / rel).read_text(encoding="utf-8"), {
        "item": "title", "page": "title", "site.yaml": "name", "orgs.yaml": "name", "catalog": "domain",
        "gazette.yaml": "name", "issue.yaml": "sections", "gazette article": "title", "annual data": "report",
        "redirects.yaml": "/old/b.html",
    }[kind])
    site.write(rel, text)
    return rel, line


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def in_limited_child(func: Callable[..., None], *args: Any, cpu_seconds: int = 30) -> None:
    """``func(*args)`` in a forked process limited to ``MEMORY_LIMIT`` and ``cpu_seconds``;
    its failure fails the test. (Without the fix an expansion would otherwise take the
    machine's memory or run for hours inside the test process.)"""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def target() -> None:
        _limited()
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        try:
            func(*args)
            send.send("")
        except BaseException:  # noqa: BLE001 - reported to the parent
            send.send(traceback.format_exc()[-5000:])

    child = ctx.Process(target=target)
    child.start()
    child.join(cpu_seconds * 4)
    if child.is_alive():
        child.kill()
        child.join()
    report = receive.recv() if receive.poll() else f"the child ended without a report (exit code {child.exitcode})"
    assert report == "", report


def govsite(*args: str) -> subprocess.CompletedProcess[str]:
    """``govsite ARGS`` in a real process limited to ``MEMORY_LIMIT`` of address space."""
    return subprocess.run([sys.executable, "-m", "govsite.cli", *args], capture_output=True, text=True,
                          preexec_fn=_limited, timeout=300, env={**os.environ, "GOVSITE_LANG": "zh"})


def test_the_memory_limit_leaves_room_for_a_normal_site(site: SiteFolder) -> None:
    for command in (["check"], ["build", "--quiet", "--no-search"]):
        done = govsite(command[0], "--site", str(site.root), *command[1:])
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("kind", list(KINDS))
def test_alias_bomb_is_refused_with_file_and_line(site: SiteFolder, kind: str) -> None:
    rel, line = plant_bomb(site, kind)
    assert line_text(site, Problem("E-YAML-ALIAS", Severity.ERROR, rel, line, None, None)).lstrip().startswith("- &b [*a")
    expected = f"{rel}:{line}: 错误 E-YAML-ALIAS: YAML 锚点和别名（*a）不可使用"
    for command in (["check"], ["build", "--quiet", "--no-search"]):
        done = govsite(command[0], "--site", str(site.root), *command[1:])
        output = done.stdout + done.stderr
        assert "MemoryError" not in output and "Traceback" not in output, output[-3000:]
        assert done.returncode == 1, output[-3000:]
        assert expected in output, output[-3000:]


@pytest.mark.parametrize("kind", ["item", "site.yaml", "orgs.yaml"])
def test_alias_bomb_problem_in_process(site: SiteFolder, kind: str) -> None:
    """The problem itself, as ``govsite check --format json`` reports it."""
    in_limited_child(_problem_in_process, site, kind)


def _problem_in_process(site: SiteFolder, kind: str) -> None:
    rel, line = plant_bomb(site, kind)
    p = only(check(site), "E-YAML-ALIAS", rel)
    assert (p.file, p.line, p.value) == (rel, line, None)
    assert p.message("en") == ("YAML anchors and aliases (*a) are not allowed: write the value out in full instead of "
                               "marking it with &name and repeating it with *name")
    if kind == "item":
        assert codes(check(site)) == ["E-YAML-ALIAS"]


# --- the parser ---------------------------------------------------------------------------------


def test_a_small_alias_is_refused_too() -> None:
    text = "keywords: &k [a, b]\nsubject: x\ntags: *k\n"
    with pytest.raises(YamlError) as caught:
        parse_yaml(text, line_offset=1)
    assert (caught.value.code, caught.value.line, caught.value.detail) == ("E-YAML-ALIAS", 4, "*k")


def test_a_merge_key_is_an_alias() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("base: &b {a: 1}\nother:\n  <<: *b\n")
    assert (caught.value.code, caught.value.line) == ("E-YAML-ALIAS", 3)


def test_an_anchor_alone_is_refused_at_its_line() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("title: 通知\nkeywords: &k [a, b]\n")
    assert (caught.value.code, caught.value.line, caught.value.detail) == ("E-YAML-ALIAS", 2, "&k")


@pytest.mark.parametrize("text", [
    "title: R&D 项目\n",
    "url: https://www.example.gov.cn/show.asp?id=4&type=2\n",
    "title: '&a 和 *b'\n",
    'title: "*注：见附件"\n',
    "title: 通知 # &a *b\n",
    "note: |\n  &a\n  *b\n",
])
def test_ampersands_and_stars_in_text_are_not_aliases(text: str) -> None:
    assert parse_yaml(text) == yaml.safe_load(text)


def test_other_yaml_errors_keep_their_code() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("a: *undefined\n")  # an alias to nothing is still an alias
    assert caught.value.code == "E-YAML-ALIAS"
    with pytest.raises(YamlError) as caught:
        parse_yaml("a: [1\n")
    assert caught.value.code == "E-YAML"


def test_the_quick_pretest_finds_every_anchor_the_parsers_see() -> None:
    """Text is scanned for anchors only when ``_ANCHOR_OR_ALIAS`` matches: random YAML-ish
    text where libyaml or PyYAML's own parser reports an anchor or alias always matches."""
    pieces = ["&a", "*a", "&", "*", "a", " ", " ", "\n", "\t", ":", "- ", "-", "?", "? ", "[", "]", "{", "}", ",",
              '"', "'", "#", "!!str ", "|", "\ufeff", "---", "x=1", "\r\n", "\u2028", "\x85", "<<: "]
    rnd = random.Random(15)
    found = 0
    for _ in range(6000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14)))
        for loader in (yaml.CSafeLoader, yaml.SafeLoader):
            try:
                anchored = any(getattr(e, "anchor", None) is not None for e in yaml.parse(text, Loader=loader))
            except yaml.YAMLError:
                anchored = False  # an error before any anchor: parse_yaml reports the error
            if anchored:
                found += 1
                assert _ANCHOR_OR_ALIAS.search(text), repr(text)
    assert found > 100


def test_importers_refuse_an_aliased_orgs_file() -> None:
    org = Organization.model_validate({**ORGS[1], "id": "new"})
    with pytest.raises(ValueError, match=r"\*a"):
        appended_orgs_text("- &a {id: xzf, name: 县政府, kind: government}\n- *a\n", [org])


# --- messages never print a value in full ----------------------------------------------------------


def _nested(levels: int) -> list:
    value: list = []
    for _ in range(levels):
        value = [value]
    return value


def _laughs(levels: int) -> list:
    value: list = ["lol"] * 9
    for _ in range(levels):
        value = [value] * 9
    return value


@pytest.mark.parametrize("value", [
    _laughs(40),                                            # 9⁴¹ strings
    {"a": _laughs(40), "b": {"c": _laughs(40)}},
    _nested(5000),
    "条" * 10**7,
    10**10000,
    (frozenset({1, 2}), b"x" * 10**6),
], ids=["list", "dict", "deep", "long-text", "huge-int", "others"])
def test_problem_output_is_bounded(value: Any) -> None:
    in_limited_child(_bounded_output, value, cpu_seconds=10)


def _bounded_output(value: Any) -> None:
    problem = Problem("E-TYPE", Severity.ERROR, "site.yaml", 1, "name", value, {"expected": "文本 / text"})
    log = ProblemLog()
    log.add(problem)
    log.add(problem)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        texts = [problem.format(), problem.format("en"), problem.message(), log.to_json(), log.to_json("en"),
                 render_message("E-IMPORT-OPTION", "zh", field="x", value=[value], allowed="a")]
        items = log.items
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 2 * 2**20
    assert len(items) == 1
    assert all(len(text) < 5000 for text in texts), [len(t) for t in texts]
    assert len(problem.message()) < 200
    assert problem.message().startswith("值 ")


def test_small_values_show_as_before() -> None:
    def shown(value: Any) -> str:
        return Problem("E-TYPE", Severity.ERROR, "f", 1, None, value).message().split("类型错误")[0]

    assert shown(["a", 1, None, True]) == "值 ['a', 1, None, True] "
    assert shown({"k": (1,)}) == "值 {'k': (1,)} "
    assert shown("短") == "值 短 "
    assert shown(list(range(100))) == "值 " + str(list(range(100)))[:77] + "… "
    assert Problem("E-TYPE", Severity.ERROR, "f", 1, None, [1, 2]).as_json()["value"] == "[1, 2]"
