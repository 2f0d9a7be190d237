// The Java lookup's version parsing, on real `java -version` first lines of each format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(mkdtempSync(join(tmpdir(), 'iam-java-')), 'java.cjs');
buildSync({
  entryPoints: [join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'java.ts')],
  bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent',
});
const { parseJavaVersion, findJava } = createRequire(import.meta.url)(out);

test('feature versions from java -version output', () => {
  assert.equal(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'), 17);
  assert.equal(parseJavaVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment'), 8);
  assert.equal(parseJavaVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaVersion('openjdk version "11.0.2" 2019-01-15'), 11);
  assert.equal(parseJavaVersion('no version here'), undefined);
});

test('a java.home setting without bin/java is reported, and the PATH java is used', async () => {
  const java = await findJava('/nonexistent-jdk');
  assert.equal(java.source === 'PATH' || java.source === 'JAVA_HOME', true);
  assert.ok(java.version >= 17);
});
