#!/usr/bin/env bash
# Neovim's own LSP client against the built jar, with the configuration the README gives.
# Installs Debian's neovim when nvim is missing (needs root or sudo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-$here/../../../server/target/iam-policy-ls.jar}"
[[ -f "$jar" ]] || { echo "$jar is missing: build the server first" >&2; exit 1; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

# The README must give users exactly the configurations this test loads.
readme="$(cat "$here/../../../README.md")"
for config in iam-policy-ls.lua lspconfig.lua; do
  snippet="$(cat "$here/../$config")"
  [[ "$readme" == *"$snippet"* ]] || { echo "README.md does not contain editors/neovim/$config as is" >&2; exit 1; }
done

source "$here/../../require-package.sh"
command -v nvim >/dev/null || require_package neovim nvim neovim

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/policy.json" "$work/policy.json"
cd "$work"
IAM_POLICY_LS_JAR="$jar" \
PROBE_DIR="$here/" PROBE_POLICY="$work/policy.json" HOME="$work" \
  timeout 300 nvim --headless -u NONE -i NONE -n -c "luafile $here/probe.lua" 2>&1
echo "neovim: diagnostics, completion and hover OK"
