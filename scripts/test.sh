#!/usr/bin/env bash
# Install the test dependencies into .venv and run every test (README: "Run the tests").
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# axe-core for the accessibility tests (tests/a11y), pinned, into .node/ (git-ignored).
npm install --no-audit --no-fund --silent --prefix .node axe-core@4.14.1
.venv/bin/python -m pytest "$@"
