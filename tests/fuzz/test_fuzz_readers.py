"""Phase 1 on corrupted files: every reader reports problems, none raises.

The fastest layer (about a millisecond a case): each file kind goes through the
function the loader uses for it, on bytes drawn by :mod:`tests.fuzz.fuzzing`.
"""
from __future__ import annotations

import atexit
import json
import pickle
import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from govsite.annual.data import read_data
from govsite.content.loader import _load_orgs, _read_yaml_model, load_config
from govsite.model.loaded import LoadedSite
from govsite.content.reader import read_markdown_file
from govsite.model.catalog import Catalog
from govsite.model.gazette import ArticleFrontMatter, GazetteConfig, IssueFile
from govsite.model.item import ItemFrontMatter
from govsite.model.page import PageFrontMatter
from govsite.problems import Problem, ProblemLog
from govsite.redirects.ledger import read_ledger
from tests.fuzz.fuzzing import WEIRD_STRINGS, corrupted_file, fuzz_settings

MARKDOWN_MODELS = {"item": ItemFrontMatter, "page": PageFrontMatter, "article": ArticleFrontMatter}
YAML_MODELS = {"issue": IssueFile, "gazette": GazetteConfig, "catalog": Catalog}


def assert_reportable(problems: list[Problem]) -> None:
    """Each problem can be shown in both languages and as JSON."""
    for p in problems:
        for lang in ("zh", "en"):
            assert p.format(lang)
            json.dumps(p.as_json(lang), ensure_ascii=False)


@fuzz_settings("markdown")
@given(kind=st.sampled_from(sorted(MARKDOWN_MODELS)), file=st.data(), allow_html=st.booleans())
def test_markdown_files(kind: str, file: st.DataObject, allow_html: bool) -> None:
    rel, raw = file.draw(corrupted_file(kind))
    read = read_markdown_file(rel, raw, MARKDOWN_MODELS[kind], allow_html)
    assert_reportable(read.problems)
    again = pickle.loads(pickle.dumps(read))  # the read cache and the read workers pickle it
    assert [p.format("en") for p in again.problems] == [p.format("en") for p in read.problems]


_SCRATCH = Path(tempfile.mkdtemp(prefix="govsite-fuzz-readers-"))
atexit.register(shutil.rmtree, _SCRATCH, True)


@fuzz_settings("data_files")
@given(kind=st.sampled_from(["issue", "gazette", "catalog", "annual", "orgs", "urls"]), file=st.data())
def test_yaml_data_files(kind: str, file: st.DataObject) -> None:
    problems: list[Problem] = []
    if kind in YAML_MODELS:
        rel, raw = file.draw(corrupted_file(kind))
        problems = _read_yaml_model(rel, raw, YAML_MODELS[kind])[1]
    elif kind == "annual":
        rel, raw = file.draw(corrupted_file(kind))
        (_SCRATCH / "annual.yaml").write_bytes(raw)
        read_data(_SCRATCH, "annual.yaml", problems)
    elif kind == "orgs":
        _rel, raw = file.draw(corrupted_file(kind))
        (_SCRATCH / "content").mkdir(exist_ok=True)
        (_SCRATCH / "content/orgs.yaml").write_bytes(raw)
        site = LoadedSite(_SCRATCH, None, "")
        _load_orgs(site)
        problems = site.problems.items
    else:  # urls.txt, the ledger of published URLs
        lines = file.draw(st.lists(st.one_of(st.sampled_from(WEIRD_STRINGS), st.text(max_size=30),
                                             st.sampled_from(["/xxgk/", "/a b", "<<<<<<< HEAD", "/%zz", "//x"])),
                                   max_size=8))
        (_SCRATCH / "urls.txt").write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        problems = read_ledger(_SCRATCH).problems
    assert_reportable(problems)


@fuzz_settings("site_yaml")
@given(file=st.data(), base_url=st.one_of(st.none(), st.sampled_from(WEIRD_STRINGS), st.text(max_size=20)))
def test_site_yaml(file: st.DataObject, base_url: str | None) -> None:
    _rel, raw = file.draw(corrupted_file("site"))
    (_SCRATCH / "site.yaml").write_bytes(raw)
    log = ProblemLog()
    load_config(_SCRATCH, log, base_url)
    assert_reportable(log.items)
