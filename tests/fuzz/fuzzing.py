"""Shared pieces of the property-based tests: budgets, seeds, corruptions.

Every fuzz test draws corrupted versions of real files (the demo site's items,
pages, gazette, catalogs, annual data, ``site.yaml``…): YAML values replaced by
odd ones (impossible dates, huge numbers, NaN, anchors, tags, nested junk),
fields deleted, renamed or added, lines shuffled, bytes flipped, invalid UTF-8,
BOMs, NULs and CRLFs. The property is always the same: no uncaught exception
(each problem is reported, never raised) and nothing written where it must not be.

Budgets: :data:`BUDGETS` holds the number of examples of each test in CI (all
examples derandomized, no example database, so a run is reproducible). The
environment variable ``GOVSITE_FUZZ_EXAMPLES`` scales them to a total (the
``benchmarks/fuzz.py`` script runs 200,000 that way).
"""
from __future__ import annotations

import copy
import hashlib
import os
import random
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]

BUDGETS: dict[str, int] = {
    "markdown": 3000,
    "data_files": 2500,
    "site_yaml": 400,
    "import_items": 2000,
    "import_gazette": 1000,
    "site_model": 300,
    "cli": 120,
    "cli_args": 1500,
}
"""Examples of each fuzz test in CI: 10,820 in all, about two minutes on two cores
(≈ 5 ms a case for the readers and imports, 0.1–0.2 s for a check or a command)."""

CI_TOTAL = sum(BUDGETS.values())


def examples(name: str) -> int:
    """This test's number of examples: its CI budget, scaled to ``GOVSITE_FUZZ_EXAMPLES`` in all."""
    total = os.environ.get("GOVSITE_FUZZ_EXAMPLES")
    if not total:
        return BUDGETS[name]
    return max(1, round(BUDGETS[name] * int(total) / CI_TOTAL))


def fuzz_settings(name: str) -> settings:
    """Reproducible settings: derandomized (the seed comes from the test's name), no
    example database, no deadline (a build takes as long as it takes). With
    ``GOVSITE_FUZZ_SEED`` (``benchmarks/fuzz.py --seed``) the examples come from
    pytest's ``--hypothesis-seed`` instead, to explore beyond CI's."""
    return settings(
        max_examples=examples(name),
        derandomize=not os.environ.get("GOVSITE_FUZZ_SEED"),
        database=None,
        deadline=None,
        print_blob=True,
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                               HealthCheck.function_scoped_fixture, HealthCheck.large_base_example],
    )


# --- seeds: the demo site's files ------------------------------------------------------------


def _demo_files(pattern: str) -> list[tuple[str, bytes]]:
    found = sorted(REPO.glob(pattern))
    return [(str(p.relative_to(REPO)), p.read_bytes()) for p in found if p.is_file()][:40]


SEEDS: dict[str, list[tuple[str, bytes]]] = {
    "item": _demo_files("content/items/*/*/*.md"),
    "page": _demo_files("content/pages/*.md"),
    "article": _demo_files("content/gazette/*/*/*.md"),
    "issue": _demo_files("content/gazette/*/*/issue.yaml"),
    "gazette": _demo_files("content/gazette/gazette.yaml"),
    "catalog": _demo_files("content/catalogs/*.yaml"),
    "annual": _demo_files("content/annual/*/*.yaml"),
    "orgs": _demo_files("content/orgs.yaml"),
    "site": _demo_files("site.yaml"),
}

FIELD_NAMES = sorted({
    "index_no", "title", "doc_no", "issuer", "written_date", "publish_date", "theme", "genre", "columns",
    "disclosure_mode", "validity", "effective_date", "expiry_date", "superseded_by", "keywords", "summary",
    "attachments", "file", "size", "interprets", "catalog_entry", "stage", "source", "legacy_url", "previous_urls",
    "column", "org", "updated", "section", "pages", "text_source", "quality_note", "item", "year", "number", "date",
    "volume", "cumulative_number", "special", "special_label", "cover", "cover_alt", "pdf", "scan_only", "sections",
    "id", "name", "short_name", "code", "parent", "kind", "description", "doc_prefixes", "base_url", "footer",
    "options", "themes", "genres", "inspection", "entries", "seq", "levels", "owner", "report", "table2", "table3",
    "table4", "publisher", "first_year", "first_number", "frequency", "covers_orgs", "registration_days",
    "allow_html", "working_days", "redirects", "from", "to", "children", "label", "template", "per_page",
})

