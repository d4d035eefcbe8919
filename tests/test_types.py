"""``mypy govsite`` is clean (the configuration is pyproject.toml's ``[tool.mypy]``).

Run here so that CI (``.ci/run`` → ``scripts/test.sh`` → pytest) fails on a type error
as it fails on a broken test. Nothing is cached: a stale cache could hide an error.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_type_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", os.devnull,
                                      "--no-error-summary", "--hide-error-context", "govsite"])
    assert status == 0, report + errors
    assert "error:" not in report


def test_mypy_would_report_an_error(tmp_path: Path) -> None:
    """The check above can fail: the same run over a module with a type error."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f(x: int) -> str:\n    return x\n", encoding="utf-8")
    report, _errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", os.devnull,
                                       str(bad)])
    assert status == 1 and 'Incompatible return value type (got "int", expected "str")' in report
