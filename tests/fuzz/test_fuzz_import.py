"""``govsite import items`` and ``import gazette`` on corrupted export files.

The import runs for real against a small site, up to the point where it would
write: every record is read, mapped, validated and planned. Instead of writing,
the test checks what would be written: each planned file must read back without
a format error (what import accepts, ``check`` must be able to read). No
exception may escape, whatever the file holds.
"""
from __future__ import annotations

import atexit
import copy
import csv
import io
import json
import os
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from hypothesis import given
from hypothesis import strategies as st

import govsite.importer.gazette_run as gazette_run
import govsite.importer.run as items_run
from govsite.content.loader import _read_yaml_model, load_site
from govsite.model.loaded import LoadedSite
from govsite.content.reader import read_markdown_file
from govsite.importer.gazette_run import run_gazette_import
from govsite.importer.records import ALIASES, FIELDS
from govsite.importer.run import run_import
from govsite.model.gazette import ArticleFrontMatter, IssueFile
from govsite.model.item import ItemFrontMatter
from tests.fuzz.fuzzing import (SEEDS, VALUE, WEIRD_STRINGS, byte_mutations, make_base_site, mutated_data,
                                split_front, text_mutations, fuzz_settings)
from tests.importer.gazette_import_helpers import BASE_ISSUE

_WORK = Path(tempfile.mkdtemp(prefix="govsite-fuzz-import-"))
atexit.register(shutil.rmtree, _WORK, True)
_SITE: dict[str, Any] = {}

READ_FORMAT_ERRORS = {"E-YAML", "E-FRONTMATTER", "E-NOT-MAPPING", "E-TYPE", "E-NUL"}
"""Problems meaning a written file cannot even be read as what it claims to be."""


def base() -> tuple[Path, LoadedSite]:
    """The small site and its loaded files (loaded once: the importers only read them)."""
    if not _SITE:
        root = make_base_site(_WORK / "site").resolve()
        _SITE.update(root=root, loaded=load_site(root))
    return _SITE["root"], _SITE["loaded"]


def _records() -> list[dict[str, Any]]:
    """The demo's items as legacy-CMS records (valid, before damage)."""
    found = []
    for rel, raw in SEEDS["item"]:
        split = split_front(raw.decode("utf-8"))
        if split is None:
            continue
        front = yaml.safe_load(split[0])
        record = {key: front.get(key) for key in ("index_no", "title", "doc_no", "issuer", "written_date",
                                                  "publish_date", "theme", "genre", "validity", "summary")}
        record["keywords"] = front.get("keywords") or []
        record["column"] = (front.get("columns") or [None])[0]
        record["body_md"] = split[1]
        found.append({k: v for k, v in record.items() if v is not None})
    return found


RECORDS = _records()
HEADERS = sorted(set(FIELDS) | set(ALIASES)) + ["备注", "", " ", "title ", "标　　题", "index_no"]
CELL = st.one_of(st.sampled_from(WEIRD_STRINGS), st.text(max_size=20))


@st.composite
def export_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes) of a legacy export: CSV, TSV or JSON Lines, from demo items with damage."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    fmt = draw(st.sampled_from(["csv", "jsonl", "tsv", "txt", "ndjson"]))
    records = [copy.deepcopy(rnd.choice(RECORDS)) for _ in range(rnd.randint(0, 4))]
    for rec in records:
        for _ in range(rnd.choice([0, 0, 1, 2, 3])):
            op = rnd.choice(["set", "set", "delete", "rename"])
            key = rnd.choice(sorted(rec)) if rec else "title"
            if op == "set":
                rec[key] = draw(VALUE) if fmt in ("jsonl", "ndjson") and rnd.randrange(2) else draw(CELL)
            elif op == "delete":
                rec.pop(key, None)
            else:
                rec[rnd.choice(HEADERS)] = rec.pop(key, "")
    if fmt in ("jsonl", "ndjson") or (fmt == "txt" and rnd.randrange(2)):
        text = "\n".join(json.dumps(r, ensure_ascii=rnd.randrange(2) == 0, default=str) for r in records)
    else:
        columns = sorted({k for r in records for k in r}, key=str) or rnd.sample(HEADERS, 3)
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t" if fmt == "tsv" else rnd.choice([",", ",", ";", "\t"]))
        writer.writerow(columns)
        for r in records:
            writer.writerow(["、".join(map(str, v)) if isinstance(v, list) else v for v in (r.get(c, "") for c in columns)])
        text = out.getvalue()
    if rnd.randrange(4) == 0:
        text = text_mutations(rnd, text)
    raw = text.encode("utf-8", "surrogatepass")
    if rnd.randrange(6) == 0:
        raw = byte_mutations(rnd, raw)
    if rnd.randrange(8) == 0:
        raw = b"\xef\xbb\xbf" + raw
    return f"export.{fmt}", raw


