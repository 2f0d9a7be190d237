#!/usr/bin/env bash
# Prints the numbers recorded in BENCHMARKS.md. Whole-process timings take the median of
# several runs, since this machine is shared and noisy. Run from the repository root after
# `mvn -B package` (which also fetches the AWS managed policies into server/target).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=server/target/iam-policy-ls.jar
POLICIES=server/target/aws-managed-policies
RUNS="${RUNS:-7}"
[[ -f "$JAR" ]] || { echo "build first: mvn -B package" >&2; exit 1; }
bash server/scripts/fetch-managed-policies.sh "$POLICIES"

median_ms() { # runs a command RUNS times, prints the median wall time in ms
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo
echo "== catalog load (fresh JVM, one run each)"
for _ in 1 2 3; do
  java -cp server/target/classes:server/target/test-classes dev.iampolicyls.catalog.CatalogLoadBenchmark \
    | grep -E 'bundled|heap held right'
done
echo
CP="server/target/classes:server/target/test-classes:$(mvn -B -q -o -pl server dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null)"
LARGE="$POLICIES/AWSSupportServiceRolePolicy.json"
echo "== completion latency (6 KB generated policy, then the largest managed policy)"
java -cp "$CP" dev.iampolicyls.completion.CompletionBenchmark "$LARGE"
echo
echo "== hover latency"
java -cp "$CP" dev.iampolicyls.hover.HoverBenchmark "$LARGE"
echo
printf '%-55s %8s\n' "whole process (median of $RUNS)" "ms"
printf '%-55s %8d\n' "check of one small policy" \
  "$(median_ms java -jar "$JAR" check server/examples/identity-read-logs.json)"
printf '%-55s %8d\n' "check of the $(ls "$POLICIES" | wc -l) AWS managed policies" \
  "$(median_ms java -jar "$JAR" check "$POLICIES")"
