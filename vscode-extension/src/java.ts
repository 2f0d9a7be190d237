import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A Java runtime the server can run on, and where it was found. */
export interface JavaRuntime {
  executable: string;
  version: number;
  source: 'iamPolicy.java.home' | 'JAVA_HOME' | 'PATH';
}

export const MINIMUM_JAVA = 17;

/** Why no usable Java was found: what was tried and what each gave. */
export class JavaNotFound extends Error {}

const exe = process.platform === 'win32' ? 'java.exe' : 'java';

/**
 * The Java to run the server with: the setting, then JAVA_HOME, then PATH. The first
 * candidate that exists decides; an older Java there is reported rather than skipped, so
 * the user learns why the setting they made is not used.
 */
export async function findJava(settingHome: string | undefined): Promise<JavaRuntime> {
  const candidates: Array<[JavaRuntime['source'], string]> = [];
  if (settingHome && settingHome.trim()) {
    candidates.push(['iamPolicy.java.home', join(settingHome.trim(), 'bin', exe)]);
  }
  if (process.env.JAVA_HOME) {
    candidates.push(['JAVA_HOME', join(process.env.JAVA_HOME, 'bin', exe)]);
  }
  candidates.push(['PATH', exe]);
  const problems: string[] = [];
  for (const [source, executable] of candidates) {
    if (source !== 'PATH' && !existsSync(executable)) {
      problems.push(`${source}: ${executable} does not exist`);
      continue;
    }
    let output: string;
    try {
      output = await javaVersionOutput(executable);
    } catch (e) {
      problems.push(`${source}: ${executable} could not run (${(e as Error).message})`);
      continue;
    }
    const version = parseJavaVersion(output);
    if (version === undefined) {
      problems.push(`${source}: could not read the version of ${executable}`);
      continue;
    }
    if (version < MINIMUM_JAVA) {
      problems.push(`${source}: ${executable} is Java ${version}`);
      continue;
    }
    return { executable, version, source };
  }
  throw new JavaNotFound(problems.join('; '));
}

function javaVersionOutput(executable: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['-version'], { timeout: 15000 }, (error, stdout, stderr) => {
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
