#!/usr/bin/env bash
# Install everything the tests need and run every test (README: "Run the tests"; CI runs this).
#
# System packages (Debian/Ubuntu): Chinese fonts and Debian's Chromium for the browser
# tests, nginx, whose redirect map tests/redirects/test_nginx.py loads into a real
# server (started by the test on 127.0.0.1; the package's own service is not started),
# and rclone, through which tests/publish publishes to a local folder and to a WebDAV
# server the test starts on 127.0.0.1 (rclone serve webdav).
# Installed with apt-get as root or through sudo; without either, the script stops and
# prints the command to run. Python packages go into .venv/, axe-core into .node/.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in fonts-noto-cjk chromium nginx rclone; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "The tests need these system packages: ${need[*]}" >&2
      echo "Install them as root, then run this script again:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
      exit 2
    fi
  fi
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then  # keep apt from starting nginx on port 80
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    policy=1
  fi
  echo "Installing system packages: ${need[*]} (apt-get, a few minutes)…" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  [ -z "$policy" ] || $sudo rm -f /usr/sbin/policy-rc.d
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# axe-core for the accessibility tests (tests/a11y), pinned, into .node/ (git-ignored).
npm install --no-audit --no-fund --silent --prefix .node axe-core@4.14.1
.venv/bin/python -m pytest "$@"
