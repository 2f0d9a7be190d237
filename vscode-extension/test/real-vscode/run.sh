#!/usr/bin/env bash
# The real-VS Code test: code-server + headless Chromium against the packaged .vsix.
# Not part of the default build (about 300 MB of installs): mvn -B verify -Preal-vscode.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$here/../.."
"$here/install.sh" "$ext/target/code-server"
node "$here/drive.mjs" "$ext/target/code-server" "$ext/target/iam-policy-ls.vsix" "$ext/target/real-vscode"
