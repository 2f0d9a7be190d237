// VS Code itself (code-server 4.100.3 in headless Chromium, driven by playwright-core): installs
// the packaged .vsix (and no other extension), opens a policy, and checks what a user sees and
// gets: squiggles and our codes in the Problems panel, a hover with text, a completion and a
// quick fix that change the saved file to exactly the expected text; the same in a YAML
// CloudFormation template, and silence on a YAML workflow (template.mjs); "Compare with Saved",
// "with HEAD" and "with File..." after an edit that widens the policy, and the policy's tests
// run again when it is saved (compare.mjs); the workspace
// check on a template; an output channel without error lines; a restart on the class data
// sharing archive.
// With --no-java, code-server runs on a PATH without Java and without JAVA_HOME, and the server
// must run on the runtime inside the extension. Screenshots go to SHOTS (whole window) and
// SHOTS/docs (cropped to the editor, for the documentation). Exits non-zero with the failed step.
//   usage: node drive.mjs CODE_SERVER_DIR VSIX SHOTS [--no-java]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BROADER, BROADER_PATH, checkCompare, POLICY_TEST, POLICY_TEST_PATH } from './compare.mjs';
import {
  baseSettings,
  installExtension,
  listExtensions,
  makeHome,
  openFile,
  openWorkbench,
  pathWithoutJava,
  poll,
  removeHome,
  serverProcess,
  squiggles,
  startCodeServer,
} from './session.mjs';
import {
  checkTemplate,
  checkWorkspaceCommand,
  TEMPLATE,
  TEMPLATE_PATH,
  UNOPENED_TEMPLATE_PATH,
  WORKFLOW,
  WORKFLOW_PATH,
} from './template.mjs';
import { workbench } from './workbench.mjs';

