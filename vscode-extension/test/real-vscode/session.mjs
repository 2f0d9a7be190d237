// One VS Code session for the real-VS Code test and the measurement: code-server 4.100.3 with a
// home of its own, the .vsix installed, driven in headless Chromium by playwright-core. Every
// wait polls for what the user would see, with generous limits: the machines running this are
// often busy.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A temporary home: user data (settings, globalState), extensions and a workspace folder. */
export function makeHome(settings) {
  const home = mkdtempSync(join(tmpdir(), 'iam-real-vscode-'));
  const dirs = {
    home,
    userData: join(home, 'user'),
    extensions: join(home, 'extensions'),
    workspace: join(home, 'ws'),
    config: join(home, 'config.yaml'),
  };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.workspace, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(dirs.config, 'auth: none\n');
  return dirs;
}

/** The settings every session starts with: no start page, no telemetry, no minimap. */
export const baseSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'workbench.tips.enabled': false,
  'chat.commandCenter.enabled': false,
};

/**
 * A folder of links to every program on the PATH except Java's (anything named java* or
 * living in a JDK under .../jvm/): a PATH on which code-server works but finds no Java.
 */
export function pathWithoutJava(dir, path = process.env.PATH ?? '') {
  mkdirSync(dir, { recursive: true });
  for (const folder of path.split(delimiter)) {
    let names;
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const from = join(folder, name);
      const to = join(dir, name);
      let real;
      try {
        real = realpathSync(from);
        if (!statSync(real).isFile()) continue;
      } catch {
        continue;
      }
      if (name.startsWith('java') || real.includes('/jvm/') || existsSync(to)) continue;
      symlinkSync(real, to);
    }
  }
  return dir;
}

export function installExtension(installDir, dirs, env, vsix) {
  const result = spawnSync(codeServerBin(installDir), [...commonArgs(dirs), '--install-extension', vsix], {
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The extensions installed in `dirs.extensions`, as code-server lists them (publisher.name). */
export function listExtensions(installDir, dirs, env) {
  const result = spawnSync(codeServerBin(installDir), [...commonArgs(dirs), '--list-extensions'], {
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`listing the extensions failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout.split('\n').map((l) => l.trim()).filter((l) => l);
}

/** Starts code-server on a free port and waits for /healthz. */
export async function startCodeServer(installDir, dirs, env) {
  const port = await freePort();
  const child = spawn(
    codeServerBin(installDir),
    [...commonArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', dirs.workspace],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await poll('code-server to answer /healthz', 120000, async () => {
    if (child.exitCode !== null) throw new Error(`code-server exited: ${log.slice(-2000)}`);
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  });
  return {
    port,
    log: () => log,
    async stop() {
      // The whole group: code-server's extension host and our Java server with it.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    },
  };
}

/** Headless Chromium on the workbench of `dirs.workspace`. */
export async function openWorkbench(installDir, dirs, port) {
  const require = createRequire(join(installDir, 'package.json'));
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(join(dirs.home, 'browser'), {
    executablePath: '/usr/bin/chromium',
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
  // The explorer is ready once it lists the workspace's files: the file picker finds them then.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120000 });
  return { context, page };
}

/** Opens a workspace file with Ctrl+P; resolves when the file's editor shows text. */
export async function openFile(page, name) {
  // The focused row: Enter opens it (a file opened before tops the list until the filter applies).
  const row = page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: name }).first();
  await retry(`${name} in the file picker`, 4, async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').first().waitFor({ timeout: 15000 });
    await page.keyboard.type(name);
    await row.waitFor({ timeout: 20000 });
  }, () => page.keyboard.press('Escape'));
  const openedAt = Date.now();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active`).filter({ hasText: name }).waitFor({ timeout: 30000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
  return openedAt;
}

/** The first squiggle our diagnostics make in the editor. */
export function squiggles(page) {
  return page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info');
}

/** Repeats `check` until it returns something truthy, or fails after `ms`. */
export async function poll(what, ms, check, everyMs = 250) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${ms / 1000} s for ${what}${last ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Runs `attempt` up to `times` times (a key press lost while a widget was closing). */
export async function retry(what, times, attempt, between = async () => {}) {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= times) throw new Error(`${what}: ${e.message}`);
      await between();
    }
  }
}

/**
 * The Java process running the server jar of an extension installed under `extensionsDir`
 * (never another session's), if any: its pid and the java it runs on.
 */
export function serverProcess(extensionsDir) {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a.startsWith(extensionsDir) && a.endsWith('iam-policy-ls.jar')) && args.includes('serve')) {
        return { pid: Number(pid), java: readlinkSync(`/proc/${pid}/exe`), args };
      }
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

export function removeHome(dirs) {
  rmSync(dirs.home, { recursive: true, force: true });
}

function codeServerBin(installDir) {
  return join(installDir, 'node_modules', '.bin', 'code-server');
}

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
