"""Placeholders (占位值): the values ``govsite init`` writes so that a new site builds at
once, left in place.

A fresh site's footer shows ``www.example.gov.cn``, 网站标识码 ``0000000000``,
``京ICP备00000000号`` and ``请填写通讯地址``; published, they would embarrass the county
more than any empty column, and nothing else in ``govsite check`` notices them (they
are well-formed). Each one is a warning ``W-PLACEHOLDER`` on its site.yaml line and
field; ``govsite check --strict`` reports them as errors ``E-PLACEHOLDER``
(:func:`strict_placeholders`), so a CI gate refuses to publish them.

What counts as a placeholder (docs/checks.md "Placeholders"); fictional values that
are not placeholders (the demo site's ``9999990001``, ``示ICP备00000001号-1``,
``www.shilixian.gov.test``) are left alone:

- a text that starts with ``请填写`` (init's fill-in prompts), anywhere in site.yaml;
- an address under an example domain: ``example.gov.cn``, ``example.com``,
  ``example.net``, ``example.org`` or the ``.example`` top-level domain (RFC 2606),
  and names under them, in any URL or e-mail address in site.yaml;
- a 网站标识码, ICP备案号, 公安机关备案号, phone number or postcode whose digits are all 0;
- an organization's 统一社会信用代码 in content/orgs.yaml whose 组织机构代码 part
  (characters 9–17) is all 0 (init's ``11000000000000000…``): it starts every 索引号;
- an organization's 统一社会信用代码 whose region (characters 3–8) is ``000000``, the
  placeholder ``govsite import items --create-orgs`` and ``govsite import gazette`` give the
  organizations they create (:data:`govsite.identifiers.PLACEHOLDER_REGION`; no real
  registration authority has that region code);
- a line of a page's or item's body that is govsite's own fill-in text
  (:mod:`govsite.fill_in`: ``在此填写正文。`` of ``govsite new item``, ``请在此填写…`` of the
  pages ``govsite init`` writes, the image description ``请填写图片说明`` of
  ``govsite import items``), which would be published as the document's text.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterator

from govsite.base.yamlsource import YamlError, locate, parse_yaml
from govsite.fill_in import fill_in_of
from govsite.identifiers import PLACEHOLDER_REGION
from govsite.inspect.facts import facts
from govsite.inspect.registry import rule
from govsite.problems import Problem, ProblemLog, Severity

PROMPT = "请填写"
EXAMPLE_HOST = re.compile(r"(?:^|[@/.])(?:example\.gov\.cn|example\.(?:com|net|org)|[\w-]+\.example)(?=$|[/:?#])",
                          re.I)
"""An example domain (or a name under it) ending a host: after ``//``, ``@`` or a dot."""
ZERO_KEYS = {"site_id_code", "icp", "psb", "phone", "postcode"}
"""Keys whose value is a number: all-zero digits are a placeholder."""

FORMS: dict[str, tuple[str, str, str, str]] = {
    "base_url": ("网站地址", "site address",
                 "网站正式启用的网址，如 https://www.<地区拼音>.gov.cn/（政府网站只使用 .gov.cn 域名）",
                 "the address the site is published at, e.g. https://www.<region>.gov.cn/ (government sites use "
                 ".gov.cn domains only)"),
    "footer.site_id_code": ("网站标识码", "site id code (网站标识码)",
                            "全国政府网站基本信息数据库为本网站分配的 10 位数字（前 6 位为行政区划代码），"
                            "中央部门为 bm 加 8 位数字",
                            "the 10 digits 全国政府网站基本信息数据库 assigned to this site (the first 6 are the "
                            "administrative division code), or bm + 8 digits for a central department"),
    "footer.icp": ("ICP备案号", "ICP record number (ICP备案号)",
                   "工业和信息化部备案系统（beian.miit.gov.cn）核发的备案号：省份简称 + ICP备 + 6 至 10 位数字 + 号，"
                   "可带“-序号”",
                   "the number of the MIIT record system (beian.miit.gov.cn): province abbreviation + ICP备 + 6 to "
                   "10 digits + 号, optionally -N"),
    "footer.psb": ("公安机关备案号", "police record number (公安机关备案号)",
                   "全国互联网安全管理服务平台（beian.gov.cn）核发的备案号：省份简称 + 公网安备 + 14 位数字 + 号",
                   "the number of the public security record system (beian.gov.cn): province abbreviation + "
                   "公网安备 + 14 digits + 号"),
    "footer.contact.phone": ("联系电话", "contact phone", "本机关对外公开的联系电话（区号-号码）",
                             "the office's public phone number (area code-number)"),
    "footer.contact.email": ("电子邮箱", "contact e-mail", "本机关对外公开的电子邮箱",
                             "the office's public e-mail address"),
    "footer.contact.address": ("通讯地址", "postal address", "本机关的通讯地址", "the office's postal address"),
    "footer.contact.postcode": ("邮政编码", "postcode", "6 位邮政编码", "the 6-digit postcode"),
}
"""Field → (Chinese label, English label, what a real value looks like in Chinese and English)."""
ORG_CODE_FORM = ("统一社会信用代码", "unified social credit code (统一社会信用代码)",
                 "本机关的 18 位统一社会信用代码（第 9 至 17 位为组织机构代码）；它是每条信息索引号的开头",
                 "the office's 18-character unified social credit code (characters 9–17 are its organization "
                 "code); every 索引号 starts with it")
