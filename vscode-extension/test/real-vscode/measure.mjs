// Open-to-first-squiggle in VS Code (code-server 4.100.3, headless Chromium): the time from
// pressing Enter on a policy in Ctrl+P to the first squiggle of the server's findings. The
// extension activates on that open, so this is its whole start: finding Java, the JVM, the
// server's first check. Each package gets its own user data kept across its runs (the second
// run finds what the first stored, as a user reopening VS Code does); RUNS rounds of one fresh
// window per package.
//   usage: node measure.mjs CODE_SERVER_DIR RUNS LABEL=VSIX[:no-java] ...
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  baseSettings,
  installExtension,
  makeHome,
  openFile,
  openWorkbench,
  pathWithoutJava,
  poll,
  removeHome,
  squiggles,
  startCodeServer,
} from './session.mjs';

const [installDir, runsText, ...variants] = process.argv.slice(2);
const runs = Number(runsText);

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:*", "Resource": "*" }
  ]
}
`;

/** A home with the package installed, kept across this variant's runs. */
function prepare(vsix, noJava) {
  const dirs = makeHome(baseSettings);
  writeFileSync(join(dirs.workspace, 'policy.json'), POLICY);
  const env = { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: join(dirs.home, 'config'), XDG_DATA_HOME: join(dirs.home, 'data') };
  if (noJava) {
    delete env.JAVA_HOME;
    env.PATH = pathWithoutJava(join(dirs.home, 'bin'));
  }
  installExtension(resolve(installDir), dirs, env, resolve(vsix));
  return { dirs, env, times: [] };
}

/** One fresh window: milliseconds from opening the policy to its first squiggle. */
async function once({ dirs, env }, first) {
  // The workspace's editors are not restored: each run opens the policy itself.
  rmSync(join(dirs.userData, 'User', 'workspaceStorage'), { recursive: true, force: true });
  const session = await startCodeServer(resolve(installDir), dirs, env);
  let context;
  try {
    let page;
    ({ context, page } = await openWorkbench(resolve(installDir), dirs, session.port));
    const openedAt = await openFile(page, 'policy.json');
    await squiggles(page).first().waitFor({ timeout: 120000 });
    const took = Date.now() - openedAt;
    if (first) {
      // A user's first session lasts long enough for the extension to make its class data
      // sharing archive (10 s after the start); an extension that makes none is waited for 40 s.
      await poll('an archive', 40000, () => hasArchive(dirs.userData)).catch(() => {});
    }
    return took;
  } finally {
    await context?.close().catch(() => {});
    await session.stop();
  }
}

function hasArchive(dir) {
  return readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? hasArchive(join(dir, e.name)) : /^server-[0-9a-f]+\.jsa$/.test(e.name));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const prepared = variants.map((variant) => {
  const [label, spec] = variant.split('=');
  const [vsix, flag] = spec.split(':');
  return { label, ...prepare(vsix, flag === 'no-java') };
});
try {
  // Round by round, every package once per round: a busy minute of the machine slows them all.
  for (let run = 0; run < runs; run++) {
    for (const variant of prepared) {
      variant.times.push(await once(variant, run === 0));
    }
  }
  for (const { label, times } of prepared) {
    console.log(`${label}: median ${(median(times) / 1000).toFixed(2)} s  (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`);
  }
} finally {
  prepared.forEach(({ dirs }) => removeHome(dirs));
}
