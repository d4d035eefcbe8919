#!/usr/bin/env bash
# Build the demo county site and serve it on http://127.0.0.1:8000/ (README: "See the demo").
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q -e .
.venv/bin/govsite serve --site . --port "${PORT:-8000}"