WEIRD_STRINGS = [
    "", " ", "　", "2024-02-30", "2024-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01",
    "2025-03-01 25:61", "2025-3-1", "2025/03/01", "2025年3月1日", "2025-03-01T09:00:00+08:00", "2025-03-01 09:00 +14:00",
    "1e309", "-1e309", ".nan", ".inf", "-.inf", "~", "null", "yes", "no", "on", "0x1F", "0o17", "1_000", "-0",
    "99999999999999999999999999", "-1", "0", "1.5", "!!binary aGk=", "!!python/object:os.system", "&a x", "*a",
    "<<", "{", "[", "]", "}", ":", "- ", "#", "'", '"', "\\", "%", "?", "|", ">", "\t", "\x00", "\x7f", "\x85",
    "\u2028", "\ufeff", "\U00020000", "\ud7ff", "../../etc/passwd", "/etc/passwd", "C:\\x", "a\nb", "a\r\nb",
    "---", "...", "http://", "https://例子.中国/a b?x=1#y", "javascript:alert(1)", "<script>alert(1)</script>",
    "{{ config }}", "{% include 'x' %}", "${HOME}", "%s%n", "{0}", "{value}", "索引号", "xzf", "xzfb", "gfxwj",
    "zcjd", "2.1", "1", "通知", "有效", "废止", "主动公开", "决策", "x" * 300, "长" * 200, "#frag", "a?b", "100%",
    "11999921014372155A/2025-00001", "11999900MB0000020X/2025-00001", "/2025-00001", "shbz#1", "shbz#999",
    "国办发〔2025〕1号", "[2025]1号", "attachments/2025/yusuan-2025-biao.pdf", "attachments/../site.yaml",
]

KEY = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8), st.integers(-3, 3), st.none(), st.booleans())

SCALAR = st.one_of(
    st.sampled_from(WEIRD_STRINGS),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(),
)

VALUE = st.recursive(
    SCALAR,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEY, children, max_size=4)),
    max_leaves=6,
)

SNIPPETS = [
    "![](x.png)", "![ ](../../site.yaml)", "[a](../../x)", "[b](#missing)", "<img src=x>", "<img src=x alt=''>",
    "<script>alert(1)</script>", "| a | b |\n|---|---|\n| 1 | 2 |", "表1：标题\n\n| a |\n|--|\n| 1 |",
    "# 标题", "###### h6", "####### seven", "---", "```\ncode\n```", "> quote", "1. one\n   - two", "[^1]\n\n[^1]: note",
    "{{ x }}", "{% if %}", "<!-- comment", "<div>", "&#0;", "&#x110000;", "\u202e", "身份证 110101199003078515",
    "手机 13800138000", "http://localhost/", "[x](javascript:alert(1))", "<a href='/xxgk/'>x</a>", "\\", "*" * 60,
    "附件：[文件](attachments/2025/yusuan-2025-biao.pdf)",
]


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_yaml(data: Any) -> str:
    """YAML text for any drawn value (keys of any type, dates, NaN…)."""
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=None)


def _parsed(rel: str, raw: bytes) -> tuple[str, bytes, Any, str]:
    """(path, bytes, YAML data of the file or its front matter, Markdown body) of a seed."""
    text = raw.decode("utf-8-sig")
    header, body = (split_front(text) or (text, "")) if rel.endswith(".md") else (text, "")
    try:
        data = yaml.load(header, Loader=_LOADER)
    except yaml.YAMLError:
        data = None
    return rel, raw, data, body


