// A scripted LSP client (the protocol library VS Code's client is built on) against the
// built server jar: the round trip an editor makes, asserted on codes and labels.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

// A server that stops answering fails the test rather than hanging the build.
const test = (name, fn) => nodeTest(name, { timeout: 120000 }, fn);

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.IAM_POLICY_LS_JAR ?? join(here, '..', '..', 'server', 'target', 'iam-policy-ls.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "ec2:Describe",
      "Resource": "*"
    }
  ]
}
`;

let server;
let connection;
let stderr = '';
const published = new Map();
const waiters = [];
const folder = mkdtempSync(join(tmpdir(), 'iam-policy-ls-client-'));
const uri = pathToFileURL(join(folder, 'policy.json')).href;
writeFileSync(join(folder, 'policy.json'), POLICY);

function diagnosticsFor(target) {
  return new Promise((resolve) => {
    if (published.has(target)) {
      resolve(published.get(target));
    } else {
      waiters.push({ target, resolve });
    }
  });
}

before(async () => {
  assert.ok(existsSync(jar), `${jar} is missing: build the server first`);
  server = spawn(java, ['-jar', jar, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr.on('data', (d) => (stderr += d));
  connection = createMessageConnection(
    new StreamMessageReader(server.stdout),
    new StreamMessageWriter(server.stdin),
  );
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.set(params.uri, params.diagnostics);
    for (const w of waiters.filter((w) => w.target === params.uri)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(params.diagnostics);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ checks: {} })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
});

after(() => {
  connection?.dispose();
  if (server && server.exitCode === null) {
    server.kill();
  }
});

test('initialize advertises completion, hover and code actions', async () => {
  const result = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'policies' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        completion: { completionItem: { snippetSupport: false } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor.rewrite'] } } },
        publishDiagnostics: { relatedInformation: true },
      },
    },
  });
  assert.ok(result.capabilities.completionProvider);
  assert.equal(result.capabilities.hoverProvider, true);
  assert.ok(result.capabilities.codeActionProvider);
  connection.sendNotification('initialized', {});
});

test('didOpen publishes the expected findings', async () => {
  connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'json', version: 1, text: POLICY },
  });
  const diagnostics = await diagnosticsFor(uri);
  const codes = diagnostics.map((d) => d.code);
  assert.ok(codes.includes('SERVICE_WILDCARD'), `codes: ${codes}`);
  // "ec2:Describe" is no action; the finding sits on that string (line 10).
  const invalid = diagnostics.find((d) => d.code === 'INVALID_ACTION');
  assert.ok(invalid, `codes: ${codes}`);
  assert.equal(invalid.range.start.line, 10);
});

test('completion offers the actions of a service', async () => {
  const line = POLICY.split('\n')[10];
  const character = line.indexOf('ec2:Describe') + 'ec2:Describe'.length;
  const result = await connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: 10, character },
  });
  const items = Array.isArray(result) ? result : result.items;
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('ec2:DescribeInstances'), `labels: ${labels.slice(0, 20)}`);
});

test('hover on an action explains it in Markdown', async () => {
  const line = POLICY.split('\n')[5];
  const hover = await connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 5, character: line.indexOf('s3:*') + 2 },
  });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /s3/);
});

test('a SERVICE_WILDCARD finding has code actions', async () => {
  const diagnostic = published.get(uri).find((d) => d.code === 'SERVICE_WILDCARD');
  const actions = await connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  assert.ok(actions.length >= 1);
  const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? a.edit?.documentChanges?.flatMap((c) => c.edits) ?? []);
  assert.ok(edits.length >= 1, JSON.stringify(actions).slice(0, 500));
});

test('shutdown and exit end the server with status 0', async () => {
  await connection.sendRequest('shutdown');
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  connection.sendNotification('exit');
  assert.equal(await exited, 0, stderr);
});
