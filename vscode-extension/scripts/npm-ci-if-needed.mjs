// Runs `npm ci` unless node_modules already matches package-lock.json: npm keeps a copy of
// the lock it installed in node_modules/.package-lock.json, newer than the lock it came from.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const current =
  existsSync(installed) &&
  ['package-lock.json', 'package.json'].every(
    (f) => statSync(join(root, f)).mtimeMs <= statSync(installed).mtimeMs,
  );
if (current) {
  console.log('node_modules is current; npm ci skipped');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
