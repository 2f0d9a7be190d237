// Finding a Java runtime for the server. No `vscode` import: tested under plain Node.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const MINIMUM_JAVA = 17;
export const JAVA_HOME_SETTING = 'iamPolicy.java.home';

export type JavaSource = 'iamPolicy.java.home' | 'JAVA_HOME' | 'PATH';

/** A Java runtime the server can run on, and where it was found. */
export interface JavaRuntime {
  executable: string;
  version: number;
  source: JavaSource;
}

/** A candidate that was tried and not used, and why. */
export interface JavaProblem {
  source: JavaSource;
  executable: string;
  reason: 'missing' | 'cannot-run' | 'unknown-version' | 'too-old';
  /** The feature version, when reason is too-old. */
  version?: number;
  detail?: string;
}

/** The runtime to use, and the earlier candidates that were passed over (for the log). */
export interface JavaFound {
  runtime: JavaRuntime;
  passedOver: JavaProblem[];
}

/** No usable Java: what was tried and what each gave. */
export class JavaNotFound extends Error {
  constructor(readonly problems: JavaProblem[]) {
    super(problems.map(describeProblem).join('; '));
  }
}

export interface JavaLookupInput {
  /** The iamPolicy.java.home setting. */
  settingHome?: string;
  /** The environment: JAVA_HOME, and PATH for the last candidate. */
  env?: NodeJS.ProcessEnv;
  /** How long `java -version` may take. */
  timeoutMs?: number;
}

const exe = process.platform === 'win32' ? 'java.exe' : 'java';

/**
 * The Java to run the server with: the setting, then JAVA_HOME, then `java` on the PATH; the
 * first that runs and is 17 or newer. The candidates passed over are returned, so the log
 * says why a setting the user made was not used.
 */
export async function findJava(input: JavaLookupInput = {}): Promise<JavaFound> {
  const env = input.env ?? process.env;
  const candidates: Array<[JavaSource, string]> = [];
  const settingHome = input.settingHome?.trim();
  if (settingHome) {
    candidates.push(['iamPolicy.java.home', join(settingHome, 'bin', exe)]);
  }
  if (env.JAVA_HOME && env.JAVA_HOME.trim()) {
    candidates.push(['JAVA_HOME', join(env.JAVA_HOME.trim(), 'bin', exe)]);
  }
  candidates.push(['PATH', exe]);
  const problems: JavaProblem[] = [];
  for (const [source, executable] of candidates) {
    if (source !== 'PATH' && !existsSync(executable)) {
      problems.push({ source, executable, reason: 'missing' });
      continue;
    }
    let output: string;
    try {
      output = await javaVersionOutput(executable, env, input.timeoutMs ?? 15000);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = source === 'PATH' && code === 'ENOENT' ? 'missing' : 'cannot-run';
      problems.push({ source, executable, reason, detail: (e as Error).message });
      continue;
    }
    const version = parseJavaVersion(output);
    if (version === undefined) {
      problems.push({ source, executable, reason: 'unknown-version', detail: output.trim().split('\n')[0] });
      continue;
    }
    if (version < MINIMUM_JAVA) {
      problems.push({ source, executable, reason: 'too-old', version });
      continue;
    }
    return { runtime: { executable, version, source }, passedOver: problems };
  }
  throw new JavaNotFound(problems);
}

function javaVersionOutput(executable: string, env: NodeJS.ProcessEnv, timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // With env given, Node looks `java` up on env.PATH.
    execFile(executable, ['-version'], { timeout, env }, (error, stdout, stderr) => {
      if (error) {
        reject(error);
      } else {
        // java -version writes to stderr.
        resolve(`${stderr}\n${stdout}`);
      }
    });
  });
}

/**
 * The feature version from `java -version` output: `version "17.0.15"` gives 17,
 * `version "1.8.0_392"` gives 8, `version "21"` gives 21.
 */
export function parseJavaVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

export function describeProblem(p: JavaProblem): string {
  switch (p.reason) {
    case 'missing':
      return p.source === 'PATH' ? 'PATH: no java on the PATH' : `${p.source}: ${p.executable} does not exist`;
    case 'cannot-run':
      return `${p.source}: ${p.executable} could not run (${p.detail ?? 'no detail'})`;
    case 'unknown-version':
      return `${p.source}: could not read the version of ${p.executable} (${p.detail ?? 'no output'})`;
    case 'too-old':
      return `${p.source}: ${p.executable} is Java ${p.version}`;
  }
}

/** A button of a notification, and the command it runs. */
export interface NoticeAction {
  title: string;
  command: string;
  args: unknown[];
}

/** The one notification shown when no usable Java was found. */
export interface Notice {
  message: string;
  actions: NoticeAction[];
}

/**
 * What to tell the user when no Java 17+ was found: what to install, what was found instead
 * (an older Java is named, so the user knows why it was not used), and a button that opens
 * the setting.
 */
export function javaNotFoundNotice(problems: JavaProblem[]): Notice {
  const old = problems.filter((p) => p.reason === 'too-old');
  const found =
    old.length > 0
      ? ` Found only ${old.map((p) => `Java ${p.version} (${p.source})`).join(', ')}.`
      : ' No Java was found.';
  return {
    message:
      `IAM Policy needs Java ${MINIMUM_JAVA} or newer.${found} Install a JDK or JRE ${MINIMUM_JAVA}+ ` +
      `(for example Eclipse Temurin, or "apt install openjdk-${MINIMUM_JAVA}-jre-headless"), ` +
      `then set ${JAVA_HOME_SETTING} or JAVA_HOME to its folder.`,
    actions: [
      { title: 'Open Setting', command: 'workbench.action.openSettings', args: [JAVA_HOME_SETTING] },
      { title: 'Show Details', command: 'iamPolicy.showOutput', args: [] },
    ],
  };
}
