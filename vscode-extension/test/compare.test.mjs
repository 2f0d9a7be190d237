// "Compare with HEAD / File..." without VS Code: the iamPolicy.compare request the commands
// send, answered by the built jar over the protocol, and the Markdown report made of it.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { load } from './support/load.mjs';

const { compareParams, renderReport, reportLink, EMPTY_POLICY } = load('compareReport');
const test = (name, fn) => nodeTest(name, { timeout: 120000 }, fn);

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.IAM_POLICY_LS_JAR ?? join(here, '..', '..', 'server', 'target', 'iam-policy-ls.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

const HEAD = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}
  ]
}
`;

/** The working copy: a second statement (line 5, 1-based) adds s3:PutObject. */
const WORKING = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"},
    {"Sid": "Upload", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::reports/*"}
  ]
}
`;

const SIDES = { newLabel: 'app.json', newLink: '../../work/app.json', oldLabel: 'HEAD' };

let server;
let connection;

before(async () => {
  assert.ok(existsSync(jar), `${jar} is missing: build the server first`);
  server = spawn(java, ['-jar', jar, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
  connection = createMessageConnection(
    new StreamMessageReader(server.stdout),
    new StreamMessageWriter(server.stdin),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  assert.deepEqual(init.capabilities.executeCommandProvider.commands, ['iamPolicy.compare']);
  connection.sendNotification('initialized', {});
});

after(async () => {
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  connection.dispose();
  server.kill();
});

const compare = (oldText, newText) => connection.sendRequest('workspace/executeCommand', compareParams(oldText, newText));

test('new access in the working copy: its witness and a link to the statement that grants it', async () => {
  const answer = await compare(HEAD, WORKING);
  assert.equal(answer.result, 'FAIL');
  assert.equal(answer.newAccess.length, 1);
  const access = answer.newAccess[0];
  assert.equal(access.action, 's3:PutObject');
  assert.deepEqual(access.statements.map((s) => [s.path, s.sid, s.range.start.line]), [['Statement[1]', 'Upload', 4]]);

  const report = renderReport(answer, SIDES);
  const lines = report.split('\n');
  assert.equal(lines[0], '# app.json compared with HEAD');
  assert.match(report, /\*\*FAIL\*\*: it allows requests that HEAD denies, 1 kind of new access \(as identity policy\)\./);
  assert.match(report, new RegExp(`^## 1\\. s3:PutObject on ${access.resource.replace(/[:/.*]/g, '\\$&')}$`, 'm'));
  assert.ok(lines.includes('- action: `s3:PutObject`'), report);
  assert.ok(lines.includes('- context: no condition keys'), report);
  assert.ok(lines.includes('- allowed by: [Statement\\[1\\] "Upload", line 5](../../work/app.json#L5)'), report);
  // A document never saved has nowhere to link to: the statement is named only.
  const unlinked = renderReport(answer, { ...SIDES, newLink: undefined }).split('\n');
  assert.ok(unlinked.includes('- allowed by: Statement\\[1\\] "Upload"'), unlinked.join('\n'));
});

test('the report links to the policy by a path relative to the report (the preview opens no file: link)', () => {
  const storage = '/home/me/.config/Code/User/globalStorage/iampolicyls.iam-policy-ls/compare';
  assert.equal(reportLink(storage, '/home/me/src/my policies/app (prod).json'),
    '../../../../../../src/my%20policies/app%20%28prod%29.json');
  assert.equal(reportLink(storage, `${storage}/app.json`), 'app.json');
});

test('the same access passes; a file new since HEAD is compared with an empty policy', async () => {
  const pass = await compare(WORKING, HEAD);
  assert.equal(pass.result, 'PASS');
  assert.match(renderReport(pass, SIDES), /\*\*PASS\*\*: it allows no request that HEAD denies \(as identity policy\)\./);

  const added = await compare(EMPTY_POLICY, HEAD);
  assert.equal(added.result, 'FAIL');
  assert.equal(added.newAccess[0].action, 's3:GetObject');
});

test('an undecided comparison lists its reasons; the policy type can be given', async () => {
  const escape = WORKING.replace('"arn:aws:s3:::reports/*"}\n  ]', '"arn:aws:s3:::reports/${*}"}\n  ]');
  const unknown = await compare(HEAD, escape);
  assert.equal(unknown.result, 'UNKNOWN');
  const report = renderReport(unknown, SIDES);
  assert.match(report, /\*\*UNKNOWN\*\*: the comparison could not decide/);
  assert.ok(unknown.unknown.length > 0);
  // One item per reason, its Markdown characters escaped.
  const items = report.split('\n').filter((l) => l.startsWith('- '));
  assert.deepEqual(items.map((l) => l.slice(2).replace(/\\(.)/g, '$1')), unknown.unknown);

  const scp = await connection.sendRequest(
    'workspace/executeCommand',
    compareParams(HEAD, WORKING, 'SERVICE_CONTROL_POLICY'),
  );
  assert.equal(scp.policyType, 'SERVICE_CONTROL_POLICY');
  assert.match(renderReport(scp, SIDES), /as service control policy/);
});

test('a text that is no policy is an error of the request, not a report', async () => {
  await assert.rejects(compare('{"Version": ', WORKING), /OLD:1:13: Expected a value/);
});
