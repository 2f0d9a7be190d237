// Bundles one of the extension's modules that do not import `vscode` and loads it, so the
// tests run the TypeScript source itself under plain Node.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

export function load(module) {
  const out = join(mkdtempSync(join(tmpdir(), `iam-${module}-`)), `${module}.cjs`);
  // external: vscode makes a module that imports it fail loudly here rather than bundle.
  buildSync({
    entryPoints: [join(src, `${module}.ts`)],
    bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent',
    external: ['vscode'],
  });
  return createRequire(import.meta.url)(out);
}
