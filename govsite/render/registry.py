"""Features plug into the build here: each contributes pages, non-HTML outputs
and optionally a post-render step (e.g. the search index).

A feature module may define:

- ``plan(model, digests) -> Iterable[PageSpec]``: its outputs and their inputs;
- ``plan_listing(model, digests, specs) -> Iterable[PageSpec]`` (optional): outputs
  that list the other pages (the sitemap), given every page planned before them;
- ``CONTEXTS: dict[kind, builder]``: template contexts for its HTML pages;
- ``RENDERERS: dict[kind, fn(model, spec) -> str | bytes]``: outputs made without a
  template (``PageSpec.template == ""``), such as XML feeds or CSV files;
- ``POST_RENDER: PostRender``: a step that runs on the complete staging folder
  before the swap and owns every output under its ``prefix``; it may also prepare
  files outside the output, published after the swap (``publish``) or dropped
  when the build stops (``discard``).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from govsite.problems import ProblemLog

FEATURE_MODULES: tuple[str, ...] = (
    "govsite.render.gazette_plan",
    "govsite.annual.plan",
    "govsite.exports.opendata",
    "govsite.exports.sitefacts",
    "govsite.portal.pages",
    "govsite.exports.sitemap",
    "govsite.feeds",
    "govsite.redirects.pages",
    "govsite.search",
    "govsite.inspect.page",
)
"""Feature modules, in planning order."""


@dataclass
class PostRenderContext:
    """What a post-render step gets to work with."""

    model: Any
    stage: Path
    """The complete new output (changed files written, unchanged ones linked)."""
    out: Path
    """The previous output (may not exist)."""
    changed: set[str]
    """Output paths written or deleted by this build (not under the step's prefix)."""
    previous: dict[str, str]
    """The previous manifest's entries under the step's prefix."""
    problems: ProblemLog
    jobs: int
    quick: bool = False
    """A quick build (``govsite build --no-search``, the preview server): a costly step
    may carry its previous output forward unchanged and leave the update to the next
    full build, which must then catch up."""
    planned: frozenset[str] = frozenset()
    """Every output path the build plans (pages and copied files)."""


@dataclass(frozen=True)
class PostRender:
    """A build step that runs after rendering and owns the outputs under ``prefix``."""

    name: str
    prefix: str
    run: Callable[[PostRenderContext], dict[str, str]]
    """Writes its files into the stage (linking unchanged ones from the old output)
    and returns their manifest entries (path → digest)."""
    pending: Callable[[Path], bool] | None = None
    """Given the current output: is work left over from a quick build? A full build
    then runs the step even when no page changed."""
    publish: Callable[[Path], None] | None = None
    """Given the output, after the swap: put in place what the step prepared outside the
    output (the private inspection report beside it)."""
    discard: Callable[[Path], None] | None = None
    """Given the output, when the build stops before the swap: forget what it prepared."""


@lru_cache(maxsize=1)
def features() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(name) for name in FEATURE_MODULES)


def contexts() -> dict[str, Callable]:
    out: dict[str, Callable] = {}
    for module in features():
        out.update(getattr(module, "CONTEXTS", {}))
    return out


def renderers() -> dict[str, Callable]:
    out: dict[str, Callable] = {}
    for module in features():
        out.update(getattr(module, "RENDERERS", {}))
    return out


def post_render_steps() -> list[PostRender]:
    return [m.POST_RENDER for m in features() if getattr(m, "POST_RENDER", None) is not None]