const args = process.argv.slice(2);
const noJava = args.includes('--no-java');
const [installDir, vsix, shots] = args.filter((a) => !a.startsWith('--')).map((p) => resolve(p));

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
      "Action": "ec2:DescribeInst",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "iam:GetUsr",
      "Resource": "*"
    }
  ]
}
`;
const AFTER_COMPLETION = POLICY.replace('"ec2:DescribeInst"', '"ec2:DescribeInstances"');
const AFTER_QUICK_FIX = AFTER_COMPLETION.replace('"iam:GetUsr"', '"iam:GetUser"');

// VS Code's own JSON validation stays on, as users have it.
const dirs = makeHome(baseSettings);
const policyFile = join(dirs.workspace, 'policy.json');
writeFileSync(policyFile, POLICY);
const files = [
  [TEMPLATE_PATH, TEMPLATE],
  [UNOPENED_TEMPLATE_PATH, TEMPLATE],
  [WORKFLOW_PATH, WORKFLOW],
  [BROADER_PATH, BROADER],
  [POLICY_TEST_PATH, POLICY_TEST],
];
for (const [path, text] of files) {
  mkdirSync(dirname(join(dirs.workspace, path)), { recursive: true });
  writeFileSync(join(dirs.workspace, path), text);
}
rmSync(shots, { recursive: true, force: true });
mkdirSync(join(shots, 'docs'), { recursive: true });

const env = { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: join(dirs.home, 'config'), XDG_DATA_HOME: join(dirs.home, 'data') };
if (noJava) {
  delete env.JAVA_HOME;
  env.PATH = pathWithoutJava(join(dirs.home, 'bin'));
}

function step(name) {
  console.log(`- ${name}`);
}

let session;
let context;
let page;
let ui;
let exitCode = 0;
try {
  commitWorkspace();
  installExtension(installDir, dirs, env, vsix);
  // Ours alone: templates need no YAML extension (Red Hat's or another).
  const extensions = listExtensions(installDir, dirs, env);
  if (extensions.length !== 1 || !extensions[0].startsWith('iampolicyls.iam-policy-ls')) {
    throw new Error(`extensions installed: ${extensions.join(', ')}`);
  }
  step(`installed ${vsix}, the only extension`);
  session = await startCodeServer(installDir, dirs, env);
  ({ context, page } = await openWorkbench(installDir, dirs, session.port));
  ui = workbench(page, shots);
  step('workbench loaded');
  // The explorer off: the editor gets the width, the screenshots show the policy.
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 15000 });

  const openedAt = await openFile(page, 'policy.json');
  // The server starts on the first JSON document; its findings come as squiggles.
  await squiggles(page).first().waitFor({ timeout: 120000 });
  step(`squiggles shown ${((Date.now() - openedAt) / 1000).toFixed(1)} s after opening`);

  const server = await poll('the server process', 30000, () => serverProcess(dirs.extensions));
  if (noJava) {
    const bundled = join(dirs.extensions, 'iampolicyls.iam-policy-ls-');
    if (!server.java.startsWith(bundled) || !server.java.endsWith('/runtime/bin/java')) {
      throw new Error(`the server runs on ${server.java}, not on the extension's runtime`);
    }
    step(`no Java on the PATH: the server runs on ${server.java.slice(dirs.extensions.length + 1)}`);
  }

  const problems = await ui.problems();
  for (const code of ['SERVICE_WILDCARD', 'INVALID_ACTION']) {
    await problems.filter({ hasText: code }).first().waitFor({ timeout: 60000 });
  }
  step('SERVICE_WILDCARD and INVALID_ACTION in the Problems panel');
  await ui.shoot('diagnostics', ['.part.editor', '.part.panel'], undefined, 1240);
  await ui.closePanel();

  // Completion: the cursor before the closing quote of "ec2:DescribeInst" (line 11).
  await ui.goTo('11:34');
  await ui.complete('ec2:DescribeInstances', 'completion');
  await ui.save(policyFile, AFTER_COMPLETION, 'the accepted completion');
  step('completion accepted: "ec2:DescribeInst" became "ec2:DescribeInstances" in the saved file');

  // Hover on the completed action: what it does, from the bundled catalog.
  const hoverText = await ui.hover('ec2:DescribeInstances', 'DescribeInstances', 'hover');
  if (hoverText.trim().length < 40) {
    throw new Error(`the hover says only: ${hoverText}`);
  }
  step(`hover shown: ${hoverText.split('\n')[0].slice(0, 80)}`);

  // Quick fix on "iam:GetUsr" (line 16): Ctrl+. lists the fixes; the closest action wins.
  await ui.goTo('16:20');
  await ui.quickFix('Change to "iam:GetUser"', 'quick-fix');
  await ui.save(policyFile, AFTER_QUICK_FIX, 'the applied quick fix');
  step('quick fix applied: "iam:GetUsr" became "iam:GetUser" in the saved file');

  await checkTemplate(ui, dirs.workspace, step);
  await checkCompare(ui, policyFile, AFTER_QUICK_FIX, step);
  await checkWorkspaceCommand(ui, step);

  // The output channel: the server's log lines at their own level, none of them an error.
  const log = await poll('the IAM Policy output channel log', 30000, () => findChannelLog(dirs.userData, 'IAM Policy.log'));
  const text = readFileSync(log, 'utf8');
  const expectedJava = noJava ? 'from the runtime in this extension' : 'Using Java';
  if (!text.includes(expectedJava)) {
    throw new Error(`the output channel does not say "${expectedJava}":\n${text.slice(0, 2000)}`);
  }
  const errors = text.split('\n').filter((l) => l.includes('[error]'));
  if (errors.length > 0) {
    throw new Error(`error lines in the output channel:\n${errors.slice(0, 10).join('\n')}`);
  }
  step('output channel: no [error] lines');

  // After the first start the extension makes the server's class data sharing archive in the
  // background; a restart (the command) maps it, and the findings come back.
  await poll('the class data sharing archive', 120000, () => readFileSync(log, 'utf8').includes('Class data sharing archive made'));
  await ui.runCommand('IAM Policy: Restart Server');
  const restarted = await poll('a new server process', 60000, () => {
    const p = serverProcess(dirs.extensions);
    return p && p.pid !== server.pid ? p : undefined;
  });
  if (!restarted.args.some((a) => a.startsWith('-XX:SharedArchiveFile='))) {
    throw new Error(`the restarted server maps no archive: ${restarted.args.join(' ')}`);
  }
  await (await ui.problems()).filter({ hasText: 'SERVICE_WILDCARD' }).first().waitFor({ timeout: 60000 });
  step('restarted on the class data sharing archive; the findings are back');

} catch (e) {
  exitCode = 1;
  console.error(`FAILED: ${e.message}`);
  if (session) console.error(session.log().slice(-3000));
  try {
    await page?.screenshot({ path: join(shots, 'failure.png') });
  } catch {}
} finally {
  await context?.close().catch(() => {});
  await session?.stop();
  removeHome(dirs);
}
process.exit(exitCode);

/**
 * The workspace as a git repository with the files as written, for "Compare with HEAD"; git
 * with the test's home, so no configuration of the user's applies.
 */
function commitWorkspace() {
  for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'policies as first written']]) {
    const git = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
      cwd: dirs.workspace,
      env: { ...env, GIT_CONFIG_NOSYSTEM: '1' },
      encoding: 'utf8',
    });
    if (git.status !== 0) throw new Error(`git ${args[0]} failed: ${git.stderr}`);
  }
}

/** The log file VS Code keeps for an output channel created with { log: true }. */
function findChannelLog(dir, name) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findChannelLog(path, name);
      if (found) return found;
    } else if (entry.name === name) {
      return path;
    }
  }
  return undefined;
}
