// Copies the server jar built by Maven into the extension, which ships it.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, '..', 'server', 'target', 'iam-policy-ls.jar');
if (!existsSync(source)) {
  console.error(`${source} is missing: build it first (mvn -B package -pl server -DskipTests)`);
  process.exit(1);
}
mkdirSync(join(root, 'server'), { recursive: true });
copyFileSync(source, join(root, 'server', 'iam-policy-ls.jar'));
