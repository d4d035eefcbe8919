"""The annual report data file (年度报告数据) ``content/annual/<org>/<year>.yaml``.

It holds table 二's entered rows (行政许可, 行政处罚, 行政强制 counts and the 行政事业性收费
total in 万元) and tables 三 and 四. Every cell is checked: integers ≥ 0 (the fee a
number ≥ 0 with at most two decimals); a missing or unknown key is named with
its line. The cross-checks live in :mod:`govsite.annual.checks`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from govsite.annual.layout import FEE_KEY, T2_ENTERED, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS
from govsite.content.reader import read_yaml_file
from govsite.base.yamlsource import locate
from govsite.problems import Problem, Severity

ANNUAL_DIR = "content/annual"
TOP_KEYS: tuple[str, ...] = ("org", "year", "report", "table2", "table3", "table4")


@dataclass
class AnnualData:
    """One organization's numbers for one year, as read and checked cell by cell."""

    source: str
    """Path relative to the site folder, e.g. content/annual/xzf/2025.yaml."""
    text: str
    digest: str
    org: str
    year: int
    report: str | None
    """索引号 of the report page (an item with 体裁 年报)."""
    table2: dict[str, int | Decimal] = field(default_factory=dict)
    table3: dict[tuple[str, ...], dict[str, int]] = field(default_factory=dict)
    """Row path → column → count."""
    table4: dict[tuple[str, ...], dict[str, int]] = field(default_factory=dict)
    """Group path → column → count."""

    def line(self, *path: object) -> int | None:
        """Line of a cell (or of its nearest existing parent) in the file."""
        return locate(self.text, tuple(path))


def _tree(paths: list[tuple[str, ...]]) -> dict[str, Any]:
    """Nested dict of the keys that must exist (leaf value: None)."""
    root: dict[str, Any] = {}
    for path in paths:
        node = root
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = None
    return root


def expected_tree() -> dict[str, Any]:
    """Every key the data file must have under table2/table3/table4."""
    paths: list[tuple[str, ...]] = [("table2", key) for key, _, _ in T2_ENTERED]
    paths += [("table3", "rows", *row.path, col) for row in T3_ROWS for col in T3_COLUMNS]
    paths += [("table4", *group, col) for group in T4_GROUPS for col in T4_COLUMNS]
    return _tree(paths)


class _Reader:
    def __init__(self, rel: str, text: str, problems: list[Problem]) -> None:
        self.rel, self.text, self.problems = rel, text, problems

    def add(self, code: str, path: tuple[Any, ...], value: Any, **params: Any) -> None:
        self.problems.append(Problem(code, Severity.ERROR, self.rel, locate(self.text, path), ".".join(map(str, path)),
                                     value, params))

    def walk(self, data: Any, expected: dict[str, Any], path: tuple[str, ...], out: dict[tuple[str, ...], Any]) -> None:
        """Check ``data`` against ``expected``; leaves go into ``out`` by path."""
        if not isinstance(data, dict):
            self.add("E-TYPE", path, data, expected="“字段: 值”映射 / mapping")
            return
        for key in data:
            if str(key) not in expected:
                self.add("E-UNKNOWN-FIELD", path + (str(key),), data[key], allowed="、".join(expected))
        for key, sub in expected.items():
            here = path + (key,)
            if key not in data:
                self.add("E-MISSING", here, None)
            elif sub is None:
                out[here] = data[key]
            else:
                self.walk(data[key], sub, here, out)


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _fee(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return amount


def read_data(root: Path, rel: str, problems: list[Problem]) -> AnnualData | None:
    """Read and check one data file; None when it is unusable (problems say why)."""
    read = read_yaml_file(rel, (root / rel).read_bytes())
    problems.extend(read.problems)
    if read.problems:
        return None
    reader = _Reader(rel, read.yaml_text, problems)
    data = read.data
    if not isinstance(data, dict):
        problems.append(Problem("E-NOT-MAPPING", Severity.ERROR, rel, 1, None, type(data).__name__))
        return None
    before = len(problems)
    for key in data:
        if key not in TOP_KEYS:
            reader.add("E-UNKNOWN-FIELD", (str(key),), data[key], allowed="、".join(TOP_KEYS))
    for key in ("org", "year"):
        if key not in data:
            reader.add("E-MISSING", (key,), None)
    cells: dict[tuple[str, ...], Any] = {}
    reader.walk({k: v for k, v in data.items() if k in ("table2", "table3", "table4")}, expected_tree(), (), cells)
    parsed = AnnualData(rel, reader.text, read.digest, str(data.get("org", "")), 0, None)
    year = data.get("year")
    if not (isinstance(year, int) and not isinstance(year, bool) and 2008 <= year <= 9999):
        if "year" in data:
            reader.add("E-ANNUAL-CELL", ("year",), year, expected="四位年份（2008 年《条例》施行以后），如 2025")
    else:
        parsed.year = year
    report = data.get("report")
    if report is not None and not isinstance(report, str):
        reader.add("E-TYPE", ("report",), report, expected="文本 / text（报告页面的索引号）")
    parsed.report = report.strip() if isinstance(report, str) and report.strip() else None
    for path, value in cells.items():
        if path == ("table2", FEE_KEY):
            amount = _fee(value)
            if amount is None:
                reader.add("E-ANNUAL-CELL", path, value, expected="不小于 0 的金额（万元），最多两位小数，如 193.85")
            else:
                parsed.table2[FEE_KEY] = amount
            continue
        count = _count(value)
        if count is None:
            reader.add("E-ANNUAL-CELL", path, value, expected="不小于 0 的整数")
            continue
        if path[0] == "table2":
            parsed.table2[path[1]] = count
        elif path[0] == "table3":
            parsed.table3.setdefault(path[2:-1], {})[path[-1]] = count
        else:
            parsed.table4.setdefault(path[1:-1], {})[path[-1]] = count
    return parsed if len(problems) == before else None


def data_path(org_id: str, year: int) -> str:
    """Where the data file of ``org_id`` for ``year`` lives (relative to the site)."""
    return f"{ANNUAL_DIR}/{org_id}/{year}.yaml"
