// A class data sharing archive of the server's own classes, made once per Java and jar on the
// user's machine. No `vscode` import: tested under plain Node.
//
// The JDK's default archive covers the JDK's classes only; LSP4J, Gson, Jackson and the server
// are loaded, parsed and verified at every start. An archive of them cannot ship in the package:
// it is only valid for the jar at the path and modification time it was made with, which the
// installed extension decides. So after the first start the extension runs the server once more
// in the background, through a short scripted session, with -XX:ArchiveClassesAtExit (JDK 13+),
// and every later start maps that archive (-XX:SharedArchiveFile with -Xshare:auto: an archive
// the JVM cannot use is ignored, never fatal).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

const ARCHIVE = /^server-([0-9a-f]{16})\.jsa$/;
const UNFINISHED = /^server-[0-9a-f]{16}\.[0-9a-f]+\.tmp$/;

/** The archive for this Java and jar: its path, and whether it has been made. */
export interface ArchiveState {
  path: string;
  exists: boolean;
}

/**
 * Where the archive of this Java executable and jar lives in `dir`: the name holds a hash of
 * both (real path, size, modification time), so an updated Java or extension gets a new one.
 */
export async function archiveFor(dir: string, java: string, jar: string): Promise<ArchiveState> {
  const parts: string[] = [];
  for (const file of [java, jar]) {
    const real = await realpath(file);
    const stats = await stat(real);
    parts.push(real, String(stats.size), String(stats.mtimeMs));
  }
  const key = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
  const path = join(dir, `server-${key}.jsa`);
  return { path, exists: existsSync(path) };
}

/** JVM options that map the archive when it exists. */
export function sharingOptions(archive: ArchiveState): string[] {
  return archive.exists ? [`-XX:SharedArchiveFile=${archive.path}`] : [];
}

/**
 * Removes what older Javas and jars left in `dir` (archives of other keys), and unfinished
 * dumps older than an hour (a session that was killed); keeps `archive`.
 */
export function removeStale(dir: string, archive: ArchiveState, now = Date.now()): void {
  if (!existsSync(dir)) {
    return;
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stale =
      (ARCHIVE.test(name) && path !== archive.path) ||
      (UNFINISHED.test(name) && now - statSync(path).mtimeMs > 60 * 60 * 1000);
    if (stale) {
      rmSync(path, { force: true });
    }
  }
}

interface Message {
  id?: number | string;
  method?: string;
}

/** Calls `handle` with each message of an LSP stream (Content-Length framing). */
function readMessages(input: NodeJS.ReadableStream, handle: (message: Message) => void): void {
  let buffer: Buffer = Buffer.alloc(0);
  input.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk] as Uint8Array[]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        return;
      }
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      if (!Number.isFinite(length) || buffer.length < start + length) {
        return;
      }
      const body = buffer.subarray(start, start + length).toString('utf8');
      buffer = buffer.subarray(start + length);
      try {
        handle(JSON.parse(body) as Message);
      } catch {
        // not JSON: not ours to judge here
      }
    }
  });
}

/** One framed LSP message. */
function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

const SAMPLE_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:GetObject', 'ec2:DescribeInst'], Resource: '*' },
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
    ],
  },
  null,
  2,
);

/**
 * Runs the server with `javaArgs` through the requests an editor makes first (initialize, open,
 * completion, hover, code actions, inlay hints, diagnostics) and shuts it down, dumping the
 * classes it loaded into the archive. The dump goes to a temporary name, renamed once the JVM
 * has exited well: a half-written archive never gets the real name, and two windows doing this
 * at once each write their own file. Resolves true when the archive was made.
 */
export function makeArchive(
  java: string,
  javaArgs: string[],
  jar: string,
  archive: ArchiveState,
  timeoutMs = 60000,
): Promise<boolean> {
  mkdirSync(join(archive.path, '..'), { recursive: true });
  const unfinished = archive.path.replace(/\.jsa$/, `.${randomBytes(6).toString('hex')}.tmp`);
  const uri = 'untitled:iam-policy-ls-archive.json';
  const requests = [
    { method: 'textDocument/completion', params: { textDocument: { uri }, position: { line: 5, character: 40 } } },
    { method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 5, character: 22 } } },
    {
      method: 'textDocument/codeAction',
      params: {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
        context: { diagnostics: [] },
      },
    },
    {
      method: 'textDocument/inlayHint',
      params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } },
    },
  ];
  return new Promise((resolve) => {
    const child = spawn(java, [...javaArgs, `-XX:ArchiveClassesAtExit=${unfinished}`, '-jar', jar, 'serve'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const answered = new Set<number>();
    let diagnosed = false;
    let shuttingDown = false;
    readMessages(child.stdout, (message) => {
      if (message.method !== undefined && message.id !== undefined) {
        // A request of the server's (configuration, registrations): answered with nothing.
        child.stdin.write(frame({ id: message.id, result: null }));
      } else if (typeof message.id === 'number' && message.id >= 2) {
        answered.add(message.id);
      }
      diagnosed ||= message.method === 'textDocument/publishDiagnostics';
      if (!shuttingDown && diagnosed && answered.size >= requests.length) {
        shuttingDown = true;
        child.stdin.write(frame({ id: 1000, method: 'shutdown', params: null }));
        child.stdin.end(frame({ method: 'exit', params: null }));
      }
    });
    child.on('error', () => finish(false));
    child.on('exit', (code) => finish(code === 0 && existsSync(unfinished)));
    function finish(made: boolean): void {
      clearTimeout(timer);
      if (made) {
        renameSync(unfinished, archive.path);
      } else {
        rmSync(unfinished, { force: true });
      }
      resolve(made);
    }
    child.stdin.on('error', () => undefined);
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    child.stdin.write(frame({ method: 'initialized', params: {} }));
    child.stdin.write(
      frame({
        method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: 'json', version: 1, text: SAMPLE_POLICY } },
      }),
    );
    requests.forEach((r, i) => child.stdin.write(frame({ id: i + 2, ...r })));
  });
}
