// "Compare with ..." without VS Code: the server's iamPolicy.compare request and its answer as
// a Markdown report. Tested under plain Node against the built jar.
import { isAbsolute, relative, sep } from 'node:path';

/** The command the server runs (workspace/executeCommand); the server reads and runs nothing. */
export const COMPARE_COMMAND = 'iamPolicy.compare';

/** What a policy that is not in the baseline (a file new since HEAD) is compared with. */
export const EMPTY_POLICY = '{"Version": "2012-10-17", "Statement": []}';

export interface Position {
  line: number;
  character: number;
}

export interface StatementRef {
  /** JSON path in NEW: Statement[1], or Statement for a single statement object. */
  path: string;
  sid?: string;
  range?: { start: Position; end: Position };
}

export interface NewAccess {
  /** One sentence: the witness request and how many more actions gain access the same way. */
  sentence: string;
  action: string;
  resource: string;
  principal?: string;
  context: Record<string, string[]>;
  actions: number;
  statements: StatementRef[];
}

export interface CompareAnswer {
  result: 'PASS' | 'FAIL' | 'UNKNOWN';
  policyType: string;
  newAccess: NewAccess[];
  unknown: string[];
}

/** The executeCommand parameters: both texts, and the policy type when the user knows it. */
export function compareParams(
  oldText: string,
  newText: string,
  policyType?: string,
): { command: string; arguments: unknown[] } {
  const args: Record<string, string> = { oldText, newText };
  if (policyType) {
    args.policyType = policyType;
  }
  return { command: COMPARE_COMMAND, arguments: [args] };
}

/** How the two sides are named in the report. */
export interface Sides {
  /** The document compared, for the title and the links to its statements. */
  newLabel: string;
  /**
   * The document as the report links to it (`reportLink`), or undefined for no links (a document
   * never saved).
   */
  newLink?: string;
  /** The baseline: "HEAD", or the other file's name. */
  oldLabel: string;
}

/**
 * A Markdown report: the verdict, then each kind of new access with its witness (action,
 * resource, principal, context keys) and a link to each NEW statement that grants it (the
 * document's link with an #L fragment, which VS Code's Markdown preview opens at that line).
 */
export function renderReport(answer: CompareAnswer, sides: Sides): string {
  const lines: string[] = [];
  lines.push(`# ${escape(sides.newLabel)} compared with ${escape(sides.oldLabel)}`, '');
  const type = `as ${answer.policyType.replace(/_/g, ' ').toLowerCase()}`;
  switch (answer.result) {
    case 'PASS':
      lines.push(`**PASS**: it allows no request that ${escape(sides.oldLabel)} denies (${type}).`);
      break;
    case 'UNKNOWN':
      lines.push(`**UNKNOWN**: the comparison could not decide (${type}):`, '');
      for (const reason of answer.unknown) {
        lines.push(`- ${escape(reason)}`);
      }
      break;
    case 'FAIL': {
      const kinds = answer.newAccess.length;
      lines.push(
        `**FAIL**: it allows requests that ${escape(sides.oldLabel)} denies, ` +
          `${kinds} ${kinds === 1 ? 'kind' : 'kinds'} of new access (${type}).`,
      );
      answer.newAccess.forEach((access, i) => {
        lines.push('', `## ${i + 1}. ${escape(access.action)} on ${escape(access.resource)}`, '');
        lines.push(`${escape(access.sentence)}.`, '');
        lines.push(`- action: \`${access.action}\`` + more(access.actions));
        lines.push(`- resource: \`${access.resource}\``);
        if (access.principal) {
          lines.push(`- principal: \`${access.principal}\``);
        }
        const keys = Object.entries(access.context);
        if (keys.length === 0) {
          lines.push('- context: no condition keys');
        }
        for (const [key, values] of keys) {
          lines.push(`- context: \`${key}\` = ${values.map((v) => `\`${v}\``).join(', ')}`);
        }
        lines.push(`- allowed by: ${access.statements.map((s) => link(s, sides.newLink)).join(', ')}`);
      });
      break;
    }
  }
  lines.push('');
  return lines.join('\n');
}

function more(actions: number): string {
  return actions > 1 ? ` (and ${actions - 1} more actions the same way)` : '';
}

/** `[Statement[1] "Write", line 3](../../ws/app.json#L3)`; the path alone without a range or link. */
function link(statement: StatementRef, target: string | undefined): string {
  const name = statement.sid ? `${statement.path} "${statement.sid}"` : statement.path;
  if (!statement.range || target === undefined) {
    return escape(name);
  }
  const line = statement.range.start.line + 1;
  return `[${escape(name)}, line ${line}](${target}#L${line})`;
}

/**
 * How a report written in `reportFolder` links to `file`: its path relative to the folder, each
 * name percent-encoded. VS Code's Markdown preview renders no file: link (its Markdown engine
 * refuses the scheme) but opens relative ones; undefined when no relative path exists (another
 * drive on Windows).
 */
export function reportLink(reportFolder: string, file: string): string | undefined {
  const path = relative(reportFolder, file);
  if (path === '' || isAbsolute(path)) {
    return undefined;
  }
  return path
    .split(sep)
    .map((name) => encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** Markdown's special characters in text from policies and file names, taken literally. */
function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}
