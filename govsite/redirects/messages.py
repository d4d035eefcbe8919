"""Problem codes of permanent URLs (网址永久有效), Chinese first: a published URL that lost
its page (:mod:`govsite.redirects.check`), a bad line of ``urls.txt`` and each mistake a
``redirects.yaml`` can hold. A catalog that :mod:`govsite.i18n` merges (see there)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "E-URL-GONE": {
        "zh": "已发布的网址 {value} 现在没有页面了。网址一经发布不得失效：如页面已移动或合并，请在 redirects.yaml 中加一行“{value}: 新页面的路径或索引号”，或在移动后的信息文件中写 previous_urls: [{value}]；如确需撤下，在 redirects.yaml 中写“{value}: ~”；否则请恢复该页面",
        "en": "the published URL {value} no longer has a page. A URL must keep working: if the page moved or was merged, add the line '{value}: <new page path or 索引号>' to redirects.yaml, or previous_urls: [{value}] to the moved item; to withdraw it on purpose write '{value}: ~' in redirects.yaml; otherwise restore the page",
    },
    "E-URL-LEDGER": {
        "zh": "urls.txt 中的这一行不是以 / 开头的网址路径：{value}。如是 Git 合并冲突标记，请删除标记并保留两边的全部网址（在 .gitattributes 中写 urls.txt merge=union 可避免冲突）",
        "en": "this line of urls.txt is not a URL path starting with /: {value}. If it is a merge-conflict marker, delete the markers and keep the URLs of both sides (urls.txt merge=union in .gitattributes avoids the conflict)",
    },
    "E-REDIRECT-PATH": {
        "zh": "{value} 不是本站可用的路径：不能含 . 或 .. 段、空段（//）、反斜杠或控制字符，网址须以 http:// 或 https:// 开头",
        "en": "{value} is not a usable path: no . or .. segments, empty segments (//), backslashes or control characters; URLs must start with http:// or https://",
    },
    "E-REDIRECT-QUERY": {
        "zh": "{value} 带有查询参数（? 之后的部分）；静态网站只能按路径跳转，请去掉查询参数，或在服务器上另行配置该跳转",
        "en": "{value} has a query string (after ?); a static site redirects by path only: remove the query, or configure this redirect on the server",
    },
    "W-REDIRECT-QUERY": {
        "zh": "原网址 {value} 带有查询参数，静态网站无法按查询参数跳转，未生成跳转；如需要，请在服务器上另行配置",
        "en": "the legacy URL {value} has a query string; a static site cannot redirect on it, so no redirect was made; configure one on the server if needed",
    },
    "E-REDIRECT-TARGET": {
        "zh": "跳转目标 {value} 不存在：应为本站现有页面的路径（如 xxgk/xzfb/2025/00012.html、xxgk/gfxwj/）、信息的索引号或公报页面的路径（如 zfgb/2025/05/1.html）",
        "en": "redirect target {value} does not exist: use the path of an existing page of this site (e.g. xxgk/xzfb/2025/00012.html, xxgk/gfxwj/), an item's 索引号 or a gazette page path (e.g. zfgb/2025/05/1.html)",
    },
    "E-REDIRECT-LIVE": {
        "zh": "旧地址 {value} 与本站现有的页面或文件 {other} 冲突：跳转只用于已不存在的地址；请删除这条跳转",
        "en": "old path {value} collides with the existing page or file {other}: redirects are only for paths that no longer exist; remove this redirect",
    },
    "E-REDIRECT-LOOP": {
        "zh": "跳转形成循环：{chain}；请让其中一条直接指向现有页面",
        "en": "redirects form a loop: {chain}; point one of them at an existing page",
    },
    "E-REDIRECT-DUP": {
        "zh": "旧地址 {value} 已在 {other} 设置了不同的跳转；同一旧地址只能跳转到一个页面",
        "en": "old path {value} already has a different redirect in {other}; an old path can lead to one page only",
    },
}
