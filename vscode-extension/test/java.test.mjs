// Java discovery: the setting, then JAVA_HOME, then PATH, probed at once and remembered; 17 or
// newer; the runtime a platform package carries; and the notification when none fits. Fake
// runtimes are shell scripts that print a `java -version` banner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './support/load.mjs';

const { parseJavaVersion, findJava, JavaNotFound, javaNotFoundNotice, MINIMUM_JAVA, bundledJava, remember, onPath } = load('java');

const root = mkdtempSync(join(tmpdir(), 'iam-fake-java-'));
const emptyPath = join(root, 'empty-path');
mkdirSync(emptyPath);

/** A folder with bin/java that reports `version` the way OpenJDK does (on stderr). */
function fakeJdk(name, version) {
  const home = join(root, name);
  mkdirSync(join(home, 'bin'), { recursive: true });
  const java = join(home, 'bin', 'java');
  writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-16' >&2\necho 'OpenJDK Runtime Environment' >&2\n`);
  chmodSync(java, 0o755);
  return home;
}

const jdk11 = fakeJdk('jdk-11', '11.0.22');
const jdk17 = fakeJdk('jdk-17', '17.0.10');
const jdk21 = fakeJdk('jdk-21', '21.0.2');
const jdk8 = fakeJdk('jdk-8', '1.8.0_392');

