// Java discovery: the setting, then JAVA_HOME, then PATH; 17 or newer; and the notification
// when none fits. Fake runtimes are shell scripts that print a `java -version` banner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './support/load.mjs';

const { parseJavaVersion, findJava, JavaNotFound, javaNotFoundNotice, MINIMUM_JAVA } = load('java');

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
