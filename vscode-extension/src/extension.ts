import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  bundledJava,
  describeProblem,
  findJava,
  JavaFound,
  javaNotFoundNotice,
  JavaNotFound,
  JavaRuntime,
  MINIMUM_JAVA,
  remember,
  VersionCache,
} from './java';
import { archiveFor, ArchiveState, makeArchive, removeStale, sharingOptions } from './classDataSharing';
import { ServerLifecycle } from './serverLifecycle';
import { checkWorkspace } from './workspaceCheck';
import { registerCompareCommands } from './compareCommands';

/** Settings only the extension reads; the server would log them as unknown keys. */
const CLIENT_ONLY_KEYS = ['java', 'trace'];

/**
 * The launcher script's JVM options (server/src/main/sh/iam-policy-ls, BENCHMARKS.md): C1 and
 * the serial collector start faster and hold less memory for policy-sized documents; no
 * performance-data file; JVM warnings on stderr, never stdout, which carries the protocol (and
 * none about class data sharing: an archive the JVM cannot use is simply not used).
 */
const JVM_OPTIONS = [
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-XX:-UsePerfData',
  '-Xshare:auto',
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
  '-Xlog:cds*=off:stderr',
];

/** Where the versions of the Java runtimes already probed are kept between sessions. */
const JAVA_VERSIONS_KEY = 'iamPolicy.javaVersions';

interface RunningServer {
  client: LanguageClient;
  java: JavaRuntime;
}

let output: vscode.LogOutputChannel;
let lifecycle: ServerLifecycle<RunningServer> | undefined;
/** The class data sharing archive being made this session, if any: one at a time. */
let archiving: Promise<boolean> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('IAM Policy', { log: true });
  const trace = vscode.window.createOutputChannel('IAM Policy Trace', { log: true });
  const jar = context.asAbsolutePath('server/iam-policy-ls.jar');
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('iam-policy-workspace');
  // One watcher for every client this session starts: the client does not dispose it.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.iam-policy-ls.json');
  const servers = new ServerLifecycle<RunningServer>(
    () => start(context, jar, configWatcher, trace),
    (server) => stop(server.client),
  );
  lifecycle = servers;
  context.subscriptions.push(
    output,
    trace,
    workspaceDiagnostics,
    configWatcher,
    vscode.commands.registerCommand('iamPolicy.restartServer', () => servers.restart()),
    vscode.commands.registerCommand('iamPolicy.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('iamPolicy.checkWorkspace', async () => {
      const server = await servers.ensureStarted();
      if (server) {
        await checkWorkspace(server.java.executable, jar, workspaceDiagnostics, output);
      }
    }),
    ...registerCompareCommands(context, async () => (await servers.ensureStarted())?.client, output),
    // The live diagnostics of an opened document replace the workspace check's.
    vscode.workspace.onDidOpenTextDocument((d) => workspaceDiagnostics.delete(d.uri)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('iamPolicy.java.home')) {
        await servers.restart();
      }
    }),
  );
  await servers.ensureStarted();
}

export async function deactivate(): Promise<void> {
  await lifecycle?.stop();
}

async function stop(client: LanguageClient): Promise<void> {
  try {
    await client.stop();
  } catch (e) {
    output.warn(`Stopping the server: ${(e as Error).message}`);
  }
}

/** Starts the server; undefined (after telling the user why) when it cannot. */
async function start(
  context: vscode.ExtensionContext,
  jar: string,
  configWatcher: vscode.FileSystemWatcher,
  trace: vscode.LogOutputChannel,
): Promise<RunningServer | undefined> {
  if (!existsSync(jar)) {
    void vscode.window.showErrorMessage(`IAM Policy: the server jar is missing from the extension (${jar}).`);
    return undefined;
  }
  const java = await chooseJava(context);
  if (!java) {
    return undefined;
  }
  const archiveDir = join(context.globalStorageUri.fsPath, 'class-data-sharing');
  const archive = await archiveFor(archiveDir, java.executable, jar).catch(() => undefined);
  const serverOptions: ServerOptions = {
    command: java.executable,
    args: [...JVM_OPTIONS, ...(archive ? sharingOptions(archive) : []), '-jar', jar, 'serve'],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    // Every JSON and YAML document: the server decides which ones are policies or templates. A
    // client of its own, so the Red Hat YAML extension keeps its diagnostics beside ours.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      configurationSection: 'iamPolicy',
      fileEvents: configWatcher,
    },
    initializationOptions: { iamPolicy: serverSettings(vscode.workspace.getConfiguration().get('iamPolicy')) },
    // The server's logs come as window/logMessage and show at their own level here; the
    // protocol trace (iamPolicy.trace.server) has a channel of its own.
    outputChannel: output,
    traceOutputChannel: trace,
    stdioOptions: {
      stdout: (input, channel) => eachLine(input, (line) => channel.info(line)),
      // stderr carries only what the JVM says before the protocol is up (a bad option, a
      // crash): worth seeing, but not an error line for each of them.
      stderr: (input, channel) => eachLine(input, (line) => channel.warn(`stderr: ${line}`)),
    },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          return Array.isArray(result) ? result.map(serverSettings) : result;
        },
      },
    },
    // Crashes: vscode-languageclient's default error handler (restarts up to 4 times in 3
    // minutes, then stops and says so).
  };
  const client = new LanguageClient('iamPolicy', 'IAM Policy', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    output.error(`The server did not start: ${(e as Error).message}`);
    void vscode.window.showErrorMessage('IAM Policy: the server did not start; see the output channel.');
    return undefined;
  }
  if (archive && !archive.exists && !archiving) {
    prepareArchive(archiveDir, archive, java, jar);
  }
  return { client, java };
}

