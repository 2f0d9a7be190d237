// "Compare with Saved" and "Compare with HEAD" from the command palette, after an unsaved edit
// that widens the policy (iam:GetUser becomes iam:PassRole): the report the user reads in the
// Markdown preview names each new access with its witness action and resource, and its link
// takes the editor to the statement that grants it. The policy's tests (policy.iamtest.json)
// run again when the widened policy is saved: a case that passed fails, as a code lens and in the
// Problems panel. Then "Compare with File..." against a broader policy picked in the file
// dialog: PASS.
import { dirname, join } from 'node:path';
import { openFile, poll } from './session.mjs';

const WITNESS = 'iam:PassRole on arn:aws:iam::111122223333:role/example';

/** Decisions policy.json must give: passing roles is not one of them. */
export const POLICY_TEST_PATH = 'policy.iamtest.json';
export const POLICY_TEST = `{
  "policies": {"identity": "policy.json"},
  "principal": "arn:aws:iam::111122223333:role/app",
  "resourceAccount": "111122223333",
  "cases": [
    {"name": "lists instances", "action": "ec2:DescribeInstances", "expect": "Allowed"},
    {"name": "passes no role", "action": "iam:PassRole",
     "resource": "arn:aws:iam::111122223333:role/admin", "expect": "Denied"}
  ]
}
`;

