"""Footer identity: 主办单位, 网站标识码, ICP备案号, 公安机关备案号."""
from __future__ import annotations

from tests.conftest import SITE_YAML, SiteFolder
from tests.inspect.inspect_helpers import found, inspect, run, write_site_yaml


def test_complete_footer_has_no_finding(site: SiteFolder) -> None:
    write_site_yaml(site)
    assert found(inspect(site), "W-FOOTER-MISSING") == []


def test_blank_host_is_reported(site: SiteFolder) -> None:
    write_site_yaml(site, footer={**SITE_YAML["footer"], "host": "  "})
    [p] = found(inspect(site), "W-FOOTER-MISSING")
    assert p.format() == ("site.yaml: 警告 W-FOOTER-MISSING [footer.host]: 页脚缺少主办单位（site.yaml 的 footer.host）；"
                          "政府网站页脚须有主办单位、网站标识码、ICP备案号和公安机关备案号")


def test_missing_icp_is_an_error_in_the_footer_group(site: SiteFolder) -> None:
    footer = {k: v for k, v in SITE_YAML["footer"].items() if k != "icp"}
    write_site_yaml(site, footer=footer)
    result = run(site)
    assert result.exit_code == 1
    group = result.output.split("== 网站标识（1）")[1].split("== ")[0]
    assert "site.yaml:" in group and "E-MISSING [footer.icp]: 缺少必填字段 footer.icp" in group
