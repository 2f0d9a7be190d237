// The linux-x64 package: the extension with a Java runtime of its own, so VS Code needs no
// Java installed. The runtime is jlink'ed from the JDK running the build (the JDK at
// $BUILD_JAVA_HOME, else `jlink` on the PATH) with only the modules jdeps finds the server's jar
// needs, plus the JDK's default class data sharing archive (faster JVM start). It is rebuilt
// only when the jar or the JDK changed. On another OS or CPU the build's JDK cannot serve
// linux-x64 users, so the package is not made (the plain one is).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`linux-x64 package not made: this build runs on ${process.platform}-${process.arch}`);
  process.exit(0);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
  return result.stdout;
}

const jdkTool = (name) => {
  const home = process.env.BUILD_JAVA_HOME;
  return home && existsSync(join(home, 'bin', name)) ? join(home, 'bin', name) : name;
};
const jar = join(root, 'server', 'iam-policy-ls.jar');
const runtime = join(root, 'runtime');
// Beside runtime/, not in it: the package takes all of runtime/.
const stampFile = join(root, 'runtime.stamp');
// What the runtime is made from: the jar's content (the build copies it anew each time) and the
// JDK (its path and release file).
const jdkRelease = process.env.BUILD_JAVA_HOME ? join(process.env.BUILD_JAVA_HOME, 'release') : '';
const stamp = JSON.stringify({
  jlink: jdkTool('jlink'),
  jdk: existsSync(jdkRelease) ? readFileSync(jdkRelease, 'utf8') : '',
  jar: createHash('sha256').update(readFileSync(jar)).digest('hex'),
});

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log('runtime/ is current for this jar and JDK; jlink skipped');
} else {
  const modules = run(jdkTool('jdeps'), ['--print-module-deps', '--ignore-missing-deps', '--multi-release', '17', jar]).trim();
  console.log(`jlink: ${modules}`);
  rmSync(runtime, { recursive: true, force: true });
  run(jdkTool('jlink'), ['--add-modules', modules, '--strip-debug', '--no-header-files', '--no-man-pages',
    '--compress=2', '--generate-cds-archive', '--output', runtime]);
  // The archive for heaps over 32 GB: an editor's server never has one.
  rmSync(join(runtime, 'lib', 'server', 'classes_nocoops.jsa'), { force: true });
  writeFileSync(stampFile, stamp);
}

mkdirSync(join(root, 'target'), { recursive: true });
// The repository's LICENSE and NOTICE go into the package, as in the plain one.
for (const file of ['LICENSE', 'NOTICE']) copyFileSync(join(root, '..', file), join(root, file));
run(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--target', 'linux-x64',
  '--ignoreFile', '.vscodeignore.linux-x64', '--out', 'target/iam-policy-ls-linux-x64.vsix']);
