"""rclone as a subprocess: the one tool that reaches every host counties use (a local
folder, SFTP, WebDAV, S3-compatible object storage: 阿里云 OSS, 腾讯云 COS, 华为云 OBS,
七牛, MinIO) with its own handling of retries, credentials and each provider's quirks.

rclone runs with its JSON log (``--use-json-log -v``), so that what it copied and
deleted is counted from its own words, and a failure is reported with rclone's
error messages and the phase it happened in. Credentials never pass through govsite:
rclone reads them from its config file or the ``RCLONE_CONFIG_*`` environment.
``GOVSITE_RCLONE`` names another rclone binary.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field

from govsite.publish.errors import PublishError
from govsite.publish.phases import NAMES
from govsite.publish.target import masked

MISSING = (3, 4)
"""rclone's exit codes for a directory or file that does not exist."""

_DETAIL_LIMIT = 3
_LINE_LIMIT = 400


@dataclass
class Outcome:
    """What one rclone command did."""

    code: int
    stdout: bytes = b""
    copied: list[str] = field(default_factory=list)
    """Objects rclone reports as copied (``Copied (new)``, ``Copied (replaced existing)``)."""
    deleted: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def binary() -> str:
    """The rclone executable, or :class:`PublishError` saying how to install it."""
    name = os.environ.get("GOVSITE_RCLONE", "rclone")
    found = shutil.which(name)
    if found is None:
        raise PublishError("E-PUBLISH-RCLONE-MISSING", value=name)
    return found


def _read_log(stderr: bytes, outcome: Outcome) -> None:
    for raw in stderr.decode("utf-8", "replace").splitlines():
        line = raw.strip()
        if not line:
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not isinstance(entry, dict):  # a fatal error before logging was set up is plain text
            outcome.errors.append(line)
            continue
        msg = str(entry.get("msg", ""))
        obj = str(entry.get("object", ""))
        if msg.startswith("Copied"):
            outcome.copied.append(obj)
        elif msg == "Deleted":
            outcome.deleted.append(obj)
        elif entry.get("level") in ("error", "critical", "fatal"):
            outcome.errors.append(f"{obj}: {msg}" if obj else msg)


def run(args: list[str], phase: str, target: str, stdin: bytes | None = None,
        allowed: tuple[int, ...] = (0,)) -> Outcome:
    """Run ``rclone ARGS``; any exit code outside ``allowed`` is a :class:`PublishError`
    naming ``phase`` (a key of :data:`~govsite.publish.phases.NAMES`) and rclone's messages."""
    command = [binary(), *args, "--use-json-log", "-v", "--stats", "0"]
    proc = subprocess.run(command, input=stdin, capture_output=True, check=False)
    outcome = Outcome(proc.returncode, proc.stdout)
    _read_log(proc.stderr, outcome)
    if proc.returncode not in allowed:
        zh, en = NAMES[phase]
        raise PublishError("E-PUBLISH-RCLONE", phase_zh=zh, phase=en, exit_code=proc.returncode,
                           target=masked(target), detail=failure_text(outcome))
    return outcome


def failure_text(outcome: Outcome) -> str:
    """rclone's first few distinct error messages, each cut short and masked."""
    seen: list[str] = []
    for error in outcome.errors:
        text = masked(error.replace("\n", " "))[:_LINE_LIMIT]
        if text not in seen:
            seen.append(text)
    if not seen:
        return "rclone 未给出原因 / rclone gave no reason"
    more = len(outcome.errors) - len(seen[:_DETAIL_LIMIT])
    return "; ".join(seen[:_DETAIL_LIMIT]) + (f" (+{more})" if more > 0 else "")
