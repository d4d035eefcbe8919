"""Bugs the fuzz tests found, each pinned by a plain example."""
from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from govsite.cli import main
from govsite.base.yamlsource import YamlError, parse_yaml, split_front_matter
from govsite.importer.plan import with_notes
from tests.conftest import SiteFolder


def test_import_note_with_a_control_character_keeps_the_item_file_readable() -> None:
    """An unknown 体裁 kept as a YAML comment wrote its control characters raw: the file
    ``import items`` had just written was then E-YAML for ``check`` and every build."""
    text = with_notes("---\ntitle: x\ngenre: null\ntheme: null\n---\n正文\n", {"genre": "通\x08知\x7f", "theme": "a\x00b\u2028c"})
    split = split_front_matter(text)
    assert split is not None
    assert parse_yaml(split[0]) == {"title": "x", "genre": None, "theme": None}
    assert "通\\x08知\\x7f" in text and "a\\x00b c" in text


def test_a_mapping_as_a_key_is_a_yaml_problem() -> None:
    """``{a: 1}: x`` raised TypeError (unhashable dict) in the duplicate-key check."""
    for text in ("{a: 1}: x\n", "? [a, b]\n: c\n"):
        try:
            parse_yaml(text)
        except YamlError as exc:
            assert "unhashable" in exc.detail
        else:
            raise AssertionError(text)


def test_check_with_an_organization_id_that_is_a_list(site: SiteFolder) -> None:
    """``id: []`` in orgs.yaml stopped the W-ANNUAL-MISSING rule with TypeError."""
    orgs = (site.root / "content/orgs.yaml").read_text(encoding="utf-8")
    site.write("content/orgs.yaml", orgs + "- id: []\n  name: 某镇人民政府\n")
    result = CliRunner().invoke(main, ["check", "--site", str(site.root)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "E-TYPE" in result.output and "Traceback" not in result.output


def test_since_is_never_an_option_to_git(site: SiteFolder) -> None:
    """``--since=--output=FILE`` reached git as an option, and git wrote FILE into the site."""
    subprocess.run(["git", "init", "-q"], cwd=site.root, check=True)
    result = CliRunner().invoke(main, ["check", "--site", str(site.root), "--since=--output=pwned.txt"])
    assert result.exit_code == 1
    assert "not a git revision" in result.output
    assert not (site.root / "pwned.txt").exists() and not Path("pwned.txt").exists()


def test_import_refuses_a_nul_character(site: SiteFolder, tmp_path: Path) -> None:
    """A NUL in an export's cell was written into the item file, which ``check`` then
    refused (E-NUL): the import now refuses the record and writes nothing."""
    export = tmp_path / "export.csv"
    export.write_text("标题,发布机构,发布日期,正文\n通知,xzfb,2025-03-01,<p>正文\x00</p>\n", encoding="utf-8")
    before = sorted(p.name for p in (site.root / "content/items/xzfb/2025").iterdir())
    result = CliRunner().invoke(main, ["import", "items", str(export), "--site", str(site.root), "--lang", "en"])
    assert result.exit_code == 1
    assert "is a NUL" in result.output
    assert sorted(p.name for p in (site.root / "content/items/xzfb/2025").iterdir()) == before


def test_gazette_json_that_is_only_a_line_break(site: SiteFolder, tmp_path: Path) -> None:
    """A JSON file holding only a line break (or a \\u2028 before the error) raised
    IndexError while quoting the bad line."""
    for raw in (b"\n", "{\u2028\n,".encode("utf-8"), b"\n\n  x"):
        issue = tmp_path / "issue.json"
        issue.write_bytes(raw)
        result = CliRunner().invoke(main, ["import", "gazette", str(issue), "--site", str(site.root), "--lang", "en"])
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "not valid JSON" in result.output or "JSON" in result.output
