// What a person does in the workbench, as the real-VS Code test does it: go to a line, save and
// check the file on disk, run a command from the palette, read the Problems panel, take the
// screenshots. Every wait polls for what the user would see (session.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { poll, retry } from './session.mjs';

export function workbench(page, shots) {
  const quickInput = page.locator('.quick-input-widget input').first();

  /** Ctrl+G LINE:COLUMN (1-based, as the status bar counts). */
  async function goTo(lineColumn) {
    await retry(`go to ${lineColumn}`, 4, async () => {
      await page.keyboard.press('Control+G');
      await quickInput.waitFor({ timeout: 15000 });
      await page.keyboard.type(lineColumn);
      await page.keyboard.press('Enter');
      // A key pressed while Go to Line is still closing is lost (seen under load).
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15000 });
    }, () => page.keyboard.press('Escape'));
  }

  /** Ctrl+S, then `file` on disk must become `expected` (the whole text, nothing else). */
  async function save(file, expected, what) {
    await retry(`saving ${what}`, 3, async () => {
      await page.keyboard.press('Control+S');
      await poll(`${what} on disk`, 20000, () => readFileSync(file, 'utf8') === expected);
    }).catch((e) => {
      throw new Error(`${e.message}\nthe file holds:\n${readFileSync(file, 'utf8')}`);
    });
  }

  /** Ctrl+Shift+P, the command's title typed, Enter on it. */
  async function runCommand(title) {
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
    await retry(`the command ${title}`, 4, async () => {
      await page.keyboard.press('Control+Shift+P');
      await quickInput.waitFor({ timeout: 15000 });
      await page.keyboard.type(title);
      await row.waitFor({ timeout: 20000 });
    }, () => page.keyboard.press('Escape'));
    await page.keyboard.press('Enter');
  }

  /** The Problems panel (Ctrl+Shift+M); its rows, file rows and marker rows alike. */
  async function problems() {
    const panel = page.locator('.markers-panel');
    // The key toggles: pressed on a focused panel it would close it.
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ timeout: 15000 });
    return panel.locator('.monaco-list-row');
  }

  /** The panel off (Ctrl+J toggles it): room for the widgets below the cursor. */
  async function closePanel() {
    await page.keyboard.press('Control+J');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 15000 });
  }

  /**
   * A screenshot of the window (SHOTS/NAME.png) and one cropped to the union of `areas`, cut
   * below `widget` (a selector or a locator, also one inside a webview's frame) when given
   * (SHOTS/docs/NAME.png).
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
      const box = await (typeof widget === 'string' ? page.locator(widget) : widget).first().boundingBox();
      if (box) {
        bottom = Math.min(bottom, Math.max(box.y + box.height + 24, y + 360));
        right = Math.min(Math.max(...boxes.map((b) => b.x + b.width)), Math.max(right, box.x + box.width + 24));
      }
    }
    await page.screenshot({ path: join(shots, 'docs', `${name}.png`), clip: { x, y, width: right - x, height: bottom - y } });
  }

  /**
   * Ctrl+Space at the cursor until the list offers `label` (the item's label alone: a row's text
   * also holds the focused row's detail), a screenshot SHOT, and a click on the item.
   */
  async function complete(label, shot, maxWidth) {
    const name = page.locator('.label-name').filter({ hasText: new RegExp(`^${literal(label)}$`) });
    const item = page.locator('.suggest-widget .monaco-list-row').filter({ has: name }).first();
    await retry(`${label} in the completion list`, 4, async () => {
      await page.keyboard.press('Control+Space');
      await item.waitFor({ timeout: 20000 });
    }, () => page.keyboard.press('Escape'));
    await shoot(shot, ['.part.editor'], '.suggest-widget', maxWidth);
    await item.click();
  }

  /**
   * The mouse on the editor's token `text` (a JSON string's with its quotes) until a hover
   * mentioning `mention` shows; its text.
   */
  async function hover(text, mention, shot) {
    const widget = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: mention }).first();
    const lines = page.locator('.part.editor .monaco-editor .view-lines').first();
    const word = lines.getByText(new RegExp(`^"?${literal(text)}"?$`)).first();
    await retry(`the hover on ${text}`, 4, async () => {
      await page.mouse.move(5, 5);
      await word.hover();
      await widget.waitFor({ timeout: 20000 });
    });
    const shown = await widget.innerText();
    if (shot) await shoot(shot, ['.part.editor'], '.monaco-hover:not(.hidden)');
    await page.mouse.move(5, 5);
    return shown;
  }

  /** Ctrl+. at the cursor until the menu offers `title`, a screenshot SHOT, and Enter on it. */
  async function quickFix(title, shot) {
    const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: title }).first();
    await retry(`${title} in the quick fix menu`, 4, async () => {
      await page.keyboard.press('Control+.');
      await fix.waitFor({ timeout: 20000 });
    }, () => page.keyboard.press('Escape'));
    await shoot(shot, ['.part.editor'], '.action-widget');
    // The menu takes keys, not clicks (a pointer block covers it): move the focus to the fix.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await poll(`the focus on ${title}`, 20000, async () => {
      if ((await focused.getAttribute('aria-label', { timeout: 2000 })) === title) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    });
    await page.keyboard.press('Enter');
  }

  /** A regular expression matching `text` as is. */
  function literal(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  return { page, goTo, save, runCommand, problems, closePanel, shoot, complete, hover, quickFix };
}
