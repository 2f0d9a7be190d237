// The server's class data sharing archive: named per Java and jar, made by a scripted session
// of the real jar on the machine's Java, used by the next JVM, and cleaned up when stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './support/load.mjs';

const { archiveFor, sharingOptions, removeStale, makeArchive } = load('classDataSharing');
const { onPath } = load('java');

const jar = process.env.IAM_POLICY_LS_JAR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'iam-policy-ls.jar');
const java = onPath('java', process.env.PATH);
const root = mkdtempSync(join(tmpdir(), 'iam-cds-'));
const JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto', '-Xlog:disable', '-Xlog:all=warning:stderr'];

test('one archive name per Java and jar: another jar gets another', async () => {
  const dir = join(root, 'names');
  const first = await archiveFor(dir, java, jar);
  assert.deepEqual(await archiveFor(dir, java, jar), first);
  assert.equal(first.exists, false);
  assert.deepEqual(sharingOptions(first), []);
  const copy = join(root, 'copy.jar');
  copyFileSync(jar, copy);
  utimesSync(copy, new Date(), new Date(Date.now() - 3600 * 1000));
  const other = await archiveFor(dir, java, copy);
  assert.notEqual(other.path, first.path);
  assert.match(other.path, /server-[0-9a-f]{16}\.jsa$/);
});

test('a scripted session of the real server makes an archive that the next JVM maps', async () => {
  const dir = join(root, 'made');
  const archive = await archiveFor(dir, java, jar);
  assert.equal(await makeArchive(java, JVM, jar, archive), true);
  const again = await archiveFor(dir, java, jar);
  assert.equal(again.exists, true);
  assert.deepEqual(readdirSync(dir), [again.path.slice(dir.length + 1)], 'only the archive is left');
  assert.deepEqual(sharingOptions(again), [`-XX:SharedArchiveFile=${again.path}`]);
  // -Xshare:on fails when the archive cannot be used; the server's classes come from it.
  const run = spawnSync(java, [...JVM, '-Xshare:on', ...sharingOptions(again), '-Xlog:class+load=info:stdout',
    '-jar', jar, '--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /dev\.iampolicyls\.\S+ source: shared objects file \(top\)/);
});

test('a server that fails leaves no archive and no unfinished file', async () => {
  const dir = join(root, 'failed');
  const broken = join(root, 'broken-java');
  writeFileSync(broken, '#!/bin/sh\nexit 3\n');
  chmodSync(broken, 0o755);
  const archive = await archiveFor(dir, broken, jar);
  assert.equal(await makeArchive(broken, JVM, jar, archive), false);
  assert.deepEqual(readdirSync(dir), []);
});

test('archives of other Javas or jars and old unfinished dumps are removed', async () => {
  const dir = join(root, 'stale');
  mkdirSync(dir);
  const archive = await archiveFor(dir, java, jar);
  const now = Date.now();
  const files = {
    mine: archive.path.slice(dir.length + 1),
    other: 'server-0123456789abcdef.jsa',
    oldDump: 'server-0123456789abcdef.a1b2c3.tmp',
    dumping: 'server-fedcba9876543210.d4e5f6.tmp',
    unrelated: 'notes.txt',
  };
  for (const name of Object.values(files)) writeFileSync(join(dir, name), '');
  utimesSync(join(dir, files.oldDump), new Date(now), new Date(now - 2 * 3600 * 1000));
  removeStale(dir, archive, now);
  assert.deepEqual(readdirSync(dir).sort(), [files.dumping, files.mine, files.unrelated].sort());
  removeStale(join(root, 'absent'), archive, now);
  assert.equal(existsSync(join(root, 'absent')), false);
});
