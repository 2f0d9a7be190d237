#!/usr/bin/env bash
# Installs what the real-VS Code test needs, from Debian and npm only (no browser or VS Code
# download): chromium, ripgrep, git (Compare with HEAD) and code-server's build tools from apt; code-server 4.100.3
# (the last release on Node 20) and playwright-core into $1 (about 300 MB the first time).
#
# When the Debian packages are missing: root (or password-less sudo) installs them; with
# CI=true anything else is an error; on a developer's machine without root the test is skipped:
# one line says so and the script exits with 10, which run.sh turns into success.
set -euo pipefail
mkdir -p "$1"
dest="$(cd "$1" && pwd)"
if [[ -x "$dest/node_modules/.bin/code-server" && -d "$dest/node_modules/playwright-core" ]] \
  && command -v chromium >/dev/null && command -v rg >/dev/null && command -v git >/dev/null; then
  exit 0
fi
missing=()
for p in build-essential python3 libkrb5-dev pkg-config ripgrep chromium git; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if (( ${#missing[@]} )); then
  if [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  elif [[ "${CI:-}" == true ]]; then
    echo "real-VS Code test: CI=true but ${missing[*]} missing and no root to install them" >&2
    exit 1
  else
    echo "real-VS Code test SKIPPED: needs ${missing[*]} (apt-get install as root; CI=true makes this an error)"
    exit 10
  fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi
mkdir -p "$dest"
# code-server's ripgrep postinstall downloads unless its cache holds the tarball: give it
# Debian's rg.
export TMPDIR="$dest/tmp"
cache="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
staging="$(mktemp -d)"
cp "$(command -v rg)" "$staging/rg"
tar -C "$staging" -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
rm -rf "$staging"
cd "$dest"
[[ -f package.json ]] || echo '{"private": true}' > package.json
npm_config_yes=true npm install --no-audit --no-fund --dangerously-allow-all-scripts --unsafe-perm \
  code-server@4.100.3 playwright-core@1.52.0