def mutated_data(draw: st.DrawFn, rnd: random.Random, data: Any) -> Any:
    """``data`` with up to four structural changes at random places: the places and the
    kind of change come from ``rnd`` (cheap), the new keys and values from Hypothesis."""
    for _ in range(rnd.randint(1, 4)):
        data = _mutate_at(draw, rnd, data, depth=0)
    return data


def _mutate_at(draw: st.DrawFn, rnd: random.Random, node: Any, depth: int) -> Any:
    children: list[Any] = list(node.keys()) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
    if children and depth < 6 and rnd.randint(0, 2) > 0:
        key = rnd.choice(children)
        op = rnd.choice(["descend", "descend", "set", "delete", "rename"])
        node = dict(node) if isinstance(node, dict) else list(node)
        if op == "descend":
            node[key] = _mutate_at(draw, rnd, node[key], depth + 1)
        elif op == "set":
            node[key] = draw(VALUE)
        elif op == "delete":
            del node[key]
        elif isinstance(node, dict):
            node[draw(KEY)] = node.pop(key)
        else:
            node.insert(rnd.randint(0, len(node)), node[key])  # a duplicate entry
        return node
    choice = rnd.randint(0, 3)
    if choice == 0 and isinstance(node, dict):
        node = dict(node)
        node[draw(KEY)] = draw(VALUE)
        return node
    if choice == 1 and isinstance(node, list):
        return [*node, draw(VALUE)]
    return draw(VALUE)


def text_mutations(rnd: random.Random, text: str) -> str:
    """Line-level damage: lines deleted, duplicated, swapped, re-indented, or junk inserted."""
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 3)):
        if not lines:
            break
        n = rnd.randrange(len(lines))
        op = rnd.choice(["delete", "duplicate", "swap", "indent", "dedent", "insert", "replace-token"])
        if op == "delete":
            del lines[n]
        elif op == "duplicate":
            lines.insert(n, lines[n])
        elif op == "swap":
            m = rnd.randrange(len(lines))
            lines[n], lines[m] = lines[m], lines[n]
        elif op == "indent":
            lines[n] = rnd.choice([" ", "  ", "\t", "    "]) + lines[n]
        elif op == "dedent":
            lines[n] = lines[n].lstrip()
        elif op == "insert":
            lines.insert(n, rnd.choice(WEIRD_STRINGS + SNIPPETS))
        else:
            words = re.split(r"(\W)", lines[n])
            words[rnd.randrange(len(words))] = rnd.choice(WEIRD_STRINGS)
            lines[n] = "".join(words)
    return "\n".join(lines)


INSERTED_BYTES = [b"\x00", b"\xff", b"\xc3", b"\xe4\xb8", b"\r", b"\xef\xbb\xbf", b"\x1b[2J", b"\xed\xa0\x80",
                  b"\t", b"\n---\n", b": ", b"- ", b"'", b'"', b"{", b"&a ", b"*a", b"!!str "]


def byte_mutations(rnd: random.Random, raw: bytes) -> bytes:
    """Byte-level damage: flips, insertions (invalid UTF-8, NUL, BOM, CR), cuts."""
    data = bytearray(raw)
    if rnd.randrange(10) == 0:
        data = bytearray(b"\xef\xbb\xbf") + data
    if rnd.randrange(10) == 0:
        data = bytearray(bytes(data).replace(b"\n", b"\r\n"))
    for _ in range(rnd.randint(1, 3)):
        pos = rnd.randint(0, len(data))
        op = rnd.choice(["flip", "insert", "insert", "cut", "truncate"])
        if op == "flip" and data:
            data[min(pos, len(data) - 1)] ^= 1 << rnd.randrange(8)
        elif op == "insert":
            data[pos:pos] = rnd.choice(INSERTED_BYTES) if rnd.randrange(3) else rnd.randbytes(rnd.randint(1, 8))
        elif op == "cut":
            del data[pos:pos + rnd.randint(1, 40)]
        else:
            del data[pos:]
    return bytes(data)


