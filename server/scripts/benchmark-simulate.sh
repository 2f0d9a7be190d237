#!/usr/bin/env bash
# Prints the warm in-process time of one `simulate` request (SimulateBenchmark, test sources).
# Run from the repository root after `mvn -B -q install -DskipTests` (or any build of the
# test classes): bash server/scripts/benchmark-simulate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
CP="target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)"
java -cp "$CP" dev.iampolicyls.evaluation.SimulateBenchmark
