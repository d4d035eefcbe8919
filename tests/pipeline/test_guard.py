"""The output guard (govsite/pipeline/guard.py): ``--out`` never deletes what govsite
did not make. Each case of issue 15 §1, through the command line an IT person
types, asserting the message, the exit code and that every file is still there."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from govsite.pipeline.build import build
from govsite.pipeline.guard import OutputRefused, check_output
from govsite.cli import main
from tests.conftest import SiteFolder, tree as snapshot



def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def refused(args: list[str | Path], protected: Path, *names: str) -> str:
    """Run ``govsite`` with ``args``; assert a refusal (exit 2) naming ``names``
    that leaves every file under ``protected`` as it was."""
    before = snapshot(protected)
    code, output = run(*args)
    assert code == 2, output
    assert "Traceback" not in output and len(output.strip().splitlines()) <= 4
    for name in names:
        assert name in output, output
    assert snapshot(protected) == before
    return output


def test_out_is_the_site_folder(site: SiteFolder) -> None:
    out = refused(["build", "--site", site.root, "--out", site.root], site.root, str(site.root), "站点目录本身",
                  "未读取或写入任何文件")
    assert (site.root / "site.yaml").is_file() and (site.root / "content/orgs.yaml").is_file()
    assert "content/" in out


def test_out_inside_content(site: SiteFolder) -> None:
    refused(["build", "--site", site.root, "--out", site.root / "content"], site.root, str(site.root / "content"),
            "content")


@pytest.mark.parametrize("inside", ["content/items", "templates", "static/css", ".git", ".govsite-cache/x"])
def test_out_inside_any_input(site: SiteFolder, inside: str) -> None:
    (site.root / inside).mkdir(parents=True, exist_ok=True)
    site.write("templates/keep.html", "{# mine #}")
    refused(["build", "--site", site.root, "--out", site.root / inside, "--lang", "en"], site.root,
            str(site.root / inside), "lies inside the site's " + inside.split("/")[0])


def test_out_containing_the_site(tmp_path: Path, site: SiteFolder) -> None:
    """``--site p3/site --out p3``: p3 holds the site and an unrelated file."""
    keep = tmp_path / "keep" / "file.txt"
    keep.parent.mkdir()
    keep.write_text("unrelated", encoding="utf-8")
    refused(["build", "--site", site.root, "--out", tmp_path], tmp_path, str(tmp_path), str(site.root), "包含站点目录")
    assert keep.read_text(encoding="utf-8") == "unrelated"


def test_out_through_a_symlink_to_the_site(tmp_path: Path, site: SiteFolder) -> None:
    link = tmp_path / "looks-harmless"
    link.symlink_to(site.root)
    refused(["build", "--site", site.root, "--out", link], site.root, str(site.root))


def test_foreign_folder_is_refused_unless_forced(tmp_path: Path, site: SiteFolder) -> None:
    """``--out p4`` where p4 holds someone's thesis: refused, naming what would go."""
    p4 = tmp_path / "p4"
    (p4 / "chapters").mkdir(parents=True)
    (p4 / "thesis.docx").write_bytes(b"PK\x03\x04 thesis")
    (p4 / "chapters" / "one.docx").write_bytes(b"PK\x03\x04 one")
    out = refused(["build", "--site", site.root, "--out", p4], p4, "thesis.docx", "chapters", "--force-out", "3 个文件")
    assert str(p4) in out
    code, output = run("build", "--site", site.root, "--out", p4, "--force-out", "--quiet", "--no-search")
    assert code == 0, output
    assert (p4 / "index.html").is_file() and not (p4 / "thesis.docx").exists()


def test_previous_output_and_empty_folder_are_fine(tmp_path: Path, site: SiteFolder) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(site.root, out=empty, quick=True).ok
    site.write_item(4)
    assert build(site.root, out=empty, quick=True).ok  # its own output: replaced without --force-out
    assert (empty / "index.html").is_file()


def test_a_file_is_not_an_output_folder(site: SiteFolder) -> None:
    path = site.write("public.txt", "a file, not a folder")
    with pytest.raises(OutputRefused) as info:  # the library; the command line is stopped by click already
        build(site.root, out=path)
    assert "不是目录" in info.value.message("zh")
    assert path.read_text(encoding="utf-8") == "a file, not a folder"
    refused(["build", "--site", site.root, "--out", path], site.root, "is a file")


@pytest.mark.parametrize("where", ["root", "home"])
def test_root_and_home_are_refused(site: SiteFolder, where: str) -> None:
    target = Path("/") if where == "root" else Path.home()
    with pytest.raises(OutputRefused) as info:
        check_output(site.root, target)
    assert info.value.kind == "system"
    assert str(target) in info.value.message("zh")


def test_home_parent_is_refused(site: SiteFolder) -> None:
    if Path.home().resolve() == Path("/"):
        pytest.skip("the home folder is / here")
    with pytest.raises(OutputRefused):
        check_output(site.root, Path.home().resolve().parent)


@pytest.fixture
def mount_point(tmp_path: Path):  # type: ignore[no-untyped-def]
    point = tmp_path / "mnt"
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "govsite-test", str(point)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    yield point
    subprocess.run(["umount", str(point)], check=False)


def test_mount_point_is_refused(site: SiteFolder, mount_point: Path) -> None:
    (mount_point / "data.txt").write_text("on the mount", encoding="utf-8")
    out = refused(["build", "--site", site.root, "--out", mount_point, "--force-out"], mount_point, "挂载点",
                  str(mount_point))
    assert f"{mount_point}/site" in out
    code, output = run("build", "--site", site.root, "--out", mount_point / "site", "--quiet", "--no-search")
    assert code == 0, output  # a folder below the mount point is fine


def test_serve_obeys_the_same_rules(tmp_path: Path, site: SiteFolder) -> None:
    p4 = tmp_path / "p4"
    p4.mkdir()
    (p4 / "thesis.docx").write_bytes(b"thesis")
    refused(["serve", "--site", site.root, "--out", p4, "--port", "0"], p4, "thesis.docx", "--force-out")
    refused(["serve", "--site", site.root, "--out", site.root, "--port", "0"], site.root, "站点目录本身")
    refused(["serve", "--site", site.root, "--out", site.root / "content", "--port", "0"], site.root, "content")


def test_foreign_folder_with_the_staging_name_is_kept(site: SiteFolder) -> None:
    """A build stages beside the output in ``.output.staging`` and removes leftovers
    of its own there; a user's folder of that name is never removed."""
    mine = site.root / ".output.staging"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    refused(["build", "--site", site.root], site.root, str(mine))
    shutil.rmtree(mine)
    code, output = run("build", "--site", site.root, "--quiet", "--no-search")
    assert code == 0, output