/**
 * Makes the class data sharing archive the next starts will map, a little after this start
 * (not to compete with its first check for the CPU): a background run of the server through a
 * short scripted session, about a second of CPU once per Java and extension version.
 */
function prepareArchive(dir: string, archive: ArchiveState, java: JavaRuntime, jar: string): void {
  archiving = new Promise<void>((resolve) => setTimeout(resolve, 10000))
    .then(() => {
      removeStale(dir, archive);
      return makeArchive(java.executable, JVM_OPTIONS, jar, archive);
    })
    .then(
      (made) => {
        output.info(
          made
            ? `Class data sharing archive made for the next starts: ${archive.path}`
            : 'No class data sharing archive made (the server starts without one)',
        );
        return made;
      },
      (e) => {
        output.warn(`No class data sharing archive: ${(e as Error).message}`);
        return false;
      },
    );
}

/**
 * The bundled runtime when this package has one (no lookup), else the lookup of findJava,
 * whose answers are kept in globalState so the next start runs no `java -version`.
 */
async function chooseJava(context: vscode.ExtensionContext): Promise<JavaRuntime | undefined> {
  const bundled = bundledJava(context.extensionPath);
  if (bundled) {
    ensureExecutable(bundled.executable);
  }
  const cache: VersionCache = {
    get: (key) => context.globalState.get<Record<string, number>>(JAVA_VERSIONS_KEY)?.[key],
    set: (key, version) =>
      context.globalState.update(
        JAVA_VERSIONS_KEY,
        remember(context.globalState.get<Record<string, number>>(JAVA_VERSIONS_KEY), key, version),
      ),
  };
  let found: JavaFound;
  try {
    found = await findJava({
      settingHome: vscode.workspace.getConfiguration('iamPolicy').get<string>('java.home'),
      bundled,
      cache,
    });
  } catch (e) {
    if (!(e instanceof JavaNotFound)) {
      throw e;
    }
    output.error(`No Java ${MINIMUM_JAVA}+ found: ${e.message}`);
    const notice = javaNotFoundNotice(e.problems);
    // Not awaited: activation must not wait for the user to answer.
    void vscode.window
      .showErrorMessage(notice.message, ...notice.actions.map((a) => a.title))
      .then((choice) => {
        const action = notice.actions.find((a) => a.title === choice);
        if (action) {
          void vscode.commands.executeCommand(action.command, ...action.args);
        }
      });
    return undefined;
  }
  for (const problem of found.passedOver) {
    output.warn(`Not used: ${describeProblem(problem)}`);
  }
  const { runtime } = found;
  const how = runtime.source === 'bundled' ? 'the runtime in this extension' : `${runtime.source}`;
  output.info(`Using Java ${runtime.version} from ${how}: ${runtime.executable} (${found.probed} probed)`);
  return runtime;
}

/** Zip tools may drop the executable bit of the bundled runtime's launcher: put it back. */
function ensureExecutable(file: string): void {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755);
  }
}

function eachLine(input: NodeJS.ReadableStream, handle: (line: string) => void): void {
  createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', handle);
}

/** The iamPolicy section without the keys only the extension reads. */
function serverSettings(section: unknown): unknown {
  if (section === null || typeof section !== 'object' || Array.isArray(section)) {
    return section;
  }
  const copy: Record<string, unknown> = { ...(section as Record<string, unknown>) };
  for (const key of CLIENT_ONLY_KEYS) {
    delete copy[key];
  }
  return copy;
}
