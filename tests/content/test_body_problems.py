"""Problems in Markdown bodies are reported with the line in the file, not in the body."""
from __future__ import annotations

import yaml

from tests.conftest import SITE_YAML, SiteFolder, default_item, item_text
from tests.content.problem_helpers import assert_clean, check, find, item, line_text, only

F4 = item(4)
BODY_START = 13          # write_item: header lines 1–12, body from line 13


def test_image_without_alt_line_in_file(site: SiteFolder) -> None:
    site.write_item(4, body=(
        "第一段。\n"                       # 13
        "\n"                               # 14
        "![](images/tu1.png)\n"            # 15  <- no alt
        "\n"                               # 16
        "有说明的图：![示意图](tu2.png)\n"  # 17
    ))
    log = check(site)
    p = only(log, "E-IMG-ALT")
    assert (p.file, p.line, p.field, p.value) == (F4, 15, "body", "images/tu1.png")
    assert line_text(site, p) == "![](images/tu1.png)"
    assert p.message() == "图片 images/tu1.png 缺少替代文本（alt）；请写成 ![图片说明](地址)"
    assert p.message("en") == "image images/tu1.png has no alt text; write it as ![description](src)"
    assert p.severity.value == "error"


def test_blank_alt_counts_as_missing_and_each_image_is_reported(site: SiteFolder) -> None:
    site.write_item(4, body=(
        "## 一、概况\n"                     # 13
        "\n"                               # 14
        "文字 ![ ](a.png) 文字\n"           # 15
        "\n"                               # 16
        "- 列表项 ![](b.png)\n"             # 17
        "\n"                               # 18
        "| 图 |\n|---|\n| ![](c.png) |\n"  # 19–21
    ))
    found = [(p.line, p.value) for p in find(check(site), "E-IMG-ALT")]
    assert found == [(15, "a.png"), (17, "b.png"), (21, "c.png")]


def test_image_line_follows_a_longer_header(site: SiteFolder) -> None:
    """Comments and blank lines in the header shift the body; the line still matches the file."""
    text = item_text(**default_item(4), body="正文。\n\n![](x.png)\n")
    text = text.replace("title:", "# 标题按公文原文填写\n\ntitle:", 1)
    site.write(F4, text)
    p = only(check(site), "E-IMG-ALT")
    assert p.line == BODY_START + 2 + 2
    assert line_text(site, p) == "![](x.png)"


def test_image_without_alt_in_a_page(site: SiteFolder) -> None:
    site.write("content/pages/zhinan.md", "---\ntitle: 指南\ncolumn: xxgkzn\n---\n## 流程图\n\n![](liucheng.png)\n")
    p = only(check(site), "E-IMG-ALT")
    assert (p.file, p.line) == ("content/pages/zhinan.md", 7)


def test_raw_img_tag_is_text_when_html_is_off(site: SiteFolder) -> None:
    """With raw HTML off an <img> tag is shown as text, so it is no image and needs no alt."""
    site.write_item(4, body='<img src="x.png">\n')
    assert_clean(check(site))


def _allow_html(site: SiteFolder) -> None:
    config = {**SITE_YAML, "options": {"allow_html": True}}
    site.write("site.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))


def test_raw_img_without_alt_when_html_is_allowed(site: SiteFolder) -> None:
    _allow_html(site)
    site.write_item(4, body=(
        "正文。\n"                                   # 13
        "\n"                                         # 14
        '<img src="a.png">\n'                        # 15  html block
        "\n"                                         # 16
        '行内 <img src="b.png" alt=""> 图片\n'        # 17  inline html, empty alt
        "\n"                                         # 18
        '<img src="c.png" alt="说明">\n'             # 19  fine
    ))
    found = [(p.line, p.value) for p in find(check(site), "E-IMG-ALT")]
    assert found == [(15, '<img src="a.png">'), (17, '<img src="b.png" alt="">')]


def test_images_with_alt_are_clean(site: SiteFolder) -> None:
    site.write_item(4, body="![县政府大楼](lou.jpg)\n\n![图1 流程](liucheng.png \"流程图\")\n")
    assert_clean(check(site))
