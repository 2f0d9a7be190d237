import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { describeProblem, findJava, javaNotFoundNotice, JavaNotFound, JavaRuntime, MINIMUM_JAVA } from './java';
import { continueAfterError, CrashRestartPolicy } from './restartPolicy';
import { checkWorkspace } from './workspaceCheck';

/** Settings only the extension reads; the server would log them as unknown keys. */
const CLIENT_ONLY_KEYS = ['java', 'trace'];

let client: LanguageClient | undefined;
let java: JavaRuntime | undefined;
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('IAM Policy', { log: true });
  const jar = context.asAbsolutePath('server/iam-policy-ls.jar');
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('iam-policy-workspace');
  context.subscriptions.push(
    output,
    workspaceDiagnostics,
    vscode.commands.registerCommand('iamPolicy.restartServer', async () => {
      await stop();
      await start(jar);
    }),
    vscode.commands.registerCommand('iamPolicy.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('iamPolicy.checkWorkspace', async () => {
      if (java || (await start(jar))) {
        await checkWorkspace(java!.executable, jar, workspaceDiagnostics, output);
      }
    }),
    // The live diagnostics of an opened document replace the workspace check's.
    vscode.workspace.onDidOpenTextDocument((d) => workspaceDiagnostics.delete(d.uri)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('iamPolicy.java.home')) {
        await stop();
        await start(jar);
      }
    }),
  );
  await start(jar);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (e) {
      output.appendLine(`Stopping the server: ${(e as Error).message}`);
    }
  }
}

/** Starts the server; false (after telling the user why) when it cannot. */
async function start(jar: string): Promise<boolean> {
  if (!existsSync(jar)) {
    void vscode.window.showErrorMessage(`IAM Policy: the server jar is missing from the extension (${jar}).`);
    return false;
  }
  try {
    const found = await findJava({
      settingHome: vscode.workspace.getConfiguration('iamPolicy').get<string>('java.home'),
    });
    for (const problem of found.passedOver) {
      output.appendLine(`Not used: ${describeProblem(problem)}`);
    }
    java = found.runtime;
  } catch (e) {
    java = undefined;
    if (!(e instanceof JavaNotFound)) {
      throw e;
    }
    output.appendLine(`No Java ${MINIMUM_JAVA}+ found: ${e.message}`);
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
    return false;
  }
  output.appendLine(`Using Java ${java.version} from ${java.source}: ${java.executable}`);
  const serverOptions: ServerOptions = {
    command: java.executable,
    // The launcher script's options (server/src/main/sh/iam-policy-ls, BENCHMARKS.md): C1 and the
    // serial collector start faster and hold less memory for policy-sized documents, and JVM
    // warnings must go to stderr: stdout carries the protocol.
    args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', jar, 'serve'],
    transport: TransportKind.stdio,
  };
  const crashPolicy = new CrashRestartPolicy();
  const clientOptions: LanguageClientOptions = {
    // Every JSON document: the server decides which ones are policies.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: 'iamPolicy',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.iam-policy-ls.json'),
    },
    initializationOptions: { iamPolicy: serverSettings(vscode.workspace.getConfiguration().get('iamPolicy')) },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          return Array.isArray(result) ? result.map(serverSettings) : result;
        },
      },
    },
    errorHandler: {
      error: (_error, _message, count) => ({
        action: continueAfterError(count) ? ErrorAction.Continue : ErrorAction.Shutdown,
      }),
      closed: () => {
        const decision = crashPolicy.onCrash(Date.now());
        if (decision.restart) {
          output.appendLine(
            `The server stopped unexpectedly; restarting (${decision.crashes}/${crashPolicy.maxRestarts}).`,
          );
          return { action: CloseAction.Restart, handled: true };
        }
        void vscode.window
          .showErrorMessage(
            `IAM Policy: the server crashed ${decision.crashes} times in a few minutes and was not restarted.`,
            'Show Output',
            'Restart Server',
          )
          .then((choice) => {
            if (choice === 'Show Output') {
              output.show(true);
            } else if (choice === 'Restart Server') {
              void vscode.commands.executeCommand('iamPolicy.restartServer');
            }
          });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  client = new LanguageClient('iamPolicy', 'IAM Policy', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    output.appendLine(`The server did not start: ${(e as Error).message}`);
    void vscode.window.showErrorMessage('IAM Policy: the server did not start; see the output channel.');
    return false;
  }
  return true;
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
