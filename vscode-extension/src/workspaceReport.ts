// The workspace check without VS Code: the jar's command line from the settings, running it,
// and its JSON report turned into per-file diagnostics. Tested under plain Node.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Finding {
  code: string;
  findingType: FindingType;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ReportFile {
  /**
   * The file, relative to the folder; a policy inside a file is `file#name` (a template's
   * `app.yaml#Resources/Role/Policies/read`, an account dump's `account.json#role/R/trust`).
   */
  path: string;
  findings: Finding[];
  /** `decodedDocument`: the ranges are in a URL-encoded policy once decoded, not in the file. */
  rangesIn?: string;
}

export interface Report {
  files: ReportFile[];
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
  /** Absolute path of the policy file, or of the template or account dump holding policies. */
  path: string;
  diagnostics: PlainDiagnostic[];
}

export interface Plan {
  files: FileDiagnostics[];
  /** Files checked: a template with several policies counts once. */
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
 * The diagnostics to show for a folder's report, one entry per file: the policies of one
 * template or account dump together (VS Code keeps one list of diagnostics per file). Files open
 * in an editor are counted but left out: the server's live diagnostics already cover them, and
 * would be shown twice.
 */
export function planDiagnostics(
  report: Report,
  folder: string,
  isOpen: (path: string) => boolean,
  exists: (path: string) => boolean = isFile,
): Plan {
  const byFile = new Map<string, PlainDiagnostic[]>();
  let findingCount = 0;
  for (const entry of report.files) {
    const { path, policy } = locate(entry.path, folder, exists);
    const diagnostics = byFile.get(path) ?? [];
    byFile.set(path, diagnostics);
    findingCount += entry.findings.length;
    for (const f of entry.findings) {
      const decoded = entry.rangesIn === 'decodedDocument';
      diagnostics.push({
        code: f.code,
        // A range in a decoded document means nothing in the file: the file's start, and the name.
        message: decoded ? `${policy} (in its decoded document, ${position(f.range.start)}): ${f.message}` : f.message,
        severity: severities[f.findingType] ?? 'warning',
        range: decoded ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : f.range,
      });
    }
  }
  const files = [...byFile].filter(([path]) => !isOpen(path)).map(([path, diagnostics]) => ({ path, diagnostics }));
  return { files, fileCount: byFile.size, findingCount };
}

/**
 * The file of a report's path and the policy's name inside it: the path up to the first `#`
 * after which a file exists (a file's own name may hold a `#`).
 */
function locate(reported: string, folder: string, exists: (path: string) => boolean): { path: string; policy?: string } {
  for (let at = reported.indexOf('#'); at > 0; at = reported.indexOf('#', at + 1)) {
    const path = resolve(folder, reported.slice(0, at));
    if (exists(path)) {
      return { path, policy: reported.slice(at + 1) };
    }
  }
  return { path: resolve(folder, reported) };
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function position(p: { line: number; character: number }): string {
  return `line ${p.line + 1}, column ${p.character + 1}`;
}
