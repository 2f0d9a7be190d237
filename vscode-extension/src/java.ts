// Finding a Java runtime for the server. No `vscode` import: tested under plain Node.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export const MINIMUM_JAVA = 17;
export const JAVA_HOME_SETTING = 'iamPolicy.java.home';

export type JavaSource = 'bundled' | 'iamPolicy.java.home' | 'JAVA_HOME' | 'PATH';

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
  /** How many candidates had to run `java -version` (0 when the cache knew them all). */
  probed: number;
}

/** No usable Java: what was tried and what each gave. */
export class JavaNotFound extends Error {
  constructor(readonly problems: JavaProblem[]) {
    super(problems.map(describeProblem).join('; '));
  }
}

/**
 * Versions of executables already run, keyed by {@link candidateKey}: a second start skips
 * `java -version` (a JVM start, 50-500 ms) for a runtime that has not changed since.
 */
export interface VersionCache {
  get(key: string): number | undefined;
  set(key: string, version: number): void | PromiseLike<void>;
}

export interface JavaLookupInput {
  /** The iamPolicy.java.home setting. */
  settingHome?: string;
  /** The environment: JAVA_HOME, and PATH for the last candidate. */
  env?: NodeJS.ProcessEnv;
  /** How long `java -version` may take. */
  timeoutMs?: number;
  cache?: VersionCache;
  /**
   * The runtime this package carries: used without any lookup unless the setting names
   * another Java, and in place of JAVA_HOME and PATH when the setting's Java is unusable.
   */
  bundled?: JavaRuntime;
}

const exe = process.platform === 'win32' ? 'java.exe' : 'java';

/**
 * The runtime a platform package carries (jlink'ed from the build's JDK), if this package has
 * one: used as it is, without a lookup. Its version is in the image's `release` file.
 */
export function bundledJava(extensionRoot: string): JavaRuntime | undefined {
  const home = join(extensionRoot, 'runtime');
  const executable = join(home, 'bin', exe);
  if (!existsSync(executable)) {
    return undefined;
  }
  const release = /^JAVA_VERSION="(\d+)/m.exec(readFileSync(join(home, 'release'), 'utf8'));
  return { executable, version: release ? Number(release[1]) : MINIMUM_JAVA, source: 'bundled' };
}

/**
 * The Java to run the server with: the setting, then JAVA_HOME, then `java` on the PATH; the
 * first that runs and is 17 or newer. With a bundled runtime: the setting, then that runtime.
 * All candidates are probed at once (each is a JVM start); the order only decides which answer
 * wins. The candidates passed over are returned, so the log says why a setting the user made
 * was not used.
 */
export async function findJava(input: JavaLookupInput = {}): Promise<JavaFound> {
  const env = input.env ?? process.env;
  const candidates: Array<[JavaSource, string | undefined]> = [];
  const settingHome = input.settingHome?.trim();
  if (settingHome) {
    candidates.push(['iamPolicy.java.home', join(settingHome, 'bin', exe)]);
  }
  if (!input.bundled) {
    if (env.JAVA_HOME && env.JAVA_HOME.trim()) {
      candidates.push(['JAVA_HOME', join(env.JAVA_HOME.trim(), 'bin', exe)]);
    }
    candidates.push(['PATH', onPath(exe, env.PATH)]);
  }
  let probed = 0;
  const outcomes = await Promise.all(
    candidates.map(async ([source, executable]): Promise<JavaRuntime | JavaProblem> => {
      if (executable === undefined || !existsSync(executable)) {
        return { source, executable: executable ?? exe, reason: 'missing' };
      }
      const key = await candidateKey(executable);
      const known = key === undefined ? undefined : input.cache?.get(key);
      if (known !== undefined) {
        return versionOutcome(source, executable, known);
      }
      probed++;
      let output: string;
      try {
        output = await javaVersionOutput(executable, env, input.timeoutMs ?? 15000);
      } catch (e) {
        return { source, executable, reason: 'cannot-run', detail: (e as Error).message };
      }
      const version = parseJavaVersion(output);
      if (version === undefined) {
        return { source, executable, reason: 'unknown-version', detail: output.trim().split('\n')[0] };
      }
      if (key !== undefined) {
        await input.cache?.set(key, version);
      }
      return versionOutcome(source, executable, version);
    }),
  );
  const problems: JavaProblem[] = [];
  for (const outcome of outcomes) {
    if ('reason' in outcome) {
      problems.push(outcome);
    } else {
      return { runtime: outcome, passedOver: problems, probed };
    }
  }
  if (input.bundled) {
    return { runtime: input.bundled, passedOver: problems, probed };
  }
  throw new JavaNotFound(problems);
}

function versionOutcome(source: JavaSource, executable: string, version: number): JavaRuntime | JavaProblem {
  return version < MINIMUM_JAVA
    ? { source, executable, reason: 'too-old', version }
    : { source, executable, version };
}

/** The first `name` on a PATH-style list that is an executable file, as the shell would pick it. */
export function onPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    const candidate = join(dir || '.', name);
    try {
      if (statSync(candidate).isFile()) {
        accessSync(candidate, constants.X_OK);
        return candidate;
      }
    } catch {
      // not here: the next folder
    }
  }
  return undefined;
}

/**
 * What identifies a runtime for the cache: the file a symlink chain ends at (`/usr/bin/java`
 * is a link to the current alternative), with its modification time and size, so an update
 * or a switched alternative is probed again. Undefined when it cannot be read.
 */
export async function candidateKey(executable: string): Promise<string | undefined> {
  try {
    const real = await realpath(executable);
    const stats = await stat(real);
    return `${real}|${stats.mtimeMs}|${stats.size}`;
  } catch {
    return undefined;
  }
}

/**
 * A cache entry added to a stored record, which keeps only the `limit` newest entries: keys
 * of replaced runtimes are never read again.
 */
export function remember(
  record: Record<string, number> | undefined,
  key: string,
  version: number,
  limit = 8,
): Record<string, number> {
  const entries = Object.entries(record ?? {}).filter(([k]) => k !== key);
  entries.push([key, version]);
  return Object.fromEntries(entries.slice(-limit));
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
