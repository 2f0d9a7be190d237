// Open-to-first-squiggle in VS Code (code-server 4.100.3, headless Chromium): the time from
// pressing Enter on a policy in Ctrl+P to the first squiggle of the server's findings. The
// extension activates on that open, so this is its whole start: finding Java, the JVM, the
// server's first check. Each package gets its own user data kept across its runs (the second
// run finds what the first stored, as a user reopening VS Code does) and RUNS fresh windows.
//   usage: node measure.mjs CODE_SERVER_DIR RUNS LABEL=VSIX[:no-java] ...
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  baseSettings,
  installExtension,
  makeHome,
  openFile,
  openWorkbench,
  pathWithoutJava,
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

async function measure(vsix, noJava) {
  const dirs = makeHome(baseSettings);
  writeFileSync(join(dirs.workspace, 'policy.json'), POLICY);
  const env = { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: join(dirs.home, 'config'), XDG_DATA_HOME: join(dirs.home, 'data') };
  if (noJava) {
    delete env.JAVA_HOME;
    env.PATH = pathWithoutJava(join(dirs.home, 'bin'));
  }
  const times = [];
  try {
    installExtension(resolve(installDir), dirs, env, resolve(vsix));
    for (let run = 0; run < runs; run++) {
      // The workspace's editors are not restored: each run opens the policy itself.
      rmSync(join(dirs.userData, 'User', 'workspaceStorage'), { recursive: true, force: true });
      const session = await startCodeServer(resolve(installDir), dirs, env);
      let context;
      try {
        let page;
        ({ context, page } = await openWorkbench(resolve(installDir), dirs, session.port));
        const openedAt = await openFile(page, 'policy.json');
        await squiggles(page).first().waitFor({ timeout: 120000 });
        times.push(Date.now() - openedAt);
      } finally {
        await context?.close().catch(() => {});
        await session.stop();
      }
    }
  } finally {
    removeHome(dirs);
  }
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const variant of variants) {
  const [label, spec] = variant.split('=');
  const [vsix, flag] = spec.split(':');
  const times = await measure(vsix, flag === 'no-java');
  console.log(`${label}: median ${(median(times) / 1000).toFixed(2)} s  (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`);
}
