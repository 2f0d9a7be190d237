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

echo
echo "== the managed policies in one check run, beside the Jackson parse floor (median of $RUNS)"
CP="server/target/classes:server/target/test-classes:$(cat server/target/benchmark-classpath.txt 2>/dev/null || true)"
if [[ ! -s server/target/benchmark-classpath.txt ]]; then
  mvn -B -q -o dependency:build-classpath -pl server \
    -Dmdep.outputFile=target/benchmark-classpath.txt >/dev/null
  CP="server/target/classes:server/target/test-classes:$(cat server/target/benchmark-classpath.txt)"
fi
check_ms=$(median_ms java -jar "$JAR" check --format json "$POLICIES")
floor_ms=$(median_ms java -cp "$CP" dev.iampolicyls.cli.JacksonParseFloor "$POLICIES")
printf '%-55s %8d\n' "check --format json of the managed policies" "$check_ms"
printf '%-55s %8d\n' "Jackson read+parse of the same files (floor)" "$floor_ms"
awk -v c="$check_ms" -v f="$floor_ms" 'BEGIN { printf "%-55s %8.2f\n", "check / floor", c / f }'
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'; }
  printf '%-55s %8s\n' "peak RSS, check (KiB)" "$(rss java -jar "$JAR" check --format json "$POLICIES")"
  printf '%-55s %8s\n' "peak RSS, floor (KiB)" "$(rss java -cp "$CP" dev.iampolicyls.cli.JacksonParseFloor "$POLICIES")"
else
  echo "(no GNU /usr/bin/time -v here: peak RSS not measured)"
fi
