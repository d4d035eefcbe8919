"""Pipeline files for GitLab CI, GitHub Actions and Gitee Go (``govsite ci-template``,
``govsite init --ci``).

A site that nobody pushes to still goes stale: scheduled items come due, columns age,
the annual-report deadline passes. So each pipeline runs ``govsite check --strict`` on
every push and merge request (the inspector's findings block publishing), builds and
publishes the main branch, and rebuilds every day. The daily run blocks on errors only:
a warning that only time brought must not stop the rebuild that keeps the site fresh.

The files are templates in ``ci_templates/`` with three slots: the branch, where pip
installs govsite from, and ``--site`` when the site is a subfolder of the repository.
Secrets are never in them: each names the CI setting (a GitLab file variable, a GitHub
secret, a Gitee Go parameter) that holds the rclone configuration.

A file is only replaced when govsite wrote it (its first line is :data:`MARKER`), or
with ``--force``: an IT person's own pipeline is never overwritten silently.

Gitee Go's format is its own (``.workflow/*.yml``, ``version: '1.0'``, stages of
``build@python`` steps whose ``commands`` run in one shell). It has one cron per
pipeline and no variable that tells a scheduled run from a push, so the daily rebuild
is a second pipeline file (docs/deploy.md says what was and was not tested).
"""
from __future__ import annotations

import shlex
from importlib import resources
from pathlib import Path

from govsite import __version__
from govsite.publish.errors import PublishError

MARKER = "written by govsite ci-template (由 govsite 生成，可用 govsite ci-template 重新生成)"

PIPELINES: dict[str, list[tuple[str, str]]] = {
    "gitlab": [(".gitlab-ci.yml", "gitlab.yml")],
    "github": [(".github/workflows/govsite.yml", "github.yml")],
    "gitee": [(".workflow/govsite.yml", "gitee.yml"), (".workflow/govsite-daily.yml", "gitee-daily.yml")],
}
"""Kind → (path in the repository, template) of each file written."""


def repository_root(site: Path) -> Path:
    """The git work tree holding ``site`` (a folder with ``.git``), or the site itself."""
    site = site.resolve()
    for folder in (site, *site.parents):
        if (folder / ".git").exists():
            return folder
    return site


def render(kind: str, template: str, site_arg: str, branch: str) -> str:
    text = resources.files("govsite.publish").joinpath("ci_templates", template).read_text(encoding="utf-8")
    return (text.replace("@MARKER@", MARKER).replace("@BRANCH@", branch)
            .replace("@GOVSITE_PIP@", f"govsite=={__version__}").replace("@SITE@", site_arg))


def _ours(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            return MARKER in fh.readline()
    except (OSError, UnicodeDecodeError):
        return False


def write_pipeline(site: Path, kind: str, force: bool = False, branch: str = "main",
                   root: Path | None = None) -> list[tuple[Path, str]]:
    """Write the pipeline files of ``kind`` at the root of the site's repository (``root``:
    a new site is its own); (path, "created" | "updated" | "unchanged") for each. Nothing is
    written when one of them exists and govsite did not write it, unless ``force``."""
    root = (root or repository_root(site)).resolve()
    rel = site.resolve().relative_to(root).as_posix()
    site_arg = "" if rel == "." else f" --site {shlex.quote(rel)}"
    planned = [(root / path, render(kind, template, site_arg, branch)) for path, template in PIPELINES[kind]]
    for path, _text in planned:
        if path.exists() and not force and not _ours(path):
            raise PublishError("E-CI-EXISTS", value=path, marker=MARKER)
    done = []
    for path, text in planned:
        if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
            done.append((path, "unchanged"))
            continue
        status = "updated" if path.exists() else "created"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        done.append((path, status))
    return done


_NEXT = {
    "gitlab": ("在 GitLab 项目的 设置 → CI/CD → 变量 中添加文件类型变量 RCLONE_CONFIG（rclone.conf 的内容，受保护）；"
               "在 构建 → 流水线计划 中添加每日计划（如 30 0 * * *，时区 Asia/Shanghai）",
               "in the GitLab project's Settings → CI/CD → Variables, add a File variable RCLONE_CONFIG (your "
               "rclone.conf, protected); in Build → Pipeline schedules, add a daily schedule (e.g. 30 0 * * *, "
               "Asia/Shanghai)"),
    "github": ("在 GitHub 仓库的 Settings → Secrets and variables → Actions 中添加 secret RCLONE_CONF（rclone.conf 的内容）；"
               "每日重建已写在文件中（北京时间 00:30）",
               "in the GitHub repository's Settings → Secrets and variables → Actions, add the secret RCLONE_CONF "
               "(your rclone.conf); the daily rebuild is in the file (00:30 Beijing time)"),
    "gitee": ("在 Gitee 仓库的 流水线 → 全局参数 中添加 RCLONE_CONF（rclone.conf 的内容；请用只能写本站点存储桶或目录的密钥）；"
              "然后在 Gitee Go 中启用这两条流水线",
              "in the Gitee repository's pipeline settings (全局参数), add RCLONE_CONF (your rclone.conf; use a key "
              "that may only write this site's bucket or folder); then enable both pipelines in Gitee Go"),
}


def next_steps(kind: str, lang: str) -> list[str]:
    """What the IT person still has to do in the CI service (secrets, schedule)."""
    zh, en = _NEXT[kind]
    if lang == "zh":
        return [f"下一步：{zh}；发布目标写在 site.yaml 的 publish.target 或变量 GOVSITE_TARGET 中（见 docs/deploy.md）"]
    return [f"next: {en}; the publish target is publish.target in site.yaml or the variable GOVSITE_TARGET "
            "(see docs/deploy.md)"]