def _readable_items(root: Path, plan, orgs_text: str | None) -> None:  # type: ignore[no-untyped-def]
    """What ``import items`` would write reads back as item files without a format error."""
    for planned in plan.files:
        rel = str(planned.path.relative_to(root))
        read = read_markdown_file(rel, planned.text.encode("utf-8"), ItemFrontMatter, False)
        assert not {p.code for p in read.problems} & READ_FORMAT_ERRORS, (planned.text, read.problems)
    if orgs_text is not None:
        assert isinstance(yaml.safe_load(orgs_text), list)


@fuzz_settings("import_items")
@given(file=export_file(), org=st.sampled_from([None, "xzf", "县政府", "nosuch", "", "测试县人民政府办公室"]),
       column=st.sampled_from([None, "gfxwj", "政策解读", "nosuch", ""]), lang=st.sampled_from(["zh", "en"]),
       create=st.booleans())
def test_import_items(file: tuple[str, bytes], org: str | None, column: str | None, lang: str, create: bool) -> None:
    root, loaded = base()
    path = _WORK / file[0]
    path.write_bytes(file[1])
    with mock.patch.object(items_run, "load_site", lambda _root: loaded), \
            mock.patch.object(items_run, "_write", _readable_items), \
            mock.patch.object(items_run.click, "echo", lambda *a, **k: None):
        run_import(root, path, org_default=org, column_default=column, lang=lang, create_orgs=create)


def _issue_seeds() -> list[dict[str, Any]]:
    root, loaded = base()
    name = loaded.gazette.name if loaded.gazette else "示例县人民政府公报"
    first = copy.deepcopy(BASE_ISSUE) | {"gazette": name, "year": 2027, "number": 1, "date": "2026-11-01",
                                         "volume": None, "cumulative_number": None, "pdf": None}
    second = copy.deepcopy(first) | {"number": 2, "special": True, "sections": first["sections"][:1]}
    return [first, second]


@st.composite
def issue_file(draw: st.DrawFn) -> bytes:
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    data = copy.deepcopy(rnd.choice(_issue_seeds()))
    if rnd.randrange(4):
        data = mutated_data(draw, rnd, data)
    text = json.dumps(data, ensure_ascii=rnd.randrange(2) == 0, default=str)
    if rnd.randrange(5) == 0:
        text = text_mutations(rnd, text)
    raw = text.encode("utf-8", "surrogatepass")
    if rnd.randrange(6) == 0:
        raw = byte_mutations(rnd, raw)
    return raw


def _readable_issues(root: Path, plan) -> None:  # type: ignore[no-untyped-def]
    """What ``import gazette`` would write reads back without a format error."""
    for planned in plan.issues:
        for name, text in planned.files:
            rel = str((planned.folder / name).relative_to(root))
            if name.endswith(".md"):
                problems = read_markdown_file(rel, text.encode("utf-8"), ArticleFrontMatter, False).problems
            else:
                problems = _read_yaml_model(rel, text.encode("utf-8"), IssueFile)[1]
            assert not {p.code for p in problems} & READ_FORMAT_ERRORS, (text, problems)
    for text in (plan.gazette_text, plan.orgs_text):
        if text is not None:
            yaml.safe_load(text)


@fuzz_settings("import_gazette")
@given(files=st.lists(issue_file(), min_size=1, max_size=2), lang=st.sampled_from(["zh", "en"]))
def test_import_gazette(files: list[bytes], lang: str) -> None:
    root, loaded = base()
    paths = []
    for n, raw in enumerate(files):
        path = _WORK / f"issue{n}.json"
        path.write_bytes(raw)
        paths.append(path)
    with mock.patch.object(gazette_run, "_load", lambda _root, _lang: loaded), \
            mock.patch.object(gazette_run, "write_plan", _readable_issues), \
            mock.patch.object(gazette_run.click, "echo", lambda *a, **k: None):
        run_gazette_import(root, paths, lang=lang)


def test_the_fuzz_site_is_valid() -> None:
    root, loaded = base()
    assert not loaded.problems.errors
    assert os.path.isfile(root / "content/gazette/gazette.yaml")
