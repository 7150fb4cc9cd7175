import { parse } from 'dotenv';
import { EnvVariable, isLocalAddress } from './classify';

export interface DotenvEntry {
  key: string;
  value: string;
  /** 1-based line number. */
  line: number;
}

export interface ParsedDotenv {
  lines: string[];
  entries: DotenvEntry[];
  malformed: Array<{ line: number; text: string }>;
}

const ENTRY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/;
export const STALE_MARK = '# plinto-ready: no longer read by the code (kept as you wrote it)';
const BLOCK_MARK = '# --- added by @plinto/ready env ---';
const COMMENTED_PLACEHOLDER = /^\s*#\s*([A-Za-z_][A-Za-z0-9_.-]*)=\s*$/;

/**
 * Reads a .env file: the values as dotenv itself parses them (what Next.js loads), and for each
 * key the line it is on, keeping every line as written so a merge can rewrite the file in place.
 * Only the line bookkeeping is ours; dotenv has no API that says where a key stands.
 */
export function parseDotenv(text: string): ParsedDotenv {
  const values = parse(text);
  const lines = text.length === 0 ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const entries: DotenvEntry[] = [];
  const malformed: ParsedDotenv['malformed'] = [];
  let inMultiline = false;
  lines.forEach((raw, i) => {
    if (inMultiline) {
      if (/["'`]\s*$/.test(raw)) inMultiline = false;
      return;
    }
    if (/^\s*(#.*)?$/.test(raw)) return;
    const m = ENTRY.exec(raw);
    if (!m) {
      malformed.push({ line: i + 1, text: raw });
      return;
    }
    // A quoted value that goes on over lines: its other lines are not entries.
    if (/^(["'`])(?![\s\S]*\1)/.test(m[2].trim())) inMultiline = true;
    entries.push({ key: m[1], value: values[m[1]] ?? '', line: i + 1 });
  });
  return { lines, entries, malformed };
}

function block(variables: EnvVariable[]): string[] {
  const out: string[] = [];
  const groups: Array<[string, EnvVariable[]]> = [
    [
      '# Client: NEXT_PUBLIC_* values are inlined into the browser bundle at build time; never put a secret here.',
      variables.filter((v) => v.side === 'client'),
    ],
    ['# Server: read at run time on the server only.', variables.filter((v) => v.side === 'server')],
  ];
  for (const [title, vars] of groups) {
    if (vars.length === 0) continue;
    out.push('', title);
    for (const v of vars) {
      out.push(`# read at ${v.readAt.slice(0, 3).join(', ')}${v.readAt.length > 3 ? ` (+${v.readAt.length - 3} more)` : ''}`);
      if (v.secret) out.push('# secret: set it in the deployment environment, never in a committed file');
      const why = v.optional === 'undocumented' || !v.secret ? v.optional : 'secret';
      if (why === 'undocumented')
        out.push('# optional: no documented value (.env.example, .env): give it one there, or here, to require it');
      else if (why === 'presence') out.push('# optional: the code only tests whether it is set');
      else if (why === 'alternative') out.push('# optional: where it is unset, the code goes on with what it reads beside it (||, ??)');
      else if (why === 'guarded') out.push('# optional: read only where a switch or another setting turns its part on');
      else if (why === 'flag') out.push("# optional: a switch, off while unset (the code compares it to 'true')");
      else if (why === null && v.fallback === null) out.push('# no default in the code: set it for production');
      // A local address is the code's development default, never a production value.
      const local = v.fallback !== null && isLocalAddress(v.fallback);
      if (local) out.push(`# the code falls back to ${v.fallback} (a local address): set the production value`);
      const value = v.secret || v.fallback === null || local ? '' : quote(v.fallback);
      // An empty placeholder is "" where the platform does not set the variable: the code's fallback,
      // its `??` alternative or its absence test would no longer apply. Commented out, it defines nothing.
      out.push(value === '' && (v.fallsBack || v.optional !== null) ? `# ${v.name}=` : `${v.name}=${value}`);
    }
  }
  return out;
}

function quote(value: string): string {
  return /[\s#"'$]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

export interface MergeResult {
  text: string;
  added: string[];
  stale: string[];
  malformed: ParsedDotenv['malformed'];
}

/**
 * Merges the variables into an existing .env file: every line the user wrote stays, in its place
 * and with its value; missing variables are appended, grouped client/server; variables the code
 * no longer reads get a marking comment above them. A second run with the same variables changes
 * nothing.
 */
export function mergeDotenv(text: string, variables: EnvVariable[]): MergeResult {
  const parsed = parseDotenv(text);
  // A commented-out placeholder (`# X=`) is the variable listed, as this merge writes it for one the code falls back from.
  const placeholders = parsed.lines.flatMap((l) => COMMENTED_PLACEHOLDER.exec(l)?.[1] ?? []);
  const present = new Set([...parsed.entries.map((e) => e.key), ...placeholders]);
  const read = new Set(variables.map((v) => v.name));
  const lines = [...parsed.lines];
  const stale: string[] = [];
  // Bottom-up, so inserting a marking line does not move the lines still to be marked.
  for (const entry of [...parsed.entries].reverse()) {
    if (read.has(entry.key)) continue;
    stale.unshift(entry.key);
    if (lines[entry.line - 2]?.trim() !== STALE_MARK) lines.splice(entry.line - 1, 0, STALE_MARK);
  }
  // The platform sets its own variables and tooling is not the app: neither belongs in the app's file.
  // Nor do values next.config.* defines under `env` (Next inlines those itself).
  const missing = variables.filter(
    (v) => !present.has(v.name) && v.optional !== 'platform' && v.optional !== 'tooling' && v.optional !== 'next-config',
  );
  if (missing.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(BLOCK_MARK, ...block(missing).slice(1));
  }
  const out = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  return { text: out, added: missing.map((v) => v.name), stale, malformed: parsed.malformed };
}
