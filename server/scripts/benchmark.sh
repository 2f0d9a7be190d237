#!/usr/bin/env bash
# Prints the numbers recorded in BENCHMARKS.md. Whole-process timings take the median of
# several runs, since this machine is shared and noisy. Run from the repository root after
# `mvn -B package` (which builds the jar, the launcher and its class data sharing archive).
#   RUNS=N       runs per whole-process median (default 7)
#   QUICK=1      skip the slow parts (batch run of the managed policies, per-step start-up table)
#   ONLY_BATCH=1 only the batch run of the managed policies
#   BEFORE=DIR   the batch also times the launcher in DIR (another build's server/target, e.g. a
#                `git worktree` of an older commit after its `mvn package`), in the same turns
#   ONLY_TEMPLATES=1 only the templates: a 2,000-line template re-checked after a keystroke,
#                completion in a 1,500-line YAML template and a 2,800-line JSON template
#                beside the same in a plain policy (in process, and through the protocol), and
#                `check` of AWS's template collection (CFN_TEMPLATES=DIR, a checkout of
#                github.com/aws-cloudformation/aws-cloudformation-templates; cloned into
#                server/target/ when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=server/target/iam-policy-ls.jar
LAUNCHER=server/target/iam-policy-ls
POLICIES=server/target/aws-managed-policies
SMALL=server/examples/identity-read-logs.json
RUNS="${RUNS:-7}"
[[ -f "$JAR" && -x "$LAUNCHER" ]] || { echo "build first: mvn -B package" >&2; exit 1; }
[[ -d server/target/test-classes/dev ]] || mvn -B -q -o test-compile -pl server >/dev/null
bash server/scripts/fetch-managed-policies.sh "$POLICIES" >/dev/null
CP="server/target/test-classes:$JAR" # the shaded jar holds every dependency the benchmarks use

