"""Environment failures end a command with one clear line, never a traceback (issue 15).

Each case is made for real: a read-only file system (a read-only bind mount or
tmpfs as root, where ``chmod`` does not stop writes; ``chmod`` otherwise), a busy
mount point, a full disk (a small tmpfs), a symlink loop, an unreadable file (the
command run as an unprivileged user when the tests run as root), too many open
files (``RLIMIT_NOFILE``) and Ctrl+C (a real SIGINT). Every case checks the exit
code (2: the environment stopped the command; 1: a problem of the content), the
one line on stderr and that the output folder is unchanged.
"""
from __future__ import annotations

import errno
import hashlib
import os
import resource
import shutil
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from govsite.cli import main
from govsite.environment_errors import EXIT_ENVIRONMENT, describe, is_environment_error
from tests.conftest import REPO, SiteFolder

ROOT = os.geteuid() == 0


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and symlink under ``folder`` with a digest of its bytes (or its target)."""
    found: dict[str, str] = {}
    if not folder.exists():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, folder)
            if os.path.islink(path):
                found[rel] = "-> " + os.readlink(path)
            else:
                with open(path, "rb") as fh:
                    found[rel] = hashlib.sha1(fh.read()).hexdigest()
    return found


def one_line(stderr: str) -> str:
    """The single non-empty line a failed command printed, with no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def govsite(*args: str, unprivileged: bool = False, nofile: int | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point (``govsite.cli.run``) in a child process, optionally
    with a limit on open files, or ``unprivileged``: as root, without the capabilities
    that let root read and search any file and folder (so mode bits apply to it too)."""
    def limit() -> None:
        if nofile is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    command = [sys.executable, "-m", "govsite.cli", *args]
    if unprivileged and ROOT:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux): root reads every file")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, text=True, preexec_fn=limit,
                          env={**os.environ, **(env or {})}, cwd="/", timeout=300)


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip()}): no real way to make this failure")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for real: a read-only bind mount over itself as root
    (root writes through any mode bits), else its mode bits."""
    if ROOT:
        _mount("--bind", str(folder), str(folder))
        try:
            _mount("-o", "remount,ro,bind", str(folder))
            yield
        finally:
            _umount(folder)
        return
    modes = {}
    for dirpath, _dirs, _files in os.walk(folder):
        modes[dirpath] = os.stat(dirpath).st_mode
        os.chmod(dirpath, 0o555)
    try:
        yield
    finally:
        for path, mode in modes.items():
            os.chmod(path, mode)


@contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[None]:
    if not ROOT:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", options, "tmpfs", str(folder))
    try:
        yield
    finally:
        _umount(folder)


@pytest.fixture
def built(site: SiteFolder) -> SiteFolder:
    result = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet", "--no-search"])
    assert result.exit_code == 0, result.output
    return site


def _retitle(site: SiteFolder) -> None:
    """A change that makes the next build write pages."""
    site.write_item(2, title="测试县人民政府办公室关于调整后的第2项工作的通知")


# --- the four cases seen in issue 15 ----------------------------------------------------------


@pytest.mark.parametrize("shape", ["self", "pair", "parent"])
def test_symlink_loop_in_content_is_a_problem_of_that_file(built: SiteFolder, shape: str) -> None:
    """Was ``OSError: [Errno 40]`` (or pathlib's RuntimeError): now E-PATH-LOOP, named, with the other problems."""
    items = built.root / "content/items"
    if shape == "self":
        (items / "xzfb/2025/loop").symlink_to(".")
        names = ["content/items/xzfb/2025/loop"]
    elif shape == "pair":
        (items / "a").symlink_to("b")
        (items / "b").symlink_to("a")
        names = ["content/items/a", "content/items/b"]
    else:
        (items / "xzfb/2025/up").symlink_to("../..")
        names = ["content/items/xzfb/2025/up"]
    built.write_item(3, publish_date="2024-02-30")  # another problem, reported in the same run
    before = snapshot(built.out)
    for command in (["check", "--no-inspect"], ["build", "--quiet"]):
        result = govsite(*command, "--site", str(built.root))
        text = result.stdout + result.stderr
        assert result.returncode == 1, text
        assert "Traceback" not in text
        for name in names:
            assert f"{name}: 错误 E-PATH-LOOP" in text
        assert "00003.md" in text and "2024-02-30" in text
    assert snapshot(built.out) == before


def test_read_only_output_folder(built: SiteFolder, tmp_path: Path) -> None:
    """Was ``OSError: [Errno 30] … .output.staging``: one line naming the folder, exit 2, output unchanged."""
    parent = tmp_path / "published"
    parent.mkdir()
    out = parent / "output"
    first = govsite("build", "--site", str(built.root), "--out", str(out), "--quiet", "--no-search")
    assert first.returncode == 0, first.stderr
    _retitle(built)
    before = snapshot(out)
    with read_only(parent):
        for lang, words in (("zh", "只读" if ROOT else "没有访问权限"), ("en", "read-only" if ROOT else "permission denied")):
            result = govsite("build", "--site", str(built.root), "--out", str(out), "--quiet", "--lang", lang)
            assert result.returncode == EXIT_ENVIRONMENT, result.stderr
            line = one_line(result.stderr)
            assert str(parent) in line and words in line
            assert ("请" if lang == "zh" else "remount" if ROOT else "check the permissions") in line
            assert snapshot(out) == before
    assert not (parent / ".output.staging").exists()


def test_read_only_site_builds_without_its_cache(built: SiteFolder, tmp_path: Path) -> None:
    """Was ``OSError: [Errno 30] … .govsite-cache/reads``. The read cache, the build stamp and the
    compiled templates only save time, so a read-only checkout builds into a writable --out without
    them; the site is not changed."""
    shutil.rmtree(built.root / ".govsite-cache")
    out = tmp_path / "preview"
    before = snapshot(built.root)
    with read_only(built.root):
        for _ in range(2):
            result = govsite("build", "--site", str(built.root), "--out", str(out), "--quiet", "--no-search")
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr
        check = govsite("check", "--site", str(built.root))
        assert check.returncode == 0 and "Traceback" not in check.stderr, check.stderr
    assert snapshot(built.root) == before
    assert (out / "index.html").is_file()


def test_read_only_site_whose_url_ledger_must_grow(built: SiteFolder, tmp_path: Path) -> None:
    """A build that must add URLs to urls.txt in a read-only site stops with one line naming urls.txt."""
    built.write_item(4)
    with read_only(built.root):
        result = govsite("build", "--site", str(built.root), "--out", str(tmp_path / "preview"), "--quiet",
                         "--no-search", "--lang", "en")
    assert result.returncode == EXIT_ENVIRONMENT, result.stderr
    line = one_line(result.stderr)
    assert str(built.root / "urls.txt") in line


def test_out_on_a_busy_mount_point(built: SiteFolder, tmp_path: Path) -> None:
    """Was ``OSError: [Errno 16] Device or resource busy``: a mount point cannot be swapped."""
    mnt = tmp_path / "mnt"
    with tmpfs(mnt, "size=16m"):
        (mnt / "keep.txt").write_text("not govsite's", encoding="utf-8")
        before = snapshot(mnt)
        for lang in ("zh", "en"):
            result = govsite("build", "--site", str(built.root), "--out", str(mnt), "--quiet", "--lang", lang)
            assert result.returncode == EXIT_ENVIRONMENT, result.stderr
            assert str(mnt) in one_line(result.stderr)
            assert snapshot(mnt) == before


# --- more failures of the machine -------------------------------------------------------------


def test_disk_full(built: SiteFolder, tmp_path: Path) -> None:
    """ENOSPC while writing the new pages: one line, exit 2, the previous output as it was."""
    disk = tmp_path / "disk"
    with tmpfs(disk, "size=4m"):
        out = disk / "output"
        first = govsite("build", "--site", str(built.root), "--out", str(out), "--quiet", "--no-search")
        assert first.returncode == 0, first.stderr
        with open(disk / "filler", "wb") as fh:  # fill the disk
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        _retitle(built)
        before = snapshot(out)
        result = govsite("build", "--site", str(built.root), "--out", str(out), "--quiet", "--no-search")
        assert result.returncode == EXIT_ENVIRONMENT, result.stderr
        line = one_line(result.stderr)
        assert "磁盘空间已满" in line and "ENOSPC" in line
        assert snapshot(out) == before
        # the first build's inspection report sits beside its output (output-report/)
        assert sorted(os.listdir(disk)) == [".output.lock", "filler", "output", "output-report"]


def test_unreadable_content_file_is_a_problem_of_that_file(built: SiteFolder) -> None:
    """A file the user may not read is named among the other problems (E-READ), not a traceback."""
    shutil.rmtree(built.root / ".govsite-cache")  # a cached parse would not read the file at all
    secret = built.root / "content/items/xzfb/2025/00002.md"
    closed = built.root / "content/items/xzfb/2025/closed"
    secret.chmod(0o000)
    closed.mkdir(mode=0o000)
    try:
        result = govsite("check", "--site", str(built.root), "--no-inspect", unprivileged=True)
        text = result.stdout + result.stderr
        assert result.returncode == 1, text
        assert "Traceback" not in text
        assert "content/items/xzfb/2025/00002.md: 错误 E-READ" in text and "EACCES" in text
        assert "content/items/xzfb/2025/closed: 错误 E-READ" in text
    finally:
        secret.chmod(0o644)
        closed.chmod(0o755)
    # The refusal was not cached: now that it is readable, the file is read again.
    again = govsite("check", "--site", str(built.root), "--no-inspect", unprivileged=True)
    assert again.returncode == 0, again.stdout + again.stderr


def test_too_many_open_files(built: SiteFolder, tmp_path: Path) -> None:
    """EMFILE (RLIMIT_NOFILE) is a failure of the process, not of a file: one line, exit 2."""
    out = tmp_path / "out"
    for lang in ("zh", "en"):
        result = govsite("build", "--site", str(built.root), "--out", str(out), "--quiet", "--lang", lang,
                         nofile=5)  # stdin, stdout, stderr and two more
        assert result.returncode == EXIT_ENVIRONMENT, (result.stdout, result.stderr)
        line = one_line(result.stderr)
        assert ("打开的文件过多" if lang == "zh" else "too many open files") in line
        assert "EMFILE" in line and "ulimit -n" in line
        assert not out.exists()


def test_name_too_long(built: SiteFolder, tmp_path: Path) -> None:
    out = tmp_path / ("x" * 300)
    result = govsite("build", "--site", str(built.root), "--out", str(out), "--quiet", env={"GOVSITE_LANG": "en"})
    assert result.returncode == EXIT_ENVIRONMENT, result.stderr
    line = one_line(result.stderr)
    assert "file name or path too long (ENAMETOOLONG)" in line and "…" in line


INTERRUPTED_BUILD = """
import os, signal, sys
import govsite.pipeline.pages as build_module
render = build_module.render_all
def interrupted(*args, **kwargs):
    render(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGINT)  # as Ctrl+C would, once the new pages are in the staging folder
    raise AssertionError("SIGINT did not interrupt the build")
build_module.render_all = interrupted
from govsite.cli import run
sys.argv[0] = "govsite"
run()
"""


def test_ctrl_c_during_a_build(built: SiteFolder) -> None:
    """A real SIGINT while pages are being rendered: one line, exit 2, no staging left, output unchanged."""
    _retitle(built)
    before = snapshot(built.out)
    for lang, text in (("zh", "已中断（Ctrl+C）。"), ("en", "Interrupted (Ctrl+C).")):
        result = subprocess.run([sys.executable, "-c", INTERRUPTED_BUILD, "build", "--site", str(built.root),
                                 "--quiet", "--lang", lang], capture_output=True, text=True, timeout=300)
        assert result.returncode == EXIT_ENVIRONMENT, result.stderr
        assert one_line(result.stderr) == text
        assert snapshot(built.out) == before
        assert not (built.root / ".output.staging").exists()


INTERRUPTED_POOL = """
import os, signal, sys
import govsite.pipeline.render_pages as render_module
render_one = render_module.render_one
def render_then_ctrl_c(spec):
    if not os.environ.get("SENT"):  # the first page of each worker: Ctrl+C, as a terminal sends it to the group
        os.environ["SENT"] = "1"
        os.killpg(0, signal.SIGINT)
    return render_one(spec)
render_module.render_one = render_then_ctrl_c
from govsite.cli import run
sys.argv[0] = "govsite"
run()
"""


def test_ctrl_c_reaches_the_render_workers_too(tmp_path: Path) -> None:
    """Ctrl+C goes to every process of the terminal's group. The render workers leave it to
    the main process (one line, exit 2), which stops them: no worker prints a traceback,
    and the interrupted first build leaves neither an output nor a staging folder."""
    site = tmp_path / "demo"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    result = subprocess.run([sys.executable, "-c", INTERRUPTED_POOL, "build", "--site", str(site), "--quiet",
                             "--no-search", "-j", "2", "--lang", "en"], capture_output=True, text=True, timeout=300,
                            start_new_session=True)  # its own process group: the SIGINT stays in it
    assert result.returncode == EXIT_ENVIRONMENT, result.stderr
    assert one_line(result.stderr) == "Interrupted (Ctrl+C)."
    assert "ForkPoolWorker" not in result.stderr
    assert sorted(p.name for p in site.iterdir()) == [".govsite-cache", ".output.lock", "content", "site.yaml"]


def test_serve_on_a_port_in_use(site: SiteFolder, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = govsite("serve", "--site", str(site.root), "--port", str(port), "--out", str(tmp_path / "preview"),
                         "--lang", "en")
    assert result.returncode == EXIT_ENVIRONMENT, result.stderr
    assert one_line(result.stderr) == ("error: the port is already in use (EADDRINUSE). Choose another with --port "
                                       "(--port 0: any free port).")


def test_out_of_memory(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    import govsite.content.loader as loader

    def exhausted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise MemoryError

    monkeypatch.setattr(loader, "read_many", exhausted)
    result = CliRunner().invoke(main, ["check", "--site", str(site.root), "--no-inspect"], env={"GOVSITE_LANG": "en"})
    assert result.exit_code == EXIT_ENVIRONMENT
    assert result.output.strip().startswith("error: out of memory (MemoryError). Close other programs")


# --- the one line itself ----------------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EBUSY,
                                  errno.ELOOP, errno.ENOENT, errno.EMFILE, errno.ENFILE, errno.ENAMETOOLONG,
                                  errno.EIO, errno.ENOMEM, errno.EADDRINUSE, 12345])
def test_every_errno_gives_one_line_in_both_languages(code: int) -> None:
    exc = OSError(code, os.strerror(code), "/srv/站点/out\nput")
    for lang in ("zh", "en"):
        line = describe(exc, lang)
        assert line is not None and "\n" not in line
        assert "/srv/站点/out\\x0aput" in line
        assert line.startswith("错误：" if lang == "zh" else "error: ")
    assert is_environment_error(exc)


def test_a_closed_pipe_is_left_to_click() -> None:
    assert not is_environment_error(BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert not is_environment_error(ValueError("a bug"))


def test_traceback_on_request(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    """GOVSITE_TRACEBACK=1 lets IT staff see where an environment failure came from."""
    import govsite.content.loader as loader

    def denied(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied", "/x")

    monkeypatch.setattr(loader, "read_many", denied)
    result = CliRunner().invoke(main, ["check", "--site", str(site.root), "--no-inspect"],
                                env={"GOVSITE_TRACEBACK": "1"})
    assert isinstance(result.exception, PermissionError)
