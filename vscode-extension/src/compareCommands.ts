import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { CompareAnswer, compareParams, EMPTY_POLICY, renderReport, reportLink } from './compareReport';

/** The part of VS Code's built-in git extension API (vscode.git, API version 1) used here. */
interface GitRepository {
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/**
 * "Compare with HEAD", "Compare with File..." and "Compare with Saved": the active policy's text
 * (unsaved edits included) is NEW, the baseline is OLD; the server compares the two texts and the report opens
 * in a Markdown preview, with a link to each NEW statement that grants new access.
 */
export function registerCompareCommands(
  context: vscode.ExtensionContext,
  client: () => Promise<LanguageClient | undefined>,
  output: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const run = async (baseline: (document: vscode.TextDocument) => Promise<Baseline | undefined>) => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('IAM Policy: open a policy to compare it.');
      return;
    }
    try {
      const old = await baseline(document);
      if (!old) {
        return;
      }
      const server = await client();
      if (!server) {
        return;
      }
      const answer = (await server.sendRequest(
        ExecuteCommandRequest.type,
        compareParams(old.text, document.getText()),
      )) as CompareAnswer;
      const folder = reportFolder(context);
      const report = renderReport(answer, {
        newLabel: basename(document.uri.path),
        newLink: document.uri.scheme === 'file' ? reportLink(folder.fsPath, document.uri.fsPath) : undefined,
        oldLabel: old.label,
      });
      await showReport(folder, report);
    } catch (e) {
      output.error(`Compare: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`IAM Policy: cannot compare: ${(e as Error).message}`);
    }
  };
  return [
    vscode.commands.registerCommand('iamPolicy.compareWithHead', () => run(headVersion)),
    vscode.commands.registerCommand('iamPolicy.compareWithFile', () => run(pickedFile)),
    vscode.commands.registerCommand('iamPolicy.compareWithSaved', () => run(savedVersion)),
  ];
}

interface Baseline {
  text: string;
  label: string;
}

/** The file at HEAD, through the git extension; an empty policy for a file HEAD does not have. */
async function headVersion(document: vscode.TextDocument): Promise<Baseline | undefined> {
  const git = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!git || document.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('IAM Policy: comparing with HEAD needs a file in a git repository and VS Code\'s Git extension.');
    return undefined;
  }
  const api = (git.isActive ? git.exports : await git.activate()).getAPI(1);
  const repository = api.getRepository(document.uri);
  if (!repository) {
    void vscode.window.showErrorMessage(`IAM Policy: ${basename(document.uri.path)} is not in a git repository.`);
    return undefined;
  }
  try {
    return { text: await repository.show('HEAD', document.uri.fsPath), label: 'HEAD' };
  } catch {
    // Not committed yet: everything it grants is new.
    return { text: EMPTY_POLICY, label: 'HEAD (the file is not in HEAD)' };
  }
}

/** The file as saved on disk: what the unsaved edits add. */
async function savedVersion(document: vscode.TextDocument): Promise<Baseline | undefined> {
  if (document.isUntitled) {
    void vscode.window.showInformationMessage('IAM Policy: the document has never been saved.');
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(document.uri);
  return { text: new TextDecoder('utf-8').decode(bytes), label: 'the saved file' };
}

/** Another policy file the user picks. */
async function pickedFile(document: vscode.TextDocument): Promise<Baseline | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : undefined,
    filters: { 'IAM policies': ['json'] },
    openLabel: 'Compare with',
  });
  if (!picked || picked.length === 0) {
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(picked[0]);
  return { text: new TextDecoder('utf-8').decode(bytes), label: basename(picked[0].path) };
}

/** Where the report is written: the extension's storage. */
function reportFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.file(join(context.globalStorageUri.fsPath, 'compare'));
}

/** Writes the report into `folder` and opens its Markdown preview. */
async function showReport(folder: vscode.Uri, report: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(folder);
  const file = vscode.Uri.joinPath(folder, 'IAM policy comparison.md');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(report));
  await vscode.commands.executeCommand('markdown.showPreview', file);
}