test('feature versions from java -version output', () => {
  assert.equal(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'), 17);
  assert.equal(parseJavaVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment'), 8);
  assert.equal(parseJavaVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaVersion('openjdk version "11.0.2" 2019-01-15'), 11);
  assert.equal(parseJavaVersion('no version here'), undefined);
});

test('the setting wins over JAVA_HOME and PATH', async () => {
  const found = await findJava({ settingHome: jdk21, env: { JAVA_HOME: jdk17, PATH: join(jdk11, 'bin') } });
  assert.equal(found.runtime.source, 'iamPolicy.java.home');
  assert.equal(found.runtime.executable, join(jdk21, 'bin', 'java'));
  assert.equal(found.runtime.version, 21);
  assert.deepEqual(found.passedOver, []);
});

test('JAVA_HOME is used when the setting is empty', async () => {
  const found = await findJava({ settingHome: '  ', env: { JAVA_HOME: jdk17, PATH: emptyPath } });
  assert.equal(found.runtime.source, 'JAVA_HOME');
  assert.equal(found.runtime.version, 17);
});

test('java on the PATH is used when neither the setting nor JAVA_HOME is set', async () => {
  const found = await findJava({ env: { PATH: `${emptyPath}:${join(jdk17, 'bin')}` } });
  assert.equal(found.runtime.source, 'PATH');
  assert.equal(found.runtime.version, 17);
});

test('a setting naming a Java 11 is passed over for JAVA_HOME, and the log learns why', async () => {
  const found = await findJava({ settingHome: jdk11, env: { JAVA_HOME: jdk21, PATH: emptyPath } });
  assert.equal(found.runtime.source, 'JAVA_HOME');
  assert.deepEqual(
    found.passedOver.map((p) => [p.source, p.reason, p.version]),
    [['iamPolicy.java.home', 'too-old', 11]],
  );
});

test('a setting naming a folder without bin/java is passed over as missing', async () => {
  const found = await findJava({ settingHome: join(root, 'no-such-jdk'), env: { PATH: join(jdk17, 'bin') } });
  assert.equal(found.runtime.source, 'PATH');
  assert.deepEqual(found.passedOver.map((p) => [p.source, p.reason]), [['iamPolicy.java.home', 'missing']]);
});

test('only Java 11 anywhere: rejected, and the notice asks for 17, names the 11 and opens the setting', async () => {
  const error = await findJava({ env: { JAVA_HOME: jdk11, PATH: join(jdk8, 'bin') } }).then(
    () => assert.fail('Java 11 and 8 were accepted'),
    (e) => e,
  );
  assert.ok(error instanceof JavaNotFound);
  assert.deepEqual(
    error.problems.map((p) => [p.source, p.reason, p.version]),
    [['JAVA_HOME', 'too-old', 11], ['PATH', 'too-old', 8]],
  );
  const notice = javaNotFoundNotice(error.problems);
  assert.equal(MINIMUM_JAVA, 17);
  assert.match(notice.message, /\b17\b/);
  assert.match(notice.message, /Java 11 \(JAVA_HOME\)/);
  assert.deepEqual(notice.actions[0], {
    title: 'Open Setting',
    command: 'workbench.action.openSettings',
    args: ['iamPolicy.java.home'],
  });
});

test('no Java at all: one notice whose first button opens the setting', async () => {
  const error = await findJava({ settingHome: join(root, 'gone'), env: { JAVA_HOME: join(root, 'gone-too'), PATH: emptyPath } })
    .then(() => assert.fail('a Java was found on an empty PATH'), (e) => e);
  assert.ok(error instanceof JavaNotFound);
  assert.deepEqual(
    error.problems.map((p) => [p.source, p.reason]),
    [['iamPolicy.java.home', 'missing'], ['JAVA_HOME', 'missing'], ['PATH', 'missing']],
  );
  const notice = javaNotFoundNotice(error.problems);
  assert.match(notice.message, /\b17\b/);
  assert.doesNotMatch(notice.message, /Found only/);
  assert.equal(notice.actions[0].command, 'workbench.action.openSettings');
  assert.deepEqual(notice.actions[0].args, ['iamPolicy.java.home']);
});

test('a java that prints no version is passed over', async () => {
  const home = join(root, 'broken');
  mkdirSync(join(home, 'bin'), { recursive: true });
  writeFileSync(join(home, 'bin', 'java'), '#!/bin/sh\necho garbage >&2\n');
  chmodSync(join(home, 'bin', 'java'), 0o755);
  const found = await findJava({ settingHome: home, env: { PATH: join(jdk21, 'bin') } });
  assert.equal(found.runtime.version, 21);
  assert.deepEqual(found.passedOver.map((p) => p.reason), ['unknown-version']);
});

test('the machine Java that runs the server is found and is 17+', async () => {
  const found = await findJava({});
  assert.ok(found.runtime.version >= 17);
});

/** A JDK whose bin/java also counts its runs in a file beside it. */
function countingJdk(name, version) {
  const home = join(root, name);
  mkdirSync(join(home, 'bin'), { recursive: true });
  const java = join(home, 'bin', 'java');
  writeFileSync(java, `#!/bin/sh\necho run >> "${home}/runs"\necho 'openjdk version "${version}"' >&2\n`);
  chmodSync(java, 0o755);
  return { home, java, runs: () => (existsSync(join(home, 'runs')) ? readFileSync(join(home, 'runs'), 'utf8').split('\n').length - 1 : 0) };
}

/** The VersionCache of the extension, over a plain object instead of globalState. */
function memoryCache() {
  let record;
  return { get: (key) => record?.[key], set: (key, version) => { record = remember(record, key, version); }, record: () => record };
}

test('a second lookup with the same cache runs no java -version', async () => {
  const jdk = countingJdk('counted-17', '17.0.9');
  const cache = memoryCache();
  const first = await findJava({ env: { JAVA_HOME: jdk.home, PATH: emptyPath }, cache });
  assert.equal(first.probed, 1);
  assert.equal(jdk.runs(), 1);
  const second = await findJava({ env: { JAVA_HOME: jdk.home, PATH: emptyPath }, cache });
  assert.equal(second.probed, 0);
  assert.equal(jdk.runs(), 1);
  assert.deepEqual(second.runtime, first.runtime);
});

test('a runtime replaced in place is probed again: the cache key has its modification time', async () => {
  const jdk = countingJdk('replaced', '17.0.9');
  const cache = memoryCache();
  assert.equal((await findJava({ env: { JAVA_HOME: jdk.home, PATH: emptyPath }, cache })).runtime.version, 17);
  const java = join(jdk.home, 'bin', 'java');
  writeFileSync(java, `#!/bin/sh\necho 'openjdk version "11.0.1"' >&2\n`);
  utimesSync(java, new Date(), new Date(Date.now() + 60000));
  const error = await findJava({ env: { JAVA_HOME: jdk.home, PATH: emptyPath }, cache }).then(
    () => assert.fail('the cached 17 was used for a java that is now 11'),
    (e) => e,
  );
  assert.deepEqual(error.problems.map((p) => [p.source, p.reason, p.version]), [['JAVA_HOME', 'too-old', 11], ['PATH', 'missing', undefined]]);
});

test('the candidates are probed at once, not one after another', async () => {
  // Each fake java waits for the other to have started; probed one at a time, the first would
  // give up and print no version. (Its PATH has no programs: only shell built-ins and /bin/sleep.)
  const marks = join(root, 'marks');
  mkdirSync(marks);
  const waiting = (name, other, version) => {
    const home = join(root, name);
    mkdirSync(join(home, 'bin'), { recursive: true });
    writeFileSync(join(home, 'bin', 'java'), `#!/bin/sh
: > "${marks}/${name}"
i=0
while [ ! -f "${marks}/${other}" ]; do
  i=$((i + 1)); if [ $i -gt 300 ]; then echo gave-up >&2; exit 0; fi; /bin/sleep 0.05
done
echo 'openjdk version "${version}"' >&2
`);
    chmodSync(join(home, 'bin', 'java'), 0o755);
    return home;
  };
  const setting = waiting('waits-for-path', 'waits-for-setting', '21.0.1');
  const onPathHome = waiting('waits-for-setting', 'waits-for-path', '17.0.1');
  const found = await findJava({ settingHome: setting, env: { PATH: join(onPathHome, 'bin') } });
  assert.equal(found.runtime.source, 'iamPolicy.java.home');
  assert.equal(found.runtime.version, 21);
  assert.equal(found.probed, 2);
});

test('a bundled runtime is used without running anything, unless the setting names a Java', async () => {
  const jdk = countingJdk('not-needed', '21.0.1');
  const bundled = { executable: '/ext/runtime/bin/java', version: 17, source: 'bundled' };
  const plain = await findJava({ bundled, env: { JAVA_HOME: jdk.home, PATH: join(jdk.home, 'bin') } });
  assert.deepEqual(plain, { runtime: bundled, passedOver: [], probed: 0 });
  assert.equal(jdk.runs(), 0);

  const chosen = await findJava({ bundled, settingHome: jdk21, env: { PATH: emptyPath } });
  assert.equal(chosen.runtime.source, 'iamPolicy.java.home');

  const fallback = await findJava({ bundled, settingHome: jdk11, env: { JAVA_HOME: jdk21, PATH: emptyPath } });
  assert.equal(fallback.runtime, bundled);
  assert.deepEqual(fallback.passedOver.map((p) => [p.source, p.reason]), [['iamPolicy.java.home', 'too-old']]);
});

test('the bundled runtime is found in the extension, with the version of its release file', () => {
  const extension = join(root, 'extension');
  assert.equal(bundledJava(extension), undefined);
  mkdirSync(join(extension, 'runtime', 'bin'), { recursive: true });
  writeFileSync(join(extension, 'runtime', 'bin', 'java'), '');
  writeFileSync(join(extension, 'runtime', 'release'), 'IMPLEMENTOR="Debian"\nJAVA_VERSION="21.0.7"\nMODULES="java.base"\n');
  assert.deepEqual(bundledJava(extension), {
    executable: join(extension, 'runtime', 'bin', 'java'),
    version: 21,
    source: 'bundled',
  });
});

test('the stored cache keeps the newest entries only', () => {
  let record;
  for (let i = 1; i <= 10; i++) {
    record = remember(record, `java-${i}`, 17, 3);
  }
  assert.deepEqual(record, { 'java-8': 17, 'java-9': 17, 'java-10': 17 });
  record = remember(record, 'java-8', 21, 3);
  assert.deepEqual(Object.keys(record), ['java-9', 'java-10', 'java-8']);
  assert.equal(record['java-8'], 21);
});

test('java on the PATH is the first executable file named java, as a shell finds it', () => {
  const notExecutable = join(root, 'not-executable');
  mkdirSync(notExecutable);
  writeFileSync(join(notExecutable, 'java'), '');
  const path = [emptyPath, notExecutable, join(jdk17, 'bin'), join(jdk21, 'bin')].join(':');
  assert.equal(onPath('java', path), join(jdk17, 'bin', 'java'));
  assert.equal(onPath('java', emptyPath), undefined);
});
