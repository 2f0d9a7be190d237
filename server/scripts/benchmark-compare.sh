#!/usr/bin/env bash
# Prints the warm in-process time of `compare` on two 50-statement policies (CompareBenchmark,
# test sources), then times `java -jar iam-policy-ls.jar compare` on the same files as a process.
# Run from the repository root after `mvn -B -q install -DskipTests`:
# bash server/scripts/benchmark-compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
CP="target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)"
java -cp "$CP" dev.iampolicyls.compare.CompareBenchmark
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
java -cp "$CP" dev.iampolicyls.compare.CompareBenchmark "$DIR"
LAUNCH=(java -jar target/iam-policy-ls.jar)
if [ -x target/iam-policy-ls ]; then LAUNCH=(target/iam-policy-ls); fi
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  status=0
  "${LAUNCH[@]}" compare "$DIR/old.json" "$DIR/new.json" > /dev/null || status=$?
  end=$(date +%s%N)
  echo "compare as a process (${LAUNCH[*]}), run $run: $(( (end - start) / 1000000 )) ms, exit $status"
done
