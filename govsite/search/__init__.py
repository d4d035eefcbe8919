"""Site search with Pagefind (issue 4), a feature module (see :mod:`govsite.render.registry`).

- :mod:`govsite.search.docs`: which pages are searchable and how they are sharded;
- :mod:`govsite.search.records`: the HTML given to Pagefind (character list, lookup records);
- :mod:`govsite.search.indexer`: the post-render step owning ``pagefind/``;
- :mod:`govsite.search.canonical`: byte-identical bundles;
- :mod:`govsite.search.page`: the search page ``search/index.html``.
"""
from govsite.search.indexer import POST_RENDER
from govsite.search.page import CONTEXTS, plan

__all__ = ["CONTEXTS", "POST_RENDER", "plan"]
