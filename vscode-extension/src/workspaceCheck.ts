import { execFile } from 'node:child_process';
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';

interface Finding {
  code: string;
  findingType: 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface Report {
  files: Array<{ path: string; findings: Finding[] }>;
  summary: { files: number; findings: number };
}

const severities: Record<Finding['findingType'], vscode.DiagnosticSeverity> = {
  ERROR: vscode.DiagnosticSeverity.Error,
  SECURITY_WARNING: vscode.DiagnosticSeverity.Warning,
  WARNING: vscode.DiagnosticSeverity.Warning,
  SUGGESTION: vscode.DiagnosticSeverity.Information,
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
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  let files = 0;
  let findings = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'IAM Policy: checking the workspace' },
    async () => {
      for (const folder of folders) {
        const settings = vscode.workspace.getConfiguration('iamPolicy', folder.uri);
        const args = ['-jar', jar, 'check', '--format', 'json'];
        const configFile = settings.get<string>('configFile', '');
        if (configFile) {
          args.push('--config', isAbsolute(configFile) ? configFile : join(folder.uri.fsPath, configFile));
        }
        for (const [code, value] of Object.entries(settings.get<Record<string, string>>('checks', {}))) {
          args.push(...(value === 'off' ? ['--disable', code] : ['--severity', `${code}=${value}`]));
        }
        args.push('.');
        const report = await run(java, args, folder.uri.fsPath, output);
        if (!report) {
          continue;
        }
        for (const file of report.files) {
          const uri = vscode.Uri.file(isAbsolute(file.path) ? file.path : join(folder.uri.fsPath, file.path));
          files++;
          findings += file.findings.length;
          if (!open.has(uri.toString())) {
            diagnostics.set(uri, file.findings.map(toDiagnostic));
          }
        }
      }
    },
  );
  void vscode.window.showInformationMessage(
    `IAM Policy: ${findings} finding(s) in ${files} policy file(s); see the Problems panel.`,
  );
}

function toDiagnostic(f: Finding): vscode.Diagnostic {
  const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
  const d = new vscode.Diagnostic(range, f.message, severities[f.findingType] ?? vscode.DiagnosticSeverity.Warning);
  d.code = f.code;
  d.source = 'iam-policy-ls';
  return d;
}

/** Runs the check; exit 1 only means ERROR findings, so the JSON on stdout is read for 0-2. */
function run(java: string, args: string[], cwd: string, output: vscode.OutputChannel): Promise<Report | undefined> {
  return new Promise((resolve) => {
    execFile(java, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (stderr.trim()) {
        output.appendLine(stderr.trim());
      }
      try {
        resolve(JSON.parse(stdout) as Report);
      } catch {
        output.appendLine(`check failed in ${cwd}: ${error?.message ?? 'no report'}`);
        void vscode.window.showErrorMessage('IAM Policy: the workspace check failed; see the output channel.');
        resolve(undefined);
      }
    });
  });
}
