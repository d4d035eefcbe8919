"""Permanent URLs: redirects from old paths and the ledger of published URLs.

A feature module (see :mod:`govsite.render.registry`): it plans a static
redirect page at every old path plus the ``_redirects`` and
``redirects.nginx.conf`` rule files. :mod:`govsite.redirects.check` validates the
redirects and reports published URLs that have disappeared (``E-URL-GONE``);
:mod:`govsite.redirects.ledger` keeps ``urls.txt``. See docs/urls.md.

The feature module the registry loads is :mod:`govsite.redirects.pages`; this
``__init__`` imports nothing, so that :mod:`govsite.i18n` can merge
:mod:`govsite.redirects.messages` without a cycle.
"""
