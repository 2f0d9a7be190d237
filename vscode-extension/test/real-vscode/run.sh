#!/usr/bin/env bash
# The real-VS Code test: code-server + headless Chromium against the linux-x64 .vsix (its own
# Java runtime), on a PATH without Java. Part of `mvn verify`; -DskipRealVscode leaves it out.
# Installs code-server and playwright-core once under ~/.cache/iam-policy-ls (or
# $IAM_POLICY_LS_CODE_SERVER); without root to install Chromium it is skipped, except with CI=true.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
tools="${IAM_POLICY_LS_CODE_SERVER:-${XDG_CACHE_HOME:-$HOME/.cache}/iam-policy-ls/code-server-4.100.3}"
vsix="$ext/target/iam-policy-ls-linux-x64.vsix"
if [[ ! -f "$vsix" ]]; then
  echo "real-VS Code test SKIPPED: no $vsix (it is made on linux-x64 only)"
  exit 0
fi
status=0
"$here/install.sh" "$tools" || status=$?
if (( status == 10 )); then
  exit 0
elif (( status != 0 )); then
  exit "$status"
fi
node "$here/drive.mjs" "$tools" "$vsix" "$ext/target/real-vscode" --no-java
