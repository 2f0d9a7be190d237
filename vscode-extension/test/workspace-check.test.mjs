// The 'check every policy in the workspace' command without VS Code: the command line built
// from the settings, run against the built jar, and its report turned into diagnostics.
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './support/load.mjs';

const { checkArguments, runCheck, readReport, planDiagnostics } = load('workspaceReport');
const test = (name, fn) => nodeTest(name, { timeout: 120000 }, fn);

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.IAM_POLICY_LS_JAR ?? join(here, '..', '..', 'server', 'target', 'iam-policy-ls.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:Describe",
      "Resource": "*"
    }
  ]
}
`;

/** A workspace: two policies, one policy inside node_modules, and JSON that is no policy. */
function workspace() {
  const folder = mkdtempSync(join(tmpdir(), 'iam-workspace-'));
  for (const [path, text] of Object.entries({
    'policies/a.json': POLICY,
    'policies/b.json': POLICY,
    'node_modules/pkg/policy.json': POLICY,
    'package.json': '{"name": "not-a-policy"}',
    'conf/strict.json': '{"checks": {"INVALID_ACTION": "off"}}',
  })) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

async function check(folder, settings, isOpen = () => false) {
  const run = await runCheck(java, checkArguments(jar, folder, settings), folder);
  assert.ok(run.report, `no report: ${run.failure} ${run.stderr}`);
  return planDiagnostics(run.report, folder, isOpen);
}

test('every policy of the folder is checked, node_modules and non-policy JSON are not', async () => {
  const folder = workspace();
  const plan = await check(folder, {});
  assert.deepEqual(plan.files.map((f) => f.path).sort(), [
    join(folder, 'policies', 'a.json'),
    join(folder, 'policies', 'b.json'),
  ]);
  for (const file of plan.files) {
    const invalid = file.diagnostics.filter((d) => d.code === 'INVALID_ACTION');
    assert.equal(invalid.length, 1);
    assert.equal(invalid[0].severity, 'error');
    // "ec2:Describe" on line 5 (0-based), the string with its quotes.
    assert.deepEqual(invalid[0].range, { start: { line: 5, character: 16 }, end: { line: 5, character: 30 } });
  }
  assert.equal(plan.fileCount, 2);
  assert.equal(plan.findingCount, plan.files.reduce((n, f) => n + f.diagnostics.length, 0));
});

test('checks set to off or to another finding type are honoured', async () => {
  const folder = workspace();
  const off = await check(folder, { checks: { INVALID_ACTION: 'off' } });
  assert.ok(off.files.every((f) => f.diagnostics.every((d) => d.code !== 'INVALID_ACTION')));
  const retyped = await check(folder, { checks: { INVALID_ACTION: 'SUGGESTION' } });
  const severities = retyped.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'INVALID_ACTION'));
  assert.deepEqual(severities.map((d) => d.severity), ['information', 'information']);
});

test('the configFile setting names the configuration, relative to the folder', async () => {
  const folder = workspace();
  const plan = await check(folder, { configFile: 'conf/strict.json' });
  assert.equal(plan.fileCount, 2);
  assert.ok(plan.files.every((f) => f.diagnostics.every((d) => d.code !== 'INVALID_ACTION')));
});

test('files open in an editor are counted but keep their live diagnostics', async () => {
  const folder = workspace();
  const open = join(folder, 'policies', 'a.json');
  const plan = await check(folder, {}, (path) => path === open);
  assert.deepEqual(plan.files.map((f) => f.path), [join(folder, 'policies', 'b.json')]);
  assert.equal(plan.fileCount, 2);
});

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRol
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObjekt
                Resource: '*'
`;

/** An account dump: one policy as a JSON object, one URL-encoded as the API returns it. */
const ACCOUNT = JSON.stringify({
  UserDetailList: [{ UserName: 'alice', UserPolicyList: [{ PolicyName: 'Logs', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:GetLogEvnts', Resource: '*' }] } }] }],
  GroupDetailList: [{ GroupName: 'ops', GroupPolicyList: [{ PolicyName: 'Encoded', PolicyDocument: encodeURIComponent('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObbject","Resource":"*"}]}') }] }],
  RoleDetailList: [],
  Policies: [],
}, null, 2);

test('the policies of a template or an account dump are diagnostics of that one file', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'iam-workspace-'));
  mkdirSync(join(folder, 'infra'));
  writeFileSync(join(folder, 'infra', 'app#1.yaml'), TEMPLATE);
  writeFileSync(join(folder, 'account.json'), ACCOUNT);
  const plan = await check(folder, {});
  assert.deepEqual(plan.files.map((f) => f.path).sort(), [join(folder, 'account.json'), join(folder, 'infra', 'app#1.yaml')]);
  assert.equal(plan.fileCount, 2);

  // Both policies of the template, at their place in it (0-based lines; after "Action: ").
  const template = plan.files.find((f) => f.path.endsWith('app#1.yaml')).diagnostics;
  const invalid = template.filter((d) => d.code === 'INVALID_ACTION').map((d) => [d.range.start.line, d.range.start.character]);
  assert.deepEqual(invalid, [[9, 20], [15, 24]], JSON.stringify(template));

  // The encoded policy's range is in its decoded text: the finding goes to the file's start, named.
  const account = plan.files.find((f) => f.path.endsWith('account.json')).diagnostics;
  const logs = account.find((d) => d.message.includes('GetLogEvnts'));
  assert.ok(logs.range.start.line > 0, JSON.stringify(logs));
  const encoded = account.find((d) => d.message.includes('GetObbject'));
  assert.deepEqual(encoded.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(encoded.message, /^group\/ops\/inline\/Encoded \(in its decoded document, line 1, column \d+\): /);

  // An open template keeps the server's live diagnostics alone.
  const open = join(folder, 'infra', 'app#1.yaml');
  const whileOpen = await check(folder, {}, (path) => path === open);
  assert.deepEqual(whileOpen.files.map((f) => f.path), [join(folder, 'account.json')]);
});

test('a check that prints no report is a failure, not an empty workspace', async () => {
  const folder = workspace();
  const run = await runCheck(java, ['-jar', jar, 'check', '--format', 'json', '--no-such-option', '.'], folder);
  assert.equal(run.report, undefined);
  assert.ok(run.failure);
  assert.equal(readReport('{"files": 3}'), undefined);
  assert.equal(readReport(''), undefined);
});

test('paths in settings: relative to the folder, ~ is the home folder, absolute as is', () => {
  const args = checkArguments('/x/ls.jar', '/ws', {
    configFile: 'cfg/iam.json',
    catalogPath: '~/catalogs/iam.json',
    checks: { MISSING_VERSION: 'off', REDUNDANT_STATEMENT: 'WARNING' },
  });
  assert.deepEqual(args.slice(0, 5), ['-jar', '/x/ls.jar', 'check', '--format', 'json']);
  assert.equal(args[args.indexOf('--config') + 1], join('/ws', 'cfg', 'iam.json'));
  assert.equal(args[args.indexOf('--catalog') + 1], join(homedir(), 'catalogs', 'iam.json'));
  assert.equal(args[args.indexOf('--disable') + 1], 'MISSING_VERSION');
  assert.equal(args[args.indexOf('--severity') + 1], 'REDUNDANT_STATEMENT=WARNING');
  assert.equal(args.at(-1), '.');
  assert.equal(checkArguments('/x/ls.jar', '/ws', { configFile: '/etc/iam.json' }).includes('/etc/iam.json'), true);
});
