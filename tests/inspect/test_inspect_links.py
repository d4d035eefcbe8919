"""Internal links, anchors and attachment links in bodies; attachments without a file type."""
from __future__ import annotations

from tests.conftest import SiteFolder
from tests.inspect.inspect_helpers import codes, found, inspect, run, write_site_yaml

ITEM1 = "content/items/xzfb/2025/00001.md"


def _site(site: SiteFolder, body: str, **over) -> None:
    write_site_yaml(site)
    site.write("content/attachments/2025/fangan.pdf", b"%PDF-1.4\n")
    site.write_item(2, body="## 一、总体要求\n\n正文。\n\n## 二、工作措施\n\n正文。")
    site.write_item(1, body=body, attachments=[{"file": "attachments/2025/fangan.pdf", "title": "方案"}], **over)


def test_working_links_anchors_and_attachments_pass(site: SiteFolder) -> None:
    _site(site, "见[通知](00002.html#二工作措施)、[本文第一节](#main)、[目录](/xxgk/gfxwj/)、"
                "[栏目](../../gfxwj/index.html)、[附件（PDF）](/files/attachments/2025/fangan.pdf)、"
                "[外站](https://www.gov.cn/)和[邮件](mailto:a@b.cn)。")
    log = inspect(site)
    assert [p for p in log.items if p.code.startswith(("E-LINK", "W-ATTACHMENT"))] == []


def test_broken_relative_and_site_absolute_links(site: SiteFolder) -> None:
    _site(site, "第一段。\n\n见[旧文](00009.html)。\n\n又见[旧栏目](/xxgk/jiulanmu/)。")
    broken = found(inspect(site), "E-LINK-BROKEN")
    assert [(p.file, p.line, p.value) for p in broken] == [(ITEM1, 18, "00009.html"), (ITEM1, 20, "/xxgk/jiulanmu/")]
    assert broken[0].message() == "正文链接 00009.html 指向本站不存在的页面或文件（解析为 /xxgk/xzfb/2025/00009.html）"
    assert broken[1].message().endswith("（解析为 /xxgk/jiulanmu/index.html）")


def test_broken_anchor_names_the_anchors_that_exist(site: SiteFolder) -> None:
    _site(site, "见[通知第三节](00002.html#三组织保障)。")
    [p] = found(inspect(site), "E-LINK-ANCHOR")
    assert p.value == "00002.html#三组织保障"
    assert "#三组织保障 在目标页面中不存在" in p.message()
    assert "一总体要求" in p.message() and "二工作措施" in p.message()


def test_link_to_a_file_that_is_not_an_attachment(site: SiteFolder) -> None:
    _site(site, "下载[表格（XLSX）](/files/attachments/2025/biao.xlsx)。")
    assert codes(inspect(site)).count("E-LINK-BROKEN") == 1


def test_attachment_link_without_file_type(site: SiteFolder) -> None:
    _site(site, "下载[实施方案](/files/attachments/2025/fangan.pdf)。")
    [p] = found(inspect(site), "W-ATTACHMENT-TYPE")
    assert (p.file, p.field, p.value) == (ITEM1, "body", "/files/attachments/2025/fangan.pdf")
    assert "未标明文件类型" in p.message()


def test_front_matter_attachment_without_extension(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write("content/attachments/2025/fangan", b"%PDF-1.4\n")
    site.write_item(1, attachments=[{"file": "attachments/2025/fangan", "title": "方案"}])
    [p] = found(inspect(site), "W-ATTACHMENT-TYPE")
    assert (p.file, p.line, p.field) == (ITEM1, 13, "attachments.0.file")


def test_image_without_alt_is_reported_under_accessibility(site: SiteFolder) -> None:
    from tests.inspect.inspect_helpers import run

    _site(site, "![](/files/attachments/2025/fangan.pdf)")
    out = run(site).output
    group = out.split("== 无障碍（1）")[1].split("== ")[0]
    assert f"{ITEM1}:16: 错误 E-IMG-ALT" in group


def test_an_image_from_another_site_is_named_on_its_line(site: SiteFolder) -> None:
    """Imported bodies keep the old CMS's image addresses (walk of the first day): the
    published page would load them from another host."""
    path = site.write_item(2, body="收支情况：\n\n![2024年收支对比图](http://old.example-county.test/uploads/a.png)\n\n"
                                   "![站内图](../../../files/a.png) 见 [原网站](http://old.example-county.test/)\n")
    result = run(site)
    found = [ln for ln in result.output.splitlines() if "W-EXTERNAL-IMAGE" in ln]
    line = next(n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "old.example-county.test/uploads" in ln)
    rel = path.relative_to(site.root).as_posix()
    assert found == [f"{rel}:{line}: 警告 W-EXTERNAL-IMAGE [body]: 正文图片 http://old.example-county.test/uploads/a.png "
                     "从其他网站加载：发布后页面会向该网站请求图片（内网访问时无法显示，原网站关闭后图片消失，https 页面上的 http "
                     "图片会被浏览器拦截）；请下载该图片，放入 content/attachments/ 并改为站内地址"]