median_ms() { # runs a command RUNS times, prints the median wall time in ms
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}
rss_kib() { # peak resident set of a command, in KiB (GNU time)
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
row() { printf '%-62s %10s\n' "$1" "$2"; }

batch() {
  echo "== batch: the $(ls "$POLICIES" | wc -l) AWS managed policies in one check run (median of $RUNS, interleaved)"
  # The three commands take turns, run after run, so that a slow minute of this shared machine
  # weighs on all of them alike; the ratio is taken within each turn, then its median.
  checks=() launchers=() floors=() ratios=() befores=() before_ratios=()
  for _ in $(seq "$RUNS"); do
    if [[ -n "${BEFORE:-}" ]]; then
      local b0 b1
      b0=$(date +%s%N)
      "$BEFORE/iam-policy-ls" check --format json "$POLICIES" >/dev/null 2>&1 || true
      b1=$(date +%s%N)
      befores+=($(((b1 - b0) / 1000000)))
    fi
    t0=$(date +%s%N)
    java -jar "$JAR" check --format json "$POLICIES" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    "$LAUNCHER" check --format json "$POLICIES" >/dev/null 2>&1 || true
    t2=$(date +%s%N)
    java -cp "$CP" dev.iampolicyls.cli.JacksonParseFloor "$POLICIES" >/dev/null 2>&1 || true
    t3=$(date +%s%N)
    checks+=($(((t1 - t0) / 1000000)))
    launchers+=($(((t2 - t1) / 1000000)))
    floors+=($(((t3 - t2) / 1000000)))
    ratios+=("$(awk -v c=$(((t2 - t1) / 1000000)) -v f=$(((t3 - t2) / 1000000)) 'BEGIN { printf "%.2f", c / f }')")
    if [[ -n "${BEFORE:-}" ]]; then
      before_ratios+=("$(awk -v c="${befores[-1]}" -v f=$(((t3 - t2) / 1000000)) 'BEGIN { printf "%.2f", c / f }')")
    fi
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
  row "java -jar check --format json" "$(median "${checks[@]}") ms"
  row "launcher check --format json" "$(median "${launchers[@]}") ms"
  row "Jackson read + parse of the same files (the floor)" "$(median "${floors[@]}") ms"
  row "launcher / floor, median of the per-run ratios" "$(median "${ratios[@]}")"
  echo "  (per run: launcher ${launchers[*]} ms; floor ${floors[*]} ms; ratio ${ratios[*]})"
  if [[ -n "${BEFORE:-}" ]]; then
    row "launcher of $BEFORE" "$(median "${befores[@]}") ms"
    row "its launcher / floor, median of the per-run ratios" "$(median "${before_ratios[@]}")"
    echo "  (per run: ${befores[*]} ms; ratio ${before_ratios[*]})"
  fi
  if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    row "peak RSS, java -jar check" "$(($(rss_kib java -jar "$JAR" check --format json "$POLICIES") / 1024)) MB"
    row "peak RSS, launcher check" "$(($(rss_kib "$LAUNCHER" check --format json "$POLICIES") / 1024)) MB"
    row "peak RSS, floor" "$(($(rss_kib java -cp "$CP" dev.iampolicyls.cli.JacksonParseFloor "$POLICIES") / 1024)) MB"
  else
    echo "(no GNU /usr/bin/time -v here: peak RSS not measured)"
  fi
}

templates() {
  echo "== templates: a 2,000-line template re-checked after a keystroke (in process)"
  java -cp "$CP" dev.iampolicyls.embedded.TemplateBenchmark 2000
  echo "== templates: completion in a YAML and a JSON template after 100 roles vs the same in a plain policy (in process)"
  java -cp "$CP" dev.iampolicyls.embedded.TemplateCompletionBenchmark 100
  echo "== templates: the same completions through the protocol, the launcher (requests alternate)"
  java -cp "$CP" -Dbench.templateCompletion=100 dev.iampolicyls.lsp.ProtocolBenchmark \
    "$LAUNCHER" "$POLICIES" 1 | grep -v -e '^JVM options' -e '^start to first'
  local dir="${CFN_TEMPLATES:-server/target/aws-cloudformation-templates}"
  if [[ ! -d "$dir" ]]; then
    git clone -q --depth 1 https://github.com/aws-cloudformation/aws-cloudformation-templates \
      "$dir" >/dev/null 2>&1 || { echo "(no template collection at $dir: not measured)"; return; }
  fi
  local count
  count=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) | wc -l)
  echo "== templates: \`check --format json\` of AWS's template collection, $count files (median of $RUNS)"
  row "java -jar check --format json" "$(median_ms java -jar "$JAR" check --format json "$dir") ms"
  row "launcher check --format json" "$(median_ms "$LAUNCHER" check --format json "$dir") ms"
}

echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

if [[ "${ONLY_BATCH:-0}" == 1 ]]; then
  batch
  exit 0
fi
if [[ "${ONLY_TEMPLATES:-0}" == 1 ]]; then
  templates
  exit 0
fi

echo "== start-up: \`check\` of one small policy, process start to exit (median of $RUNS)"
row "java -jar (no options)" "$(median_ms java -jar "$JAR" check "$SMALL") ms"
row "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar" \
  "$(median_ms java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" check "$SMALL") ms"
row "launcher (CDS archive, C1, serial GC for one file)" "$(median_ms "$LAUNCHER" check "$SMALL") ms"
echo

echo "== catalog load (fresh JVM, three runs)"
for _ in 1 2 3; do
  java -cp "$CP" dev.iampolicyls.catalog.CatalogLoadBenchmark | grep -E 'bundled|heap held right'
done
echo

echo "== the protocol over stdio: plain java -jar"
java -cp "$CP" dev.iampolicyls.lsp.ProtocolBenchmark "$JAR" "$POLICIES" "$RUNS"
echo
echo "== the protocol over stdio: the launcher (CDS archive, C1, serial GC)"
java -cp "$CP" dev.iampolicyls.lsp.ProtocolBenchmark "$LAUNCHER" "$POLICIES" "$RUNS"
echo

echo "== completion and hover in process (parse included; no protocol)"
LARGE="$POLICIES/AWSSupportServiceRolePolicy.json"
java -cp "$CP" dev.iampolicyls.completion.CompletionBenchmark "$LARGE"
java -cp "$CP" dev.iampolicyls.hover.HoverBenchmark "$LARGE"
echo

[[ "${QUICK:-0}" == 1 ]] && exit 0
templates
echo
batch
