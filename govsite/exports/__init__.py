"""Machine-readable outputs: ``sitemap.xml``/``robots.txt`` for search engines and
bulk open data (``data/items-YYYY.json|csv``, ``data/catalog.csv``,
``data/manifest.json``) for re-use and for ``govsite import items``.

Both are build features (see :mod:`govsite.render.registry`):
:mod:`govsite.exports.sitemap` and :mod:`govsite.exports.opendata`.
"""
