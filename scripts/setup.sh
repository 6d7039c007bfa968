#!/usr/bin/env bash
# Sets up a fresh machine for dmap-planner: the Debian packages that `canvas` (under
# chartjs-node-canvas) compiles against, because no prebuilt canvas binary can be
# downloaded here, and Chromium, which the report tests open report.html in; then the
# npm dependencies; then the build. Safe to run again: it skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(build-essential python3 pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev chromium)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian-like system; make sure cairo, pango, libjpeg, giflib and librsvg development files are installed" >&2
fi

# npm ci wipes node_modules and rebuilds canvas (about a minute); skip it when the
# installed tree already matches the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npm run --silent build
