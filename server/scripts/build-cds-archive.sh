#!/usr/bin/env bash
# Puts the launcher script beside the jar, and builds a class data sharing (AppCDS) archive for
# it: the classes a `check` run and a short language-server session load, parsed and verified
# once at build time instead of at every start. See BENCHMARKS.md for what it saves. The archive
# only works with the JVM that built it and the jar at the same path; the launcher passes
# -Xshare:auto, so any other JVM ignores it and starts as usual. A failed dump is not an error.
#   usage: build-cds-archive.sh JAR ARCHIVE
set -euo pipefail
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
archive="$2"
here="$(cd "$(dirname "$0")/.." && pwd)"
install -m 755 "$here/src/main/sh/iam-policy-ls" "$(dirname "$jar")/iam-policy-ls"
rm -f "$archive"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One framed LSP message on stdout.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }

policy="$(tr -d '\n' <"$here/examples/with-mistakes.json" | sed 's/\\/\\\\/g; s/"/\\"/g')"
uri="file://$work/policy.json"
{
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"languageId\":\"json\",\"version\":1,\"text\":\"$policy\"}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"position\":{\"line\":0,\"character\":60}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"position\":{\"line\":0,\"character\":60}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":200}},\"context\":{\"diagnostics\":[]}}}"
  sleep 2 # let the debounced check run and publish
  frame '{"jsonrpc":"2.0","id":5,"method":"shutdown","params":null}'
  frame '{"jsonrpc":"2.0","method":"exit","params":null}'
} >"$work/session.lsp" &
wait

# Each report format loads its own classes (Jackson's generator for JSON and SARIF). Beside the
# examples, scripts/cds-training holds policies that reach what a batch meets and the examples do
# not (escalation, ARNs of the wrong shape, condition keys, a template): classes and lambdas left
# out of the archive are loaded or spun on the checking threads of every batch.
for format in text json sarif; do
  java -Xshare:off -XX:DumpLoadedClassList="$work/check-$format.lst" -jar "$jar" check \
    --format "$format" "$here/examples" "$here/scripts/cds-training" >/dev/null 2>&1 || true
done
# The top-level help builds every subcommand's model (a command line naming one builds only it).
java -Xshare:off -XX:DumpLoadedClassList="$work/help.lst" -jar "$jar" --help >/dev/null 2>&1 || true
(sleep 0; cat "$work/session.lsp") | java -Xshare:off -XX:DumpLoadedClassList="$work/serve.lst" \
  -jar "$jar" serve >/dev/null 2>&1 || true
# The lists share most lines; a repeated lambda-proxy line crashes the JDK 17 dump.
cat "$work"/check-*.lst "$work/serve.lst" "$work/help.lst" | awk '!seen[$0]++' >"$work/all.lst"
if ! java -Xshare:dump -XX:SharedClassListFile="$work/all.lst" -XX:SharedArchiveFile="$archive" \
  -cp "$jar" >"$work/dump.log" 2>&1; then
  tail -5 "$work/dump.log" >&2
  rm -f "$archive" hs_err_pid*.log
  echo "warning: no CDS archive (the dump failed); the launcher starts without one" >&2
  exit 0
fi
echo "CDS archive: $archive ($(du -k "$archive" | cut -f1) KB, $(grep -vc '^#\|^@' "$work/all.lst") class list entries)"
