"""Messages of ``govsite publish`` and ``govsite ci-template``, merged into
:data:`govsite.i18n.MESSAGES` (data only: the error that carries one is
:class:`govsite.publish.errors.PublishError`).

Like every govsite message they name the file or option, the bad value and what is
allowed, in Chinese first (``--lang en`` for IT staff). A target is always shown
masked (:func:`govsite.publish.target.masked`), so a message never repeats a secret.
"""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "E-PUBLISH-NO-TARGET": {
        "zh": "没有发布目标：请在 {file} 中写 publish: {{target: \"远程名:路径\"}}（rclone 远程名，如 oss:bucket/xxgk），"
              "或使用 --target（rclone 远程名:路径，或本地目录）",
        "en": "no publish target: write publish: {{target: \"remote:path\"}} in {file} (an rclone remote, e.g. "
              "oss:bucket/xxgk), or give --target (an rclone remote:path, or a local folder)",
    },
    "E-PUBLISH-SECRET": {
        "zh": "{field} 的值 {value} 含有{detail_zh}，不能写在这里（site.yaml 会提交到代码仓库，命令行会留在历史记录和 CI 日志中）。"
              "密钥只能放在 rclone 的配置文件（rclone config）或环境变量 RCLONE_CONFIG_<远程名>_<参数> 中；"
              "这里只写远程名和路径，如 oss:bucket/xxgk",
        "en": "{field} has the value {value}, which contains {detail}; it must not be written there (site.yaml goes "
              "into the repository, a command line into the shell history and CI logs). Keep secrets in rclone's "
              "config file (rclone config) or in RCLONE_CONFIG_<REMOTE>_<OPTION> environment variables, and give "
              "only the remote and path here, e.g. oss:bucket/xxgk",
    },
    "E-PUBLISH-TARGET": {
        "zh": "{field} 的值 {value} 不是有效的发布目标：{detail_zh}；允许：rclone 远程名:路径（如 oss:bucket/xxgk、"
              "webdav:xxgk）或本地目录（如 /srv/www/xxgk）",
        "en": "{field} has the value {value}, which is not a publish target: {detail}; allowed: an rclone "
              "remote:path (e.g. oss:bucket/xxgk, webdav:xxgk) or a local folder (e.g. /srv/www/xxgk)",
    },
    "E-PUBLISH-NO-OUTPUT": {
        "zh": "{out} 不是 govsite 构建的输出目录（没有 {manifest}）；请先运行 govsite build{site_arg}",
        "en": "{out} is not an output folder built by govsite (it has no {manifest}); run govsite build{site_arg} first",
    },
    "E-PUBLISH-FILE": {
        "zh": "输出目录 {out} 中的 {value} {detail_zh}；govsite publish 只发布构建写出的普通文件，不跟随符号链接、"
              "不发布输出目录以外的文件。请重新运行 govsite build，不要手工修改输出目录",
        "en": "{value} in the output folder {out} {detail}; govsite publish publishes only the regular files the "
              "build wrote, never follows a symlink and never publishes a file outside the output folder. Run "
              "govsite build again instead of editing the output folder by hand",
    },
    "E-PUBLISH-RCLONE-MISSING": {
        "zh": "找不到 rclone（{value}）：govsite publish 通过 rclone 上传。请安装：Debian/Ubuntu 运行 "
              "sudo apt-get install rclone，其他系统见 https://rclone.org/install/",
        "en": "rclone was not found ({value}): govsite publish uploads through rclone. Install it: on Debian/Ubuntu "
              "sudo apt-get install rclone, elsewhere see https://rclone.org/install/",
    },
    "E-PUBLISH-RCLONE": {
        "zh": "发布在“{phase_zh}”这一步失败（rclone 退出码 {exit_code}）：{detail}。目标 {target} 上仍是上一次发布的网站，"
              "或旧页面加上本次已上传的新文件（页面中的链接都指向已有的文件）；排除问题后再次运行 govsite publish 即可完成发布",
        "en": "publishing failed at the step “{phase}” (rclone exit code {exit_code}): {detail}. The target {target} still "
              "serves the previous site, or old pages plus the new files uploaded so far (no page links to a "
              "missing file); fix the problem and run govsite publish again to complete it",
    },
    "E-CI-EXISTS": {
        "zh": "{value} 已存在，且不是 govsite 写的（没有 “{marker}” 这一行）；未修改。要用 govsite 的流水线替换它，"
              "请加 --force（原文件会被覆盖）",
        "en": "{value} exists and was not written by govsite (it has no line “{marker}”); left unchanged. To "
              "replace it with govsite's pipeline, add --force (the file is overwritten)",
    },
}
"""Codes of :mod:`govsite.publish`, Chinese first (documented in docs/content.md and docs/deploy.md)."""
