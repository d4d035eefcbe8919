"""``govsite serve``: a preview on 127.0.0.1 that rebuilds on save and reloads the
open pages (实时预览). Modules: :mod:`~govsite.serve.static_handler` (the output
under the ``base_url`` sub-path), :mod:`~govsite.serve.watcher` (watchdog,
debounced), :mod:`~govsite.serve.builder` (one build at a time),
:mod:`~govsite.serve.events` (Server-Sent Events), :mod:`~govsite.serve.error_page`,
:mod:`~govsite.serve.live_handler` and :mod:`~govsite.serve.server`."""
from govsite.serve.static_handler import PrefixHandler

_Handler = PrefixHandler
"""The static handler under its earlier name (tests serve built sites with it)."""

__all__ = ["PrefixHandler", "_Handler"]
