"""Helpers for annual report tests: a site with one report, and cell edits in its data file."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from govsite.cli import main

RUNNER = CliRunner()
DATA = "content/annual/xzf/2025.yaml"
"""The data file of the test report (测试县人民政府, 2025)."""


def run(*args: str):  # type: ignore[no-untyped-def]
    return RUNNER.invoke(main, list(args))


def set_row(path: Path, key: str, values: list[int], occurrence: int = 1) -> int:
    """Set the cells of the flow-mapping row ``key`` (its ``occurrence``-th line); returns its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    seen = 0
    for i, line in enumerate(lines):
        m = re.match(rf"^(\s*{re.escape(key)}: )\{{([^}}]*)\}}(.*)$", line)
        if m:
            seen += 1
            if seen == occurrence:
                names = [part.split(":")[0].strip() for part in m.group(2).split(",")]
                assert len(names) == len(values), (names, values)
                cells = ", ".join(f"{n}: {v}" for n, v in zip(names, values))
                lines[i] = f"{m.group(1)}{{{cells}}}{m.group(3)}"
                path.write_text("\n".join(lines), encoding="utf-8")
                return i + 1
    raise AssertionError(f"no row {key}")


def set_scalar(path: Path, key: str, value: str) -> int:
    """Set a ``key: value`` line (table 二's entered rows); returns its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        m = re.match(rf"^(\s*{re.escape(key)}: )[^#]*?(\s+#.*)?$", line)
        if m:
            lines[i] = f"{m.group(1)}{value}{m.group(2) or ''}"
            path.write_text("\n".join(lines), encoding="utf-8")
            return i + 1
    raise AssertionError(f"no key {key}")


def consistent(data: Path) -> None:
    """Fill ``data`` with a small consistent report (totals per DOMAIN §3.4–3.5)."""
    set_row(data, "本年新收", [5, 2, 0, 1, 0, 0, 8])
    set_row(data, "上年结转", [1, 0, 0, 0, 0, 0, 1])
    set_row(data, "予以公开", [3, 1, 0, 1, 0, 0, 5])
    set_row(data, "保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1])
    set_row(data, "本机关不掌握相关政府信息", [1, 1, 0, 0, 0, 0, 2])
    set_row(data, "总计", [5, 2, 0, 1, 0, 0, 8])
    set_row(data, "结转下年度", [1, 0, 0, 0, 0, 0, 1])
    set_row(data, "行政复议", [1, 1, 0, 0, 2])
    set_row(data, "复议后起诉", [0, 0, 0, 1, 1])
    set_scalar(data, "行政许可", "37")
    set_scalar(data, "行政事业性收费", "12.50")
