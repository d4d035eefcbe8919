"""Where ``govsite publish`` goes: site.yaml's ``publish.target`` or ``--target``; a
target that holds a credential is refused and never shown in full; the phase of
every kind of output file; rclone missing."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govsite.publish.errors import PublishError
from govsite.publish.phases import phase_of
from govsite.publish.target import check_not_overlapping, configured_target, masked, parse_target
from tests.conftest import SITE_YAML, SiteFolder
from tests.publish.publish_helpers import build, publish

SECRETS = [
    (":s3,provider=Alibaba,access_key_id=LTAI5tAbCdEfGhIjKlMn,secret_access_key=s3cr3tValue:bucket/xxgk",
     ["LTAI5tAbCdEfGhIjKlMn", "s3cr3tValue"]),
    ("oss,secret_access_key='s3cr3t,Value':bucket", ["s3cr3t"]),
    (":sftp,host=10.0.0.5,user=www,pass=hunter2hunter2:/srv/www", ["hunter2hunter2"]),
    (":webdav,url='https://www:Pa55word@dav.example.gov.cn/':xxgk", ["Pa55word"]),
    ("cos:bucket/AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/xxgk", ["AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"]),
    (":s3,session_token=tok3nTok3n:bucket", ["tok3nTok3n"]),
]


@pytest.mark.parametrize("spec,secrets", SECRETS)
def test_a_target_with_a_credential_is_refused_and_masked(spec: str, secrets: list[str]) -> None:
    with pytest.raises(PublishError) as exc:
        parse_target(spec, "--target", Path.cwd())
    assert exc.value.code == "E-PUBLISH-SECRET"
    for lang in ("zh", "en"):
        text = exc.value.message(lang)
        assert "--target" in text and "RCLONE_CONFIG_" in text
        assert not any(secret in text for secret in secrets)
    assert not any(secret in masked(spec) for secret in secrets)


@pytest.mark.parametrize("spec", ["oss:bucket/xxgk", "webdav:", "my remote:site", ":s3,provider=Alibaba,region=oss-cn-hangzhou:b",
                                  "sftp-intranet:/srv/www/xxgk"])
def test_remotes_without_secrets_are_accepted(spec: str) -> None:
    target = parse_target(spec, "--target", Path.cwd())
    assert target.spec == spec and target.local is None


def test_a_local_folder_is_taken_from_the_site_folder_for_site_yaml(site: SiteFolder, tmp_path: Path) -> None:
    site.write("site.yaml", yaml.safe_dump({**SITE_YAML, "publish": {"target": "../www"}}, allow_unicode=True))
    target = configured_target(site.root, None)
    assert target.local == (site.root.parent / "www").resolve()
    assert "publish.target" in target.field and "site.yaml:" in target.field
    override = configured_target(site.root, "oss:bucket/xxgk")
    assert override.spec == "oss:bucket/xxgk" and override.field == "--target"


def test_a_secret_in_site_yaml_is_refused_with_its_line(site: SiteFolder) -> None:
    site.write("site.yaml", yaml.safe_dump({**SITE_YAML, "publish": {"target": ":s3,secret_access_key=abc123:b"}},
                                           allow_unicode=True))
    from click.testing import CliRunner

    from govsite.cli import main

    result = CliRunner().invoke(main, ["publish", "--site", str(site.root)])
    assert result.exit_code == 2 and "不能写在这里" in result.output and "abc123" not in result.output
    with pytest.raises(PublishError) as exc:
        configured_target(site.root, None)
    text = exc.value.message("en")
    assert "site.yaml:" in text and "publish.target" in text and "abc123" not in text
    assert "secret_access_key=***" in text


def test_site_yaml_accepts_the_publish_key(site: SiteFolder) -> None:
    site.write("site.yaml", yaml.safe_dump({**SITE_YAML, "publish": {"target": "oss:bucket/xxgk"}}, allow_unicode=True))
    build(site)


def test_no_target_names_site_yaml_and_the_option(site: SiteFolder) -> None:
    from click.testing import CliRunner

    from govsite.cli import main

    build(site)
    result = CliRunner().invoke(main, ["publish", "--site", str(site.root), "--lang", "en"])
    assert result.exit_code == 2
    assert "no publish target" in result.output and "site.yaml" in result.output and "--target" in result.output
    zh = CliRunner().invoke(main, ["publish", "--site", str(site.root)])
    assert "没有发布目标" in zh.output


def test_a_local_target_may_not_overlap_the_output(tmp_path: Path) -> None:
    out = tmp_path / "site/output"
    out.mkdir(parents=True)
    for spec in (out, out / "www", tmp_path / "site"):
        with pytest.raises(PublishError) as exc:
            check_not_overlapping(parse_target(str(spec), "--target", Path.cwd()), out)
        assert "overlaps the output folder" in exc.value.message("en")
    check_not_overlapping(parse_target(str(tmp_path / "www"), "--target", Path.cwd()), out)


def test_rclone_missing_says_how_to_install_it(site: SiteFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(site)
    monkeypatch.setenv("GOVSITE_RCLONE", "rclone-not-installed-here")
    result = publish(site, tmp_path / "www")
    assert result.exit_code == 2
    assert "rclone was not found (rclone-not-installed-here)" in result.output and "apt-get install rclone" in result.output


@pytest.mark.parametrize("path,phase", [
    ("assets/style.css", ("files", 0)),
    ("files/attachments/2025/a.pdf", ("files", 0)),
    ("zfgb/2025/01/gb202501.pdf", ("files", 0)),
    ("data/items-2025.csv", ("files", 0)),
    ("xxgk/xzfb/2025/00001.html", ("pages", 0)),
    ("zfgb/2025/01/1.html", ("pages", 0)),
    ("index.html", ("listings", 0)),
    ("xxgk/gfxwj/index_2.html", ("listings", 0)),
    ("404.html", ("listings", 0)),
    ("_redirects", ("listings", 0)),
    ("redirects.nginx.conf", ("listings", 0)),
    ("feeds/latest.xml", ("feeds", 0)),
    ("sitemap.xml", ("feeds", 0)),
    ("robots.txt", ("feeds", 0)),
    ("data/manifest.json", ("feeds", 0)),
    ("pagefind/fragment/a.pf_fragment", ("search", 0)),
    ("pagefind/titles/pagefind.zxx_1.pf_meta", ("search", 1)),
    ("pagefind/titles/pagefind-entry.json", ("search", 2)),
    ("pagefind/govsite-shards.json", ("search", 2)),
])
def test_every_kind_of_output_file_has_its_phase(path: str, phase: tuple[str, int]) -> None:
    assert phase_of(path) == phase


def test_a_redirect_page_goes_with_the_listings() -> None:
    head = b'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta http-equiv="refresh" content="0; url=/xxgk/">'
    assert phase_of("art/2024/6/5/art_1_2.html", head) == ("listings", 0)