ORGS_FILE = "content/orgs.yaml"
INIT = "govsite init"
IMPORT = "govsite import"


BODY_FORM = ("正文", "body text", "本文件的正文", "the document's text")
IMAGE_FORM = ("图片说明", "image description (alt)", "说明图片内容的文字，供读屏软件朗读，如 ![2024年财政收支对比图](地址)",
              "words saying what the image shows, read out by screen readers, e.g. ![2024 revenue and spending](address)")


def org_code_placeholder(code: str) -> str | None:
    """The command whose placeholder 统一社会信用代码 ``code`` is (``govsite init``: 组织机构代码
    all 0; ``govsite import``: region ``000000``), else None."""
    if len(code) != 18:
        return None
    if set(code[8:17]) == {"0"}:
        return INIT
    return IMPORT if code[2:8] == PLACEHOLDER_REGION else None


def is_placeholder(key: str, value: str) -> bool:
    """Whether ``value`` of a field named ``key`` is one of init's placeholders (module docstring)."""
    text = value.strip()
    if text.startswith(PROMPT) or EXAMPLE_HOST.search(text):
        return True
    digits = re.sub(r"\D", "", text)
    return key in ZERO_KEYS and bool(digits) and set(digits) == {"0"}


def _scalars(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text value of parsed YAML with its path of keys and indexes, in file order."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _scalars(value, path + (key,))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _scalars(value, path + (n,))
    elif isinstance(node, (str, int)) and not isinstance(node, bool):
        yield path, str(node)


def _read(model: Any, rel: str) -> tuple[str, Any]:
    try:
        text = (model.root / rel).read_text(encoding="utf-8")
        return text, parse_yaml(text)
    except (OSError, UnicodeDecodeError, YamlError):  # validation reports the file
        return "", None


def _form(field: str) -> dict[str, str]:
    zh, en, form_zh, form_en = FORMS.get(field, (field, field, "本站的真实信息", "the site's real value"))
    return {"label_zh": zh, "label_en": en, "form_zh": form_zh, "form_en": form_en}


@rule("W-PLACEHOLDER", family="footer", site_wide=True, codes=("W-PLACEHOLDER", "E-PLACEHOLDER"))
def placeholders(model: Any, today: date, problems: ProblemLog) -> None:
    """Each placeholder value in site.yaml and each placeholder organization code."""
    text, data = _read(model, "site.yaml")
    for path, value in _scalars(data):
        key = str(path[-1]) if path else ""
        if is_placeholder(key, value):
            field = ".".join(map(str, path))
            problems.warning("W-PLACEHOLDER", "site.yaml", locate(text, path, 0), field, value, by=INIT, **_form(field))
    orgs_text, orgs = _read(model, ORGS_FILE)
    for n, org in enumerate(orgs if isinstance(orgs, list) else []):
        code = org.get("code") if isinstance(org, dict) else None
        by = org_code_placeholder(code) if isinstance(code, str) else None
        if by is not None:
            zh, en, form_zh, form_en = ORG_CODE_FORM
            problems.warning("W-PLACEHOLDER", ORGS_FILE, locate(orgs_text, (n, "code"), 0), f"{n}.code", code,
                             by=by, label_zh=zh, label_en=en, form_zh=form_zh, form_en=form_en)


INDEX_NO_FORM = ("索引号", "index number (索引号)",
                 "以发布机构真实的统一社会信用代码开头（在 content/orgs.yaml 中改正机构代码后，索引号不会自动改变，需逐条改正）",
                 "starting with the issuer's real unified social credit code (correcting the code in content/orgs.yaml "
                 "does not change index numbers already given: correct each one)")


@rule("W-PLACEHOLDER-TEXT", family="footer", codes=("W-PLACEHOLDER", "E-PLACEHOLDER"))
def placeholder_text(model: Any, today: date, problems: ProblemLog) -> None:
    """Each line of govsite's fill-in text left in a published page or item, and each
    索引号 that starts with a placeholder organization code (an index number is given
    once and never recomputed, so correcting the code in orgs.yaml leaves it behind)."""
    from govsite.inspect.sources import document, field_line

    zh, en, form_zh, form_en = INDEX_NO_FORM
    for item in model.items:
        by = org_code_placeholder(item.fm.index_no.split("/", 1)[0])
        if by is not None:
            doc = document(model, item.source)
            line = field_line(doc, "index_no") if doc is not None else None
            problems.warning("W-PLACEHOLDER", item.source, line, "index_no", item.fm.index_no, by=by,
                             label_zh=zh, label_en=en, form_zh=form_zh, form_en=form_en)

    for source, found in facts(model).items():
        for line, text in found.fillers:
            _text, by, kind = fill_in_of(text) or (text, "govsite", "body")
            zh, en, form_zh, form_en = IMAGE_FORM if kind == "image" else BODY_FORM
            problems.warning("W-PLACEHOLDER", source, line, "body", text, by=by,
                             label_zh=zh, label_en=en, form_zh=form_zh, form_en=form_en)


def strict_placeholders(problems: ProblemLog) -> ProblemLog:
    """``govsite check --strict``: the same findings, each placeholder an error E-PLACEHOLDER."""
    out = ProblemLog()
    for p in problems.items:
        if p.code == "W-PLACEHOLDER":
            p = Problem("E-PLACEHOLDER", Severity.ERROR, p.file, p.line, p.field, p.value, p.params)
        out.add(p)
    return out