/** A policy that already grants all of IAM: the widened one adds nothing to it. */
export const BROADER_PATH = 'broader.json';
export const BROADER = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:*", "ec2:DescribeInstances", "iam:*"], "Resource": "*"}
  ]
}
`;

/**
 * `policy` is the saved text of policy.json, with "iam:GetUser" on line 16; HEAD holds an older
 * version without ec2:DescribeInstances (its misspelt "ec2:DescribeInst" grants nothing).
 */
export async function checkCompare(ui, policyFile, policy, step) {
  const { page } = ui;
  await openFile(page, 'policy.json');
  // "iam:GetUser" starts at column 18: select "GetUser" and type over it, as a person does.
  await ui.goTo('16:22');
  for (let i = 0; i < 'GetUser'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('PassRole');
  await page.keyboard.press('Escape');
  await page.locator('.tab.active.dirty').filter({ hasText: 'policy.json' }).waitFor({ timeout: 15000 });

  await ui.runCommand('IAM Policy: Compare with Saved');
  const saved = await report(page, 'policy.json compared with the saved file');
  expectAll(saved, 'Compare with Saved', [
    'FAIL: it allows requests that the saved file denies, 1 kind of new access (as identity policy).',
    `1. ${WITNESS}`,
    'action: iam:PassRole',
    'resource: arn:aws:iam::111122223333:role/example',
    'allowed by: Statement[2], line 14',
  ]);
  step(`Compare with Saved: FAIL, 1 kind of new access: ${WITNESS}, allowed by Statement[2], line 14`);
  // Cut below the report's last line.
  await ui.shoot('compare', ['.part.editor'], await reportLink(page, 'Statement[2], line 14'), 1240);

  // The commands are offered with a JSON editor active: back to the policy's tab first.
  await page.locator('.tab').filter({ hasText: 'policy.json' }).click();
  await page.locator('.tab.active').filter({ hasText: 'policy.json' }).waitFor({ timeout: 15000 });
  await ui.runCommand('IAM Policy: Compare with HEAD');
  const head = await report(page, 'policy.json compared with HEAD');
  expectAll(head, 'Compare with HEAD', [
    'FAIL: it allows requests that HEAD denies, 2 kinds of new access (as identity policy).',
    '1. ec2:DescribeInstances on *',
    'allowed by: Statement[1], line 9',
    `2. ${WITNESS}`,
    'allowed by: Statement[2], line 14',
  ]);
  step('Compare with HEAD: ec2:DescribeInstances and iam:PassRole are new since the commit');

  // The link to the statement: the policy's editor, its cursor on line 14.
  await (await reportLink(page, 'Statement[2], line 14')).click();
  await page.locator('.tab.active').filter({ hasText: 'policy.json' }).waitFor({ timeout: 15000 });
  await page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: /^Ln 14,/ }).waitFor({ timeout: 15000 });
  step('the report\'s link "Statement[2], line 14" opened policy.json at line 14');

  // The tests pass against the saved policy; saving the widened one makes a case fail.
  await openFile(page, POLICY_TEST_PATH);
  await lens(page, 'Allowed ✓');
  await lens(page, 'ImplicitDeny ✓');
  await page.locator('.tab').filter({ hasText: 'policy.json' }).click();
  await page.locator('.tab.active').filter({ hasText: 'policy.json' }).waitFor({ timeout: 15000 });
  await ui.save(policyFile, policy.replace('"iam:GetUser"', '"iam:PassRole"'), 'the widened policy');
  await page.locator('.tab').filter({ hasText: POLICY_TEST_PATH }).click();
  await lens(page, 'Allowed ✗ expected Denied');
  await lens(page, 'Allowed ✓');
  const failed = (await ui.problems()).filter({ hasText: 'POLICY_TEST_FAILED' }).first();
  await failed.waitFor({ timeout: 30000 });
  const failure = oneLine(await failed.innerText());
  if (!failure.includes('Ln 7, Col 14')) {
    throw new Error(`the failed case is not reported on its name (line 7, column 14): ${failure}`);
  }
  // The deciding statement, its file named as the test file names it.
  if (!failure.includes('expected Denied, got Allowed; policy.json:14 statement 3 allows the request')) {
    throw new Error(`the failed case does not say which statement allowed it: ${failure}`);
  }
  await ui.shoot('policy-tests', ['.part.editor', '.part.panel'], undefined, 1240);
  await ui.closePanel();
  step(`policy tests rerun on saving the policy: "passes no role" now says Allowed ✗ expected Denied; ${failure.slice(0, 100)}`);
  await page.locator('.tab').filter({ hasText: 'policy.json' }).click();
  await page.locator('.tab.active').filter({ hasText: 'policy.json' }).waitFor({ timeout: 15000 });

  // VS Code's own file dialog (a path in a quick input, as code-server shows it): the path typed.
  await ui.runCommand('IAM Policy: Compare with File');
  const path = page.locator('.quick-input-widget input').first();
  await path.waitFor({ timeout: 15000 });
  await poll('the file dialog at the policy\'s folder', 15000, async () => (await path.inputValue()).includes(dirname(policyFile)));
  await path.fill(join(dirname(policyFile), BROADER_PATH));
  await page.keyboard.press('Enter');
  const file = await report(page, `policy.json compared with ${BROADER_PATH}`);
  expectAll(file, 'Compare with File', [`PASS: it allows no request that ${BROADER_PATH} denies (as identity policy).`]);
  step(`Compare with File... ${BROADER_PATH} (picked in the file dialog): PASS`);
}

/** Waits for a code lens reading `title` in the editor. */
async function lens(page, title) {
  await page.locator('.part.editor .codelens-decoration').filter({ hasText: title }).first().waitFor({ timeout: 30000 });
}

/** The text of the Markdown preview (a webview frame) once it shows `title`. */
async function report(page, title) {
  return poll(`the report "${title}"`, 60000, async () => {
    for (const frame of page.frames()) {
      const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
      if (text.includes(title)) return text;
    }
    return undefined;
  });
}

/** The report's link named `name`, in whichever frame the preview renders. */
async function reportLink(page, name) {
  return poll(`the link "${name}" in the report`, 15000, async () => {
    for (const frame of page.frames()) {
      const a = frame.locator('a').filter({ hasText: name }).first();
      if (await a.count()) return a;
    }
    return undefined;
  });
}

function expectAll(text, what, expected) {
  const flat = oneLine(text);
  for (const e of expected) {
    if (!flat.includes(e)) {
      throw new Error(`${what}: the report lacks "${e}":\n${text}`);
    }
  }
}

function oneLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}
