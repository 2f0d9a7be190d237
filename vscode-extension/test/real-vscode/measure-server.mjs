// The server's part of open-to-first-squiggle, without VS Code: from spawning the JVM the way
// the extension does to the first publishDiagnostics of a small policy (initialize, initialized,
// didOpen sent at once). Rounds of one run per way of starting, median of RUNS.
// LABEL=JAVA:archive first makes the class data sharing archive the extension would make for
// that Java and jar (src/classDataSharing.ts), and maps it.
//   usage: node measure-server.mjs RUNS JAR LABEL=JAVA[:archive] ...
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from '../support/load.mjs';

const { archiveFor, makeArchive } = load('classDataSharing');

const [runsText, jar, ...variants] = process.argv.slice(2);
const runs = Number(runsText);
// The extension's JVM options (src/extension.ts).
const JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData', '-Xshare:auto', '-Xlog:disable',
  '-Xlog:all=warning:stderr', '-Xlog:cds*=off:stderr'];
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

function frame(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function once(java, archive) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const args = [...JVM, ...(archive ? [`-XX:SharedArchiveFile=${archive}`] : []), '-jar', jar, 'serve'];
    const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('textDocument/publishDiagnostics')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill();
        resolve(ms);
      }
    });
    child.on('error', reject);
    const uri = 'file:///tmp/policy.json';
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    child.stdin.write(frame({ method: 'initialized', params: {} }));
    child.stdin.write(frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'json', version: 1, text: POLICY } } }));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const archives = mkdtempSync(join(tmpdir(), 'iam-measure-cds-'));
const parsed = [];
for (const v of variants) {
  const [label, spec] = v.split('=');
  const [java, flag] = spec.split(':');
  let archive;
  if (flag === 'archive') {
    const state = await archiveFor(archives, java, jar);
    if (!(await makeArchive(java, JVM, jar, state))) throw new Error(`no archive made for ${java}`);
    archive = state.path;
  }
  parsed.push({ label, java, archive, times: [] });
}
try {
  for (let run = 0; run < runs; run++) {
    for (const v of parsed) v.times.push(await once(v.java, v.archive));
  }
} finally {
  rmSync(archives, { recursive: true, force: true });
}
for (const { label, times } of parsed) {
  console.log(`${label}: median ${Math.round(median(times))} ms  (runs: ${times.map((t) => Math.round(t)).join(', ')} ms)`);
}
