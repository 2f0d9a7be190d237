// A CloudFormation template in YAML, in VS Code with only this extension (no YAML extension):
// the finding of a role's inline policy squiggled under its action and listed in the Problems
// panel at the template's line, an action typed and completed, a hover on it, a quick fix, each
// edit checked on the saved file's whole text; and a GitHub workflow, YAML but no template,
// left without findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFile, poll, squiggles } from './session.mjs';

const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));
export const TEMPLATE = readFileSync(join(FIXTURES, 'template.yaml'), 'utf8');
export const WORKFLOW = readFileSync(join(FIXTURES, 'deploy.yml'), 'utf8');

/** Where the files go in the workspace: the workflow where GitHub looks for it. */
export const TEMPLATE_PATH = 'template.yaml';
export const WORKFLOW_PATH = '.github/workflows/deploy.yml';
/** The same template again, never opened: the workspace check reports it. */
export const UNOPENED_TEMPLATE_PATH = 'infra/reader.yaml';

const MISTAKE = '- s3:ListBuckt';
const TAGGING = '                  - s3:GetObjectTagging\n';
const AFTER_COMPLETION = TEMPLATE.replace(TAGGING, `${TAGGING}                  - s3:GetObject\n`);
const AFTER_QUICK_FIX = AFTER_COMPLETION.replace(MISTAKE, '- s3:ListBucket');

export async function checkTemplate(ui, workspace, step) {
  const { page } = ui;
  const templateFile = join(workspace, TEMPLATE_PATH);
  const editor = page.locator('.part.editor .monaco-editor .view-lines').first();

  // The workflow first: by the time the template's findings show, the server has had it longer.
  await openFile(page, 'deploy.yml');
  await languageIs(page, 'YAML');
  await openFile(page, TEMPLATE_PATH);
  await languageIs(page, 'YAML');

  // The squiggle lies under "s3:ListBuckt" (line 23), not merely somewhere in the template.
  const mistake = editor.getByText('s3:ListBuckt', { exact: true }).first();
  await poll('a squiggle under s3:ListBuckt', 60000, async () => {
    const word = await mistake.boundingBox();
    for (const squiggle of await squiggles(page).all()) {
      const box = await squiggle.boundingBox();
      if (word && box && overlaps(word, box)) return true;
    }
    return false;
  });
  const rows = await ui.problems();
  const row = rows.filter({ hasText: 'ListBuckt' }).first();
  await row.waitFor({ timeout: 60000 });
  const rowText = (await row.innerText()).replace(/\s+/g, ' ');
  for (const expected of ['INVALID_ACTION', 'Ln 23, Col 21']) {
    if (!rowText.includes(expected)) {
      throw new Error(`the Problems panel's entry for s3:ListBuckt lacks "${expected}": ${rowText}`);
    }
  }
  step(`template: squiggle under s3:ListBuckt; Problems: ${rowText.slice(0, 120)}`);
  // The line in view above the panel, for the screenshot.
  await ui.goTo('23:21');
  await ui.shoot('template-diagnostics', ['.part.editor', '.part.panel'], undefined, 1240);

  // The workflow: YAML sent to the same server, which finds no template in it.
  if (await rows.filter({ hasText: 'deploy.yml' }).count()) {
    throw new Error(`the Problems panel lists deploy.yml: ${await page.locator('.markers-panel').innerText()}`);
  }
  await ui.closePanel();

  // Completion: a new item typed under s3:GetObjectTagging (line 27); Enter keeps the indentation.
  await ui.goTo('27:40');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- s3:GetObj');
  await ui.complete('s3:GetObject', 'template-completion', 1240);
  await ui.save(templateFile, AFTER_COMPLETION, 'the completion in the template');
  step('template: "- s3:GetObj" completed to "- s3:GetObject", a plain item of the YAML list, in the saved file');

  // Hover on the completed action.
  const hoverText = await ui.hover('s3:GetObject', 's3:GetObject');
  if (!hoverText.includes('Read') || !hoverText.includes('Grants permission to retrieve objects')) {
    throw new Error(`the hover on s3:GetObject says only: ${hoverText}`);
  }
  step(`template: hover shown: ${hoverText.split('\n')[0].slice(0, 80)}`);

  // Quick fix on s3:ListBuckt (line 23).
  await ui.goTo('23:24');
  await ui.quickFix('Change to "s3:ListBucket"', 'template-quick-fix');
  await ui.save(templateFile, AFTER_QUICK_FIX, 'the quick fix in the template');
  step('template: quick fix applied: "- s3:ListBuckt" became "- s3:ListBucket" in the saved file');
  await poll('the squiggle under s3:ListBuckt gone', 30000, async () => (await squiggles(page).count()) === 0);

  // Back to the workflow (its tab): still no squiggle, and nothing in the Problems panel.
  await page.locator('.tab').filter({ hasText: 'deploy.yml' }).click();
  await page.locator('.tab.active').filter({ hasText: 'deploy.yml' }).waitFor({ timeout: 15000 });
  // A second for the editor to draw decorations: diagnostics for it would have come long ago.
  await page.waitForTimeout(1000);
  if (await squiggles(page).count()) {
    throw new Error('the workflow has squiggles');
  }
  if (await (await ui.problems()).filter({ hasText: 'deploy.yml' }).count()) {
    throw new Error('the Problems panel lists deploy.yml');
  }
  await ui.closePanel();
  step(`workflow ${WORKFLOW_PATH} (YAML, no template): no squiggle, nothing in the Problems panel`);
}

/**
 * IAM Policy: Check Every Policy in the Workspace: the template never opened gets its finding
 * in the Problems panel, on the template at its line, not on a file named after the policy.
 */
export async function checkWorkspaceCommand(ui, step) {
  const { page } = ui;
  await ui.runCommand('IAM Policy: Check Every Policy in the Workspace');
  await page.locator('.notifications-toasts').getByText(/IAM Policy: \d+ finding\(s\) in \d+ policy file\(s\)/).first().waitFor({ timeout: 120000 });
  const rows = await ui.problems();
  const file = rows.filter({ hasText: 'reader.yaml' }).first();
  await file.waitFor({ timeout: 30000 });
  const fileText = oneLine(await file.innerText());
  if (fileText.includes('#')) {
    throw new Error(`the Problems panel names a policy as a file: ${fileText}`);
  }
  const finding = rows.filter({ hasText: 'ListBuckt' }).filter({ hasText: 'Ln 23, Col 21' });
  // The open template.yaml keeps its live diagnostics (fixed by now); this one is reader.yaml's.
  await finding.first().waitFor({ timeout: 30000 });
  step(`workspace check: ${fileText}; ${oneLine(await finding.first().innerText())}`);
  await ui.closePanel();
}

function oneLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** The language in the status bar: the document went to our client only as yaml. */
async function languageIs(page, name) {
  await page.locator('.statusbar-item[id="status.editor.mode"]').filter({ hasText: name }).waitFor({ timeout: 15000 });
}

/** Whether two boxes share pixels (a squiggle's box is as high as its line). */
function overlaps(a, b) {
  return b.x < a.x + a.width && a.x < b.x + b.width && b.y < a.y + a.height && a.y < b.y + b.height;
}
