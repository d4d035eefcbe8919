"""Front matter shared among documents (issue 18): equal values are one object, nothing else changes."""
from __future__ import annotations

from govsite.content.loader import load_site
from tests.conftest import SiteFolder


def test_items_share_field_sets_and_repeated_strings(site: SiteFolder) -> None:
    site.write_item(4, keywords=["营商环境", "优化"])
    site.write_item(5, keywords=["营商环境"])
    loaded = load_site(site.root, use_cache=False)
    fronts = {doc.source.rsplit("/", 1)[1]: doc.front for doc in loaded.items}
    a, b = fronts["00004.md"], fronts["00005.md"]
    assert a.issuer == b.issuer and a.issuer is b.issuer
    assert a.columns[0] is b.columns[0]
    assert a.keywords[0] is b.keywords[0]
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    # What a reader of the model sees is what validating the file alone gives.
    fresh = type(a).model_validate(a.model_dump())
    assert a.model_dump() == fresh.model_dump()
    assert a.model_dump(exclude_unset=True) == {k: v for k, v in a.model_dump().items() if k in a.model_fields_set}


def test_cached_reads_are_shared_too(site: SiteFolder) -> None:
    first = load_site(site.root)  # fills the read cache
    again = load_site(site.root)  # from the cache
    assert [d.front.model_dump() for d in first.items] == [d.front.model_dump() for d in again.items]
    issuers = {id(d.front.issuer) for d in again.items if d.front.issuer == again.items[0].front.issuer}
    assert len(issuers) == 1
