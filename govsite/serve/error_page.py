"""The error page (构建错误页) shown by ``govsite serve`` for every HTML request
while the last build failed: the same lines ``govsite check`` prints."""
from __future__ import annotations

import html
import re

from govsite.problems import ProblemLog

_BODY_END = re.compile(rb"</body\s*>", re.I)


def problem_lines(problems: ProblemLog, lang: str) -> list[str]:
    """One line per problem, exactly as ``govsite check`` prints it (``Problem.format``)."""
    return [p.format(lang) for p in problems.items]


def error_page(lines: list[str], errors: int, warnings: int, lang: str = "zh") -> bytes:
    """A complete HTML page listing ``lines`` (every text escaped)."""
    if lang == "zh":
        title, lead = "构建失败：站点内容有错误", "以下问题与 govsite check 的输出相同。修正并保存后，本页会自动刷新。"
        count = f"共 {errors} 个错误，{warnings} 个警告"
        sub = "Build failed: the site has errors. Fix them and save; this page reloads by itself."
    else:
        title, lead = "Build failed: the site has errors", "The same problems as govsite check. Fix them and save; this page reloads by itself."
        count = f"{errors} error(s), {warnings} warning(s)"
        sub = "构建失败：站点内容有错误。修正并保存后，本页会自动刷新。"
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
    page = f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · govsite serve</title>
<style>
body {{ font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #1a1a1a; }}
h1 {{ color: #b00020; font-size: 1.5rem; }}
ol {{ padding-left: 1.5rem; }}
li {{ margin: .5rem 0; }}
code {{ white-space: pre-wrap; word-break: break-all; font-size: .95rem; }}
</style>
</head>
<body>
<main id="govsite-build-error">
<h1>{html.escape(title)}</h1>
<p lang="{'en' if lang == 'zh' else 'zh-CN'}">{html.escape(sub)}</p>
<p>{html.escape(lead)}</p>
<ol class="problems">
{items}
</ol>
<p class="summary">{html.escape(count)}</p>
</main>
</body>
</html>
"""
    return page.encode("utf-8")


def inject(page: bytes, tag: bytes) -> bytes:
    """``page`` with ``tag`` inserted before its last ``</body>`` (appended when there is none)."""
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + tag
    at = ends[-1].start()
    return page[:at] + tag + page[at:]
