// VS Code itself (code-server 4.100.3 in headless Chromium, driven by playwright-core): installs
// the packaged .vsix, opens a policy, and checks what a user sees and gets: squiggles and our
// codes in the Problems panel, a hover with text, a completion and a quick fix that change the
// saved file to exactly the expected text, and an output channel without error lines.
// With --no-java, code-server runs on a PATH without Java and without JAVA_HOME, and the server
// must run on the runtime inside the extension. Screenshots go to SHOTS (whole window) and
// SHOTS/docs (cropped to the editor, for the documentation). Exits non-zero with the failed step.
//   usage: node drive.mjs CODE_SERVER_DIR VSIX SHOTS [--no-java]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  baseSettings,
  installExtension,
  makeHome,
  openFile,
  openWorkbench,
  pathWithoutJava,
  poll,
  removeHome,
  retry,
  serverProcess,
  squiggles,
  startCodeServer,
} from './session.mjs';

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
let exitCode = 0;
try {
  installExtension(installDir, dirs, env, vsix);
  step(`installed ${vsix}`);
  session = await startCodeServer(installDir, dirs, env);
  ({ context, page } = await openWorkbench(installDir, dirs, session.port));
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

  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  for (const code of ['SERVICE_WILDCARD', 'INVALID_ACTION']) {
    await problems.getByText(code).first().waitFor({ timeout: 60000 });
  }
  step('SERVICE_WILDCARD and INVALID_ACTION in the Problems panel');
  await shoot('diagnostics', ['.part.editor', '.part.panel'], undefined, 1240);
  // The panel off again (Ctrl+J toggles it): room for the widgets below.
  await page.keyboard.press('Control+J');
  await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 15000 });

  const editor = page.locator('.part.editor .monaco-editor .view-lines').first();

  // Completion: the cursor before the closing quote of "ec2:DescribeInst" (line 11).
  await goTo('11:34');
  const suggestion = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: /^ec2:DescribeInstances/ }).first();
  await retry('the completion list', 4, async () => {
    await page.keyboard.press('Control+Space');
    await suggestion.waitFor({ timeout: 20000 });
  }, () => page.keyboard.press('Escape'));
  await shoot('completion', ['.part.editor'], '.suggest-widget');
  await suggestion.click();
  await save(AFTER_COMPLETION, 'the accepted completion');
  step('completion accepted: "ec2:DescribeInst" became "ec2:DescribeInstances" in the saved file');

  // Hover on the completed action: what it does, from the bundled catalog.
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /DescribeInstances/ }).first();
  await retry('the hover', 4, async () => {
    await page.mouse.move(5, 5);
    await editor.getByText('ec2:DescribeInstances').first().hover();
    await hover.waitFor({ timeout: 20000 });
  });
  const hoverText = await hover.innerText();
  if (hoverText.trim().length < 40) {
    throw new Error(`the hover says only: ${hoverText}`);
  }
  await shoot('hover', ['.part.editor'], '.monaco-hover:not(.hidden)');
  step(`hover shown: ${hoverText.split('\n')[0].slice(0, 80)}`);
  await page.mouse.move(5, 5);

  // Quick fix on "iam:GetUsr" (line 16): Ctrl+. lists the fixes; the closest action wins.
  await goTo('16:20');
  const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Change to "iam:GetUser"' }).first();
  await retry('the quick fix menu', 4, async () => {
    await page.keyboard.press('Control+.');
    await fix.waitFor({ timeout: 20000 });
  }, () => page.keyboard.press('Escape'));
  await shoot('quick-fix', ['.part.editor'], '.action-widget');
  // The menu takes keys, not clicks (a pointer block covers it): move the focus to the fix.
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  await poll('the focus on the fix', 20000, async () => {
    if ((await focused.getAttribute('aria-label', { timeout: 2000 })) === 'Change to "iam:GetUser"') return true;
    await page.keyboard.press('ArrowDown');
    return false;
  });
  await page.keyboard.press('Enter');
  await save(AFTER_QUICK_FIX, 'the applied quick fix');
  step('quick fix applied: "iam:GetUsr" became "iam:GetUser" in the saved file');

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
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').first().waitFor({ timeout: 15000 });
  await page.keyboard.type('IAM Policy: Restart Server');
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'IAM Policy: Restart Server' }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  const restarted = await poll('a new server process', 60000, () => {
    const p = serverProcess(dirs.extensions);
    return p && p.pid !== server.pid ? p : undefined;
  });
  if (!restarted.args.some((a) => a.startsWith('-XX:SharedArchiveFile='))) {
    throw new Error(`the restarted server maps no archive: ${restarted.args.join(' ')}`);
  }
  await page.keyboard.press('Control+Shift+M');
  await problems.getByText('SERVICE_WILDCARD').first().waitFor({ timeout: 60000 });
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

async function goTo(lineColumn) {
  await retry(`go to ${lineColumn}`, 4, async () => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').first().waitFor({ timeout: 15000 });
    await page.keyboard.type(lineColumn);
    await page.keyboard.press('Enter');
    // A key pressed while Go to Line is still closing is lost (seen under load).
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15000 });
  }, () => page.keyboard.press('Escape'));
}

/** Ctrl+S, then the file on disk must become `expected` (the whole text, nothing else). */
async function save(expected, what) {
  await retry(`saving ${what}`, 3, async () => {
    await page.keyboard.press('Control+S');
    await poll(`${what} on disk`, 20000, () => readFileSync(policyFile, 'utf8') === expected);
  }).catch((e) => {
    throw new Error(`${e.message}\nthe file holds:\n${readFileSync(policyFile, 'utf8')}`);
  });
}

/**
 * A screenshot of the window (SHOTS/NAME.png) and one cropped to the union of `areas`, cut
 * below `widget` when given (SHOTS/docs/NAME.png).
 */
async function shoot(name, areas, widget, maxWidth = 1000) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
  const boxes = [];
  for (const area of areas) {
    const box = await page.locator(area).first().boundingBox();
    if (box) boxes.push(box);
  }
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  let bottom = Math.max(...boxes.map((b) => b.y + b.height));
  let right = Math.min(Math.max(...boxes.map((b) => b.x + b.width)), x + maxWidth);
  if (widget) {
    const box = await page.locator(widget).first().boundingBox();
    if (box) {
      bottom = Math.min(bottom, Math.max(box.y + box.height + 24, y + 360));
      right = Math.min(Math.max(...boxes.map((b) => b.x + b.width)), Math.max(right, box.x + box.width + 24));
    }
  }
  await page.screenshot({ path: join(shots, 'docs', `${name}.png`), clip: { x, y, width: right - x, height: bottom - y } });
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
