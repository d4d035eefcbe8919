"""Browser-side tools for the accessibility tests: open a page in either theme, run
axe-core (installed from npm by scripts/test.sh into .node/), and measure colours."""
from __future__ import annotations

from typing import Any

from playwright.sync_api import Error as PlaywrightError

from tests.conftest import REPO

AXE_JS = REPO / ".node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
THEMES = ("standard", "care")
CARE_KEY = "govsite-care"
SEARCH_QUERY = "通知"
"""A query with many hits in the demo site, for the search page with results."""
RESULT = "#search-list li.pf-result a.pf-result-link"
"""A loaded search result (placeholders have no link yet)."""


def open_page(page, url: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``url`` in ``theme``: 关怀版 through the address's #care (as the header
    link does), waiting until care.js has switched it on."""
    page.goto(url + ("#care" if theme == "care" else ""))
    page.wait_for_load_state("load")
    if theme == "care":
        page.wait_for_function("document.documentElement.classList.contains('care')")


def show_search_results(page, at_least: int = 1) -> int:  # type: ignore[no-untyped-def]
    """Type ``SEARCH_QUERY`` into the search page's box and wait until at least
    ``at_least`` results are loaded (Pagefind loads the ones scrolled into view);
    returns how many result links are shown."""
    page.locator("#search-input").fill(SEARCH_QUERY)
    page.wait_for_selector("#search-list li", timeout=20000)
    for attempt in range(5):  # the list may be re-rendered under us (a slower search finishing)
        try:
            page.locator("#search-list li").first.scroll_into_view_if_needed(timeout=5000)
            break
        except PlaywrightError:
            if attempt == 4:
                raise
            page.wait_for_timeout(200)
    page.wait_for_function(f"document.querySelectorAll({RESULT!r}).length >= {at_least}", timeout=20000)
    return page.locator(RESULT).count()


def run_axe(page, tags: list[str] | None = None, rules: list[str] | None = None) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Violations of axe-core on the page as it is now: by WCAG tags, or by rule ids."""
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run scripts/test.sh (npm install axe-core) first"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags or WCAG_AA_TAGS}
    result = page.evaluate("(runOnly) => axe.run(document, { runOnly, resultTypes: ['violations'] })", run_only)
    return result["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as readable lines: rule, impact, help, then each node's target and summary."""
    lines: list[str] = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:8]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}\n      {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def horizontal_overflow(page) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    """None when the page does not scroll sideways; otherwise the widths and the
    widest elements that stick out to the right of the viewport."""
    return page.evaluate("""() => {
      const root = document.documentElement, vw = window.innerWidth;
      if (root.scrollWidth <= vw) return null;
      const wide = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1) wide.push([Math.round(r.right), el.tagName.toLowerCase() +
          (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '')]);
      }
      wide.sort((a, b) => b[0] - a[0]);
      return { scrollWidth: root.scrollWidth, innerWidth: vw, widest: wide.slice(0, 6) };
    }""")


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG contrast ratio of two sRGB colours (0–255 channels)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def parse_rgb(css: str) -> tuple[tuple[float, float, float], float]:
    """``rgb(r, g, b)`` / ``rgba(r, g, b, a)`` as computed by the browser → (rgb, alpha)."""
    inner = css[css.index("(") + 1: css.rindex(")")].replace("/", ",").replace(" ", ",")
    parts = [float(p) for p in inner.split(",") if p]
    return (parts[0], parts[1], parts[2]), (parts[3] if len(parts) > 3 else 1.0)

