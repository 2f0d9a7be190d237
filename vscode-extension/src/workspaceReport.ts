// The workspace check without VS Code: the jar's command line from the settings, running it,
// and its JSON report turned into per-file diagnostics. Tested under plain Node.
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Finding {
  code: string;
  findingType: FindingType;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface Report {
  files: Array<{ path: string; findings: Finding[] }>;
  summary?: { files: number; findings: number };
}

/** The settings of one workspace folder that the check honours. */
export interface CheckSettings {
  configFile?: string;
  checks?: Record<string, string>;
  catalogPath?: string;
}

/** Folders never worth searching for policies. */
const EXCLUDED = ['node_modules', '.git'];

/**
 * Arguments to `java` that check every policy under `folder` as the server would, with the
 * folder's settings: `checks` turned off or re-typed, another configuration file, a catalog.
 * Run with `folder` as the working folder, so `.iam-policy-ls.json` is found there.
 */
export function checkArguments(jar: string, folder: string, settings: CheckSettings = {}): string[] {
  const args = ['-jar', jar, 'check', '--format', 'json'];
  if (settings.configFile) {
    args.push('--config', inFolder(folder, settings.configFile));
  }
  if (settings.catalogPath) {
    args.push('--catalog', inFolder(folder, settings.catalogPath));
  }
  for (const [code, value] of Object.entries(settings.checks ?? {})) {
    args.push(...(value === 'off' ? ['--disable', code] : ['--severity', `${code}=${value}`]));
  }
  for (const name of EXCLUDED) {
    args.push('--exclude', name);
  }
  args.push('.');
  return args;
}

function inFolder(folder: string, path: string): string {
  const expanded = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  return isAbsolute(expanded) ? expanded : join(folder, expanded);
}

export interface CheckRun {
  report?: Report;
  /** Why there is no report. */
  failure?: string;
  stderr: string;
}

/**
 * Runs the check. Exit 1 means ERROR findings and 2 a configuration or read problem with the
 * other files still checked: both still print the report, so stdout decides, not the exit code.
 */
export function runCheck(java: string, args: string[], cwd: string): Promise<CheckRun> {
  return new Promise((done) => {
    execFile(java, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const report = readReport(stdout);
      done(
        report
          ? { report, stderr }
          : { failure: error?.message ?? 'the check printed no report', stderr },
      );
    });
  });
}

/** The report printed by `check --format json`, or undefined when stdout holds none. */
export function readReport(stdout: string): Report | undefined {
  try {
    const parsed = JSON.parse(stdout) as Report;
    return Array.isArray(parsed?.files) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export type Severity = 'error' | 'warning' | 'information';

export interface PlainDiagnostic {
  code: string;
  message: string;
  severity: Severity;
  range: Finding['range'];
}

export interface FileDiagnostics {
  /** Absolute path of the policy file. */
  path: string;
  diagnostics: PlainDiagnostic[];
}

export interface Plan {
  files: FileDiagnostics[];
  fileCount: number;
  findingCount: number;
}

const severities: Record<FindingType, Severity> = {
  ERROR: 'error',
  SECURITY_WARNING: 'warning',
  WARNING: 'warning',
  SUGGESTION: 'information',
};

/**
 * The diagnostics to show for a folder's report. Files open in an editor are counted but left
 * out: the server's live diagnostics already cover them, and would be shown twice.
 */
export function planDiagnostics(report: Report, folder: string, isOpen: (path: string) => boolean): Plan {
  const plan: Plan = { files: [], fileCount: 0, findingCount: 0 };
  for (const file of report.files) {
    const path = resolve(folder, file.path);
    plan.fileCount++;
    plan.findingCount += file.findings.length;
    if (!isOpen(path)) {
      plan.files.push({
        path,
        diagnostics: file.findings.map((f) => ({
          code: f.code,
          message: f.message,
          severity: severities[f.findingType] ?? 'warning',
          range: f.range,
        })),
      });
    }
  }
  return plan;
}
