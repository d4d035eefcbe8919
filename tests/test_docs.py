"""docs/content.md documents every field of the content model and every problem code."""
from __future__ import annotations

import re

import pytest

from govsite.i18n import MESSAGES
from govsite.model.catalog import Catalog, CatalogEntry
from govsite.model.item import ItemFrontMatter
from govsite.model.org import Organization
from govsite.model.page import PageFrontMatter
from govsite.model.site import Contact, Footer, IndexNumberRule, Options, SiteConfig
from govsite.model.taxonomy import Column
from tests.conftest import REPO

DOC = (REPO / "docs/content.md").read_text(encoding="utf-8")
MODELS = [SiteConfig, Footer, Contact, IndexNumberRule, Options, Column, Organization, ItemFrontMatter,
          PageFrontMatter, Catalog, CatalogEntry]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type) -> None:
    missing = [name for name in model.model_fields if f"`{name}`" not in DOC and not re.search(rf"\b{name}:", DOC)]
    assert missing == []


def test_every_problem_code_is_documented() -> None:
    assert [code for code in MESSAGES if code not in DOC] == []
