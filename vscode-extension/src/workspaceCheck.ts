import * as vscode from 'vscode';
import { checkArguments, planDiagnostics, runCheck, Severity } from './workspaceReport';

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/**
 * Checks every policy of each workspace folder with the jar's `check --format json` (the
 * same checks the server runs), and shows the findings in the Problems panel. Documents
 * open in an editor keep the server's live diagnostics instead.
 */
export async function checkWorkspace(
  java: string,
  jar: string,
  diagnostics: vscode.DiagnosticCollection,
  output: vscode.OutputChannel,
): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('IAM Policy: open a folder to check its policies.');
    return;
  }
  diagnostics.clear();
  const open = new Set(
    vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => d.uri.fsPath),
  );
  let files = 0;
  let findings = 0;
  let failed = false;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'IAM Policy: checking the workspace' },
    async () => {
      for (const folder of folders) {
        const settings = vscode.workspace.getConfiguration('iamPolicy', folder.uri);
        const args = checkArguments(jar, folder.uri.fsPath, {
          configFile: settings.get<string>('configFile', ''),
          checks: settings.get<Record<string, string>>('checks', {}),
          catalogPath: settings.get<string>('catalog.path', ''),
        });
        const run = await runCheck(java, args, folder.uri.fsPath);
        if (run.stderr.trim()) {
          output.appendLine(run.stderr.trim());
        }
        if (!run.report) {
          output.appendLine(`check failed in ${folder.uri.fsPath}: ${run.failure}`);
          failed = true;
          continue;
        }
        const plan = planDiagnostics(run.report, folder.uri.fsPath, (path) => open.has(path));
        files += plan.fileCount;
        findings += plan.findingCount;
        for (const file of plan.files) {
          diagnostics.set(
            vscode.Uri.file(file.path),
            file.diagnostics.map((f) => {
              const range = new vscode.Range(
                f.range.start.line,
                f.range.start.character,
                f.range.end.line,
                f.range.end.character,
              );
              const d = new vscode.Diagnostic(range, f.message, severities[f.severity]);
              d.code = f.code;
              d.source = 'iam-policy-ls';
              return d;
            }),
          );
        }
      }
    },
  );
  if (failed) {
    void vscode.window.showErrorMessage('IAM Policy: the workspace check failed; see the output channel.');
  }
  void vscode.window.showInformationMessage(
    `IAM Policy: ${findings} finding(s) in ${files} policy file(s); see the Problems panel.`,
  );
}
