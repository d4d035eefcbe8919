"""Where ``govsite publish`` uploads to, and why a target may be refused.

A target is what rclone takes as a destination: ``remote:path`` for a remote named in
rclone's config or in ``RCLONE_CONFIG_<REMOTE>_*`` variables (``oss:bucket/xxgk``,
``webdav:xxgk``), or a local folder. ``site.yaml`` names it (``publish.target``, so
CI and editors publish to the same place) and ``--target`` overrides it.

rclone also accepts credentials inline: connection strings
(``:s3,access_key_id=…,secret_access_key=…:bucket``), ``user:password@`` in a URL.
site.yaml goes into git and a command line into shell history and CI logs, so a
target that looks as if it holds a secret is refused, and every message shows the
target masked (:func:`masked`): a secret is never repeated on screen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from govsite.publish.errors import PublishError

_SECRET_WORDS = ("key", "secret", "pass", "token", "auth", "cred", "sas", "cookie", "bearer", "session", "sign",
                 "private")
"""A connection-string option whose name contains one of these holds, or points at, a secret."""

_KEY_IDS = re.compile(r"\b(LTAI[0-9A-Za-z]{12,}|AKID[0-9A-Za-z]{12,}|AKIA[0-9A-Z]{12,}|ASIA[0-9A-Z]{12,})")
"""Access key ids of 阿里云 (LTAI…), 腾讯云 (AKID…) and AWS (AKIA…, ASIA…): the half of a key pair
that is easiest to paste by mistake into a bucket path."""

_USERINFO = re.compile(r"(://[^/@\s:]*):([^/@\s]*)@")
"""``scheme://user:password@host``."""


@dataclass(frozen=True)
class Target:
    """A checked publish target."""

    spec: str
    """What rclone is given: ``remote:path``, or the absolute path of a local folder."""
    field: str
    """Where it came from, for messages: ``--target`` or ``site.yaml publish.target``."""
    local: Path | None = None
    """The folder, for a local target."""

    def join(self, name: str) -> str:
        """The rclone path of ``name`` inside the target."""
        if self.spec.endswith(":"):
            return self.spec + name
        return self.spec.rstrip("/") + "/" + name

    @property
    def shown(self) -> str:
        return masked(self.spec)


def remote_section(spec: str) -> str | None:
    """The part before the colon that ends an rclone remote (``oss``, ``:s3,region=x``);
    None for a local path (no colon before the first slash, as rclone decides)."""
    quote = ""
    for n, char in enumerate(spec):
        if n == 0 and char == ":":  # an on-the-fly backend: ":s3,provider=…:bucket"
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "/" or char == "\\":
            return None
        elif char == ":":
            return spec[:n]
    return None


def _options(section: str) -> list[tuple[str, str]]:
    """``name=value`` options of a connection string (``remote,a=b,c="d,e"``)."""
    parts = re.findall(r",\s*([^=,]+)=(\"[^\"]*\"|'[^']*'|[^,]*)", section)
    return [(name.strip(), value) for name, value in parts]


def _secret_option(name: str) -> bool:
    return any(word in name.lower().replace("-", "_") for word in _SECRET_WORDS)


def masked(spec: str) -> str:
    """``spec`` with every secret replaced by ``***``: option values of a connection string,
    the password of a URL, access key ids."""
    section = remote_section(spec)
    if section is not None and "," in section:
        head, _, _rest = section.partition(",")
        shown = ",".join(f"{name}=***" for name, _value in _options(section))
        spec = f"{head},{shown}" + spec[len(section):]
    spec = _USERINFO.sub(r"\1:***@", spec)
    return _KEY_IDS.sub(lambda m: m.group(1)[:4] + "***", spec)


def _secret_found(spec: str) -> tuple[str, str] | None:
    """(Chinese, English) description of the secret ``spec`` seems to hold, or None."""
    section = remote_section(spec)
    if section is not None:
        names = [name for name, _value in _options(section) if _secret_option(name)]
        if names:
            return f"连接参数 {'、'.join(names)}", f"the connection option(s) {', '.join(names)}"
    if _USERINFO.search(spec):
        return "网址中的用户名和密码（user:password@）", "a user name and password in a URL (user:password@)"
    if _KEY_IDS.search(spec):
        return "一个访问密钥 ID（AccessKey）", "an access key id"
    return None


def parse_target(spec: str, field: str, base: Path) -> Target:
    """Check ``spec`` (from ``field``); a relative local folder is taken from ``base``
    (the site folder for site.yaml, the current folder for ``--target``)."""
    spec = spec.strip()
    if not spec:
        raise PublishError("E-PUBLISH-TARGET", field=field, value='""', detail_zh="为空", detail="it is empty")
    found = _secret_found(spec)
    if found is not None:
        raise PublishError("E-PUBLISH-SECRET", field=field, value=masked(spec), detail_zh=found[0], detail=found[1])
    if any(ord(char) < 32 for char in spec):
        raise PublishError("E-PUBLISH-TARGET", field=field, value=masked(spec), detail_zh="含有控制字符",
                           detail="it contains a control character")
    section = remote_section(spec)
    if section is None:
        folder = (base / Path(spec).expanduser()).resolve()
        return Target(str(folder), field, folder)
    if not re.fullmatch(r":?[\w.+@-][\w.+@ -]*(,.*)?", section) or section.endswith(" "):
        raise PublishError("E-PUBLISH-TARGET", field=field, value=masked(spec),
                           detail_zh=f"远程名 {section} 只能由字母、数字、_ - . + @ 和空格组成",
                           detail=f"the remote name {section} may only hold letters, digits, _ - . + @ and spaces")
    return Target(spec, field, None)


def check_not_overlapping(target: Target, out: Path) -> None:
    """A local target must not be the output folder, inside it, or contain it."""
    if target.local is None:
        return
    out = out.resolve()
    if target.local == out or out in target.local.parents or target.local in out.parents:
        raise PublishError("E-PUBLISH-TARGET", field=target.field, value=target.spec,
                           detail_zh=f"与输出目录 {out} 重叠（相同、在其中或包含它）",
                           detail=f"it overlaps the output folder {out} (the same, inside it or containing it)")


def configured_target(site: Path, given: str | None) -> Target:
    """``--target`` when given (relative to the current folder), else ``publish.target``
    of the site's ``site.yaml`` (relative to the site folder). Only that field is read:
    publishing does not need the rest of the site to be valid."""
    if given is not None:
        return parse_target(given, "--target", Path.cwd())
    from govsite.base.yamlsource import YamlError, locate, parse_yaml

    path = site / "site.yaml"
    try:
        text = path.read_text(encoding="utf-8")
        data = parse_yaml(text)
    except FileNotFoundError:
        raise PublishError("E-PUBLISH-NO-TARGET", file=path) from None
    except (OSError, UnicodeDecodeError, YamlError) as exc:
        raise PublishError("E-PUBLISH-TARGET", field=str(path), value="site.yaml",
                           detail_zh=f"文件无法读取（{exc}），请运行 govsite check", detail=f"unreadable ({exc}); run govsite check") from None
    publish = data.get("publish") if isinstance(data, dict) else None
    value = publish.get("target") if isinstance(publish, dict) else None
    if value is None or value == "":
        raise PublishError("E-PUBLISH-NO-TARGET", file=path)
    line = locate(text, ("publish", "target"))
    field = f"{path}{f':{line}' if line else ''} publish.target"
    if not isinstance(value, str):
        raise PublishError("E-PUBLISH-TARGET", field=field, value=masked(str(value)), detail_zh="不是文本",
                           detail="it is not text")
    return parse_target(value, field, site.resolve())
