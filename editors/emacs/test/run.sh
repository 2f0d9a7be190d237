#!/usr/bin/env bash
# Emacs's own LSP client (eglot) against the built jar, with the configuration
# docs/editors/emacs.md gives.
# Installs Debian's emacs-nox (and elpa-eglot for Emacs 28) when they are missing, or skips
# (editors/require-package.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-$here/../../../server/target/iam-policy-ls.jar}"
[[ -f "$jar" ]] || { echo "$jar is missing: build the server first" >&2; exit 1; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

# The Emacs page must give users exactly the configuration this test loads.
page="$(cat "$here/../../../docs/editors/emacs.md")"
snippet="$(cat "$here/../iam-policy-ls.el")"
[[ "$page" == *"$snippet"* ]] || { echo "docs/editors/emacs.md does not contain editors/emacs/iam-policy-ls.el as is" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
has_library() {
  command -v emacs >/dev/null &&
    HOME="$work" emacs --batch --eval "(progn (package-initialize) (kill-emacs (if (locate-library \"$1\") 0 1)))" >/dev/null 2>&1
}
source "$here/../../require-package.sh"
# Emacs 28 (Debian 12) has no eglot built in; Debian packages it as elpa-eglot.
has_library eglot || require_package emacs "emacs with eglot" emacs-nox 'elpa-eglot?'
# YAML templates open in yaml-mode, which Emacs 28 does not have built in.
has_library yaml-mode || require_package emacs "yaml-mode" elpa-yaml-mode

cp "$here/policy.json" "$here/template.yaml" "$work/"
cd "$work"
# Batch Emacs still reads the site start-up files (Debian's add the elpa packages), not ~/.emacs.
IAM_POLICY_LS_JAR="$jar" PROBE_POLICY="$work/policy.json" PROBE_TEMPLATE="$work/template.yaml" \
  HOME="$work" timeout 300 emacs --batch -l "$here/probe.el" 2>&1 | grep -v '^Loading '
echo "emacs: diagnostics, completion and hover OK; a YAML template's diagnostics OK"
