"""The inspection's document texts: read on demand, a bounded number kept (issue 18, memory at scale)."""
from __future__ import annotations

import pytest

from govsite.inspect import sources
from govsite.pipeline.pages import load_and_validate
from tests.conftest import SiteFolder


def test_only_the_most_recently_used_documents_are_kept(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(4, 12):
        site.write_item(n)
    model, problems = load_and_validate(site.root)
    assert model is not None and not problems.has_errors()
    monkeypatch.setattr(sources, "KEPT_DOCUMENTS", 3)
    docs = [sources.document(model, item.source) for item in model.items]
    assert all(d is not None and d.text == (site.root / d.source).read_text(encoding="utf-8") for d in docs)
    kept = sources._DOCS[model]
    assert list(kept) == [item.source for item in model.items[-3:]]
    again = sources.document(model, model.items[0].source)  # read again: the same text
    assert again == docs[0]
    assert len(kept) == 3
