"""Redirect outputs: a static page at each old path, and server rule files.

- ``<old path>`` (or ``<old path>/index.html``): an HTML page with a meta refresh
  to the new page, its canonical URL and a visible link;
- ``_redirects``: Netlify / Cloudflare Pages rules, ``/old /new 301``;
- ``redirects.nginx.conf``: an nginx ``map`` from old to new path.

Paths in the rule files include the ``base_url`` path; the map's keys are
decoded, because nginx matches ``$uri`` after decoding it.
"""
from __future__ import annotations

from typing import Any, Iterator
from urllib.parse import unquote_to_bytes

from govsite.model.site_model import SiteModel
from govsite.redirects.paths import canonical, folder_variants, pretty, static_page
from govsite.redirects.table import Rule, table_for
from govsite.base.digests import sha1
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec

REDIRECT_KIND = "redirect"
NETLIFY_KIND = "redirects_netlify"
NGINX_KIND = "redirects_nginx"
NETLIFY_FILE = "_redirects"
NGINX_FILE = "redirects.nginx.conf"
FORMAT = "redirects-1"
"""Bumped when an output format changes, so every redirect output is rewritten."""


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    """Feature entry point (see :mod:`govsite.render.registry`)."""
    table = table_for(model)
    base = sha1(FORMAT, model.config_digest)
    for rule in table.sorted_rules():
        page = static_page(rule.key)
        if page is not None:
            yield PageSpec(page, "redirect.html", REDIRECT_KIND, (rule.key, rule.target, rule.final_fragment),
                           sha1(base, rule.key, rule.target, rule.final_fragment))
    yield PageSpec(NETLIFY_FILE, "", NETLIFY_KIND, (), sha1(base, table.digest))
    yield PageSpec(NGINX_FILE, "", NGINX_KIND, (), sha1(base, table.digest))


def target_path(model: SiteModel, target: str, fragment: str) -> str:
    """Root-relative URL of a target (``/sub/xxgk/a.html#b``): right at any depth of old path."""
    return canonical(model.config.base_path) + pretty(target) + (f"#{fragment}" if fragment else "")


def ctx_redirect(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    cfg = model.config
    _key, target, fragment = spec.args
    return {
        "site": cfg,
        "title": "页面已迁移",
        "target": target_path(model, target, fragment),
        "canonical": cfg.base_url + pretty(target),
    }


def server_rules(model: SiteModel, rules: list[Rule]) -> list[tuple[str, str]]:
    """(old path, new path) pairs, both root-relative and percent-encoded, sorted."""
    base = canonical(model.config.base_path)
    pairs: set[tuple[str, str]] = set()
    for rule in rules:
        new = target_path(model, rule.target, rule.final_fragment)
        for source in rule.sources:
            pairs.update((base + variant, new) for variant in folder_variants(source))
    return sorted(pairs)


def render_netlify(model: SiteModel, spec: PageSpec) -> str:
    lines = [
        "# Netlify / Cloudflare Pages redirects, made by govsite build from redirects.yaml,",
        "# legacy_url and previous_urls. Do not edit: edit redirects.yaml. See docs/urls.md.",
    ]
    lines += [f"{old} {new} 301" for old, new in server_rules(model, table_for(model).sorted_rules())]
    return "\n".join(lines) + "\n"


def _nginx_string(value: bytes) -> bytes:
    return b'"' + value.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


def render_nginx(model: SiteModel, spec: PageSpec) -> bytes:
    pairs = [(unquote_to_bytes(old), new.encode("ascii"))
             for old, new in server_rules(model, table_for(model).sorted_rules())]
    longest = max((len(old) for old, _new in pairs), default=0)
    bucket = 64
    while bucket < longest + 32:
        bucket *= 2
    head = (
        "# nginx redirects, made by govsite build from redirects.yaml, legacy_url and previous_urls.\n"
        "# Do not edit: edit redirects.yaml. See docs/urls.md. Use it like this:\n"
        "#   http {\n"
        f"#       map_hash_bucket_size {bucket};   # before the include; longest old path: {longest} bytes\n"
        "#       include /path/to/output/redirects.nginx.conf;\n"
        "#       server {\n"
        "#           if ($govsite_redirect) { return 301 $govsite_redirect; }\n"
        "#       }\n"
        "#   }\n"
        "# Keys are decoded paths, because nginx compares $uri after percent-decoding it.\n"
        "map $uri $govsite_redirect {\n"
        '    default "";\n'
    ).encode("utf-8")
    body = b"".join(b"    " + _nginx_string(old) + b" " + _nginx_string(new) + b";\n" for old, new in pairs)
    return head + body + b"}\n"


CONTEXTS = {REDIRECT_KIND: ctx_redirect}
RENDERERS = {NETLIFY_KIND: render_netlify, NGINX_KIND: render_nginx}
