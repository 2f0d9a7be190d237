#!/usr/bin/env bash
# Prints open-to-first-squiggle in code-server (median of RUNS fresh windows) for the packages
# `mvn package` made: the linux-x64 one on a PATH without Java, and the plain one finding the
# machine's Java. With a git revision, also the plain package built from that revision's
# extension sources ("before"), with the current server jar. Then the server's part alone
# (JVM spawn to first diagnostics, 2*RUNS rounds): the machine's java, the bundled runtime, and
# the bundled runtime with its class data sharing archive.
#   usage: measure.sh [RUNS] [BEFORE_REVISION]     (after mvn -B package -pl vscode-extension -am)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
before="${2:-}"
tools="${IAM_POLICY_LS_CODE_SERVER:-${XDG_CACHE_HOME:-$HOME/.cache}/iam-policy-ls/code-server-4.100.3}"
"$here/install.sh" "$tools"
variants=()
if [[ -n "$before" ]]; then
  old="$(mktemp -d)"
  trap 'rm -rf "$old"' EXIT
  git -C "$ext/.." archive "$before" vscode-extension | tar -x -C "$old"
  ln -s "$ext/node_modules" "$old/vscode-extension/node_modules"
  mkdir -p "$old/vscode-extension/server"
  cp "$ext/server/iam-policy-ls.jar" "$old/vscode-extension/server/"
  # Only the bundling step of its build: the jar copy would look for server/target beside it.
  (cd "$old/vscode-extension" && npx esbuild src/extension.ts --bundle --outfile=dist/extension.js \
    --external:vscode --platform=node --format=cjs --target=node18 --minify --log-level=warning \
    && npx vsce package --no-dependencies --skip-license --out before.vsix >/dev/null)
  variants+=("before ($before, Java lookup)=$old/vscode-extension/before.vsix")
fi
variants+=("plain package (Java lookup, remembered)=$ext/target/iam-policy-ls.vsix")
variants+=("linux-x64 package (bundled runtime, no Java on PATH)=$ext/target/iam-policy-ls-linux-x64.vsix:no-java")
node "$here/measure.mjs" "$tools" "$runs" "${variants[@]}"
echo "server part: spawn to first publishDiagnostics"
node "$here/measure-server.mjs" "$((runs * 2))" "$ext/server/iam-policy-ls.jar" \
  "java on the PATH ($(command -v java))=$(command -v java)" \
  "bundled runtime=$ext/runtime/bin/java" \
  "bundled runtime + archive=$ext/runtime/bin/java:archive"