def split_front(text: str) -> tuple[str, str] | None:
    """(YAML header, body) of a Markdown file with front matter."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    return text[4:end + 1], text[end + 5:]


_PARSED: dict[str, list[tuple[str, bytes, Any, str]]] = {}


@st.composite
def corrupted_file(draw: st.DrawFn, kind: str) -> tuple[str, bytes]:
    """(path of the seed in the demo site, corrupted bytes) of a ``kind`` of file."""
    if kind not in _PARSED:
        _PARSED[kind] = [_parsed(rel, raw) for rel, raw in SEEDS[kind]]
    rel, raw, data, body = draw(st.sampled_from(_PARSED[kind]))
    how = draw(st.integers(0, 7))
    if how == 0:
        return rel, raw  # unchanged: the seed itself must read cleanly too
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    markdown = rel.endswith(".md")
    text = raw.decode("utf-8-sig")
    if how & 1:  # structural: change the parsed data, dump it again
        header = dump_yaml(mutated_data(draw, rnd, copy.deepcopy(data)))
        if markdown and rnd.randrange(4) == 0:
            body = "\n\n".join([body, *rnd.sample(SNIPPETS, rnd.randint(1, 4))])
        text = ("---\n" + header + "---\n" + body) if markdown else header
    if how & 2:
        text = text_mutations(rnd, text)
    data_bytes = text.encode("utf-8", "surrogatepass")
    if how & 4:
        data_bytes = byte_mutations(rnd, data_bytes)
    return rel, data_bytes


# --- the file system as the test left it ------------------------------------------------------


def snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Relative path → digest of every file (symlink: its target; folder: "dir") under
    ``folder``, without the paths under ``skip`` (relative, POSIX)."""
    found: dict[str, str] = {}
    base = str(folder)
    for dirpath, dirnames, filenames in os.walk(base):
        rel_dir = os.path.relpath(dirpath, base).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        kept = []
        for d in dirnames:
            rel = rel_dir + d
            if rel in skip:
                continue
            path = os.path.join(dirpath, d)
            if os.path.islink(path):
                found[rel] = "-> " + os.readlink(path)
            else:
                found[rel] = "dir"
                kept.append(d)
        dirnames[:] = kept
        for f in filenames:
            rel = rel_dir + f
            if rel in skip:
                continue
            path = os.path.join(dirpath, f)
            if os.path.islink(path):
                found[rel] = "-> " + os.readlink(path)
                continue
            try:
                with open(path, "rb") as fh:
                    found[rel] = hashlib.sha1(fh.read()).hexdigest()
            except OSError as exc:
                found[rel] = f"unreadable {exc.errno}"
    return found


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


# --- a small real site to fuzz against ----------------------------------------------------------

BASE_ORGS = ("xzf", "xzfb", "fgj")
"""Organizations whose items the fuzz site keeps (with everything they refer to)."""


def make_base_site(dest: Path) -> Path:
    """A small valid site from the demo: site.yaml, every organization, catalog, page and
    annual data file, the items of :data:`BASE_ORGS`, three gazette issues and the
    attachments. Files that then fail validation (a reference to a dropped item) are
    left out until the site checks clean, so the fuzz site stays valid as the demo grows."""
    import shutil

    from govsite.pipeline.pages import load_and_validate

    dest.mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", dest / "site.yaml")
    content = dest / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("items", "gazette"))
    for org in BASE_ORGS:
        if (REPO / "content/items" / org).is_dir():
            shutil.copytree(REPO / "content/items" / org, content / "items" / org)
    gazette = REPO / "content/gazette"
    (content / "gazette").mkdir()
    shutil.copy(gazette / "gazette.yaml", content / "gazette/gazette.yaml")
    issues = sorted(p.parent for p in gazette.glob("*/*/issue.yaml"))[:3]
    for folder in issues:
        shutil.copytree(folder, content / "gazette" / folder.relative_to(gazette))
    for _ in range(5):
        _model, problems = load_and_validate(dest)
        bad = {p.file for p in problems.errors}
        if not bad:
            return dest
        for rel in bad:
            path = dest / rel
            if rel.startswith("content/") and path.is_file() and rel != "content/orgs.yaml":
                path.unlink()
    raise AssertionError(f"the fuzz site does not check clean: {[p.format('en') for p in problems.errors]}")
