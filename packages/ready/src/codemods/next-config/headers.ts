import type * as t from '@babel/types';
import { ParsedFile, parseWithBabel, quoteOf } from '../babel';
import { Codemod, CodemodReport, CodemodResult } from '../codemod';
import { TextEdits } from '../text-edits';
import { addElements, addProperty, findConfigObject, indentUnit, lineIndent, property, unwrap } from './config-object';

export interface HeadersContext {
  /** Workspace-relative path of the next.config.* file. */
  file: string;
  /** `report-only` (default): Content-Security-Policy-Report-Only; `enforce`: Content-Security-Policy. */
  csp: 'report-only' | 'enforce';
  /** Add `preload` to Strict-Transport-Security (only once the domain is ready for the preload list). */
  hstsPreload: boolean;
}

export interface SecureHeader {
  key: string;
  value: string;
}

/**
 * A policy a Next.js app runs under without change: its inline bootstrap scripts and styles
 * allowed, everything else from its own origin (images and connections over HTTPS too), no
 * framing, no plugins.
 */
const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self' https:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** The secure set: what the `security-headers` check requires of every route. */
export function secureHeaders(context: Pick<HeadersContext, 'csp' | 'hstsPreload'>): SecureHeader[] {
  return [
    { key: 'Strict-Transport-Security', value: `max-age=63072000; includeSubDomains${context.hstsPreload ? '; preload' : ''}` },
    { key: context.csp === 'enforce' ? 'Content-Security-Policy' : 'Content-Security-Policy-Report-Only', value: CSP },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
}

/** The two forms of a content security policy stand for each other: a team's report-only policy is kept. */
const sameHeader = (a: string, b: string): boolean => {
  const norm = (s: string) => s.toLowerCase().replace(/-report-only$/, '');
  return norm(a) === norm(b);
};

interface HeadersState {
  /** Why the config cannot be edited, or null. */
  reason: string | null;
  /** 1-based line of what stops the edit (the config, or its headers()). */
  line: number;
  /** The array literal the team's headers() returns, or undefined when it has none. */
  returned?: t.ArrayExpression;
  /** Header names the team's headers() already sets, as written. */
  existing: string[];
  /** `poweredByHeader` as the config has it: absent, false, or something else (kept and reported). */
  poweredBy: 'absent' | 'false' | 'other';
  config: t.ObjectExpression | null;
}

/** The `headers` member of the config: a method, or a property holding a function. */
function headersFunction(config: t.ObjectExpression): t.Function | null | undefined {
  for (const p of config.properties) {
    if (p.type === 'SpreadElement' || p.computed) continue;
    const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
    if (name !== 'headers') continue;
    if (p.type === 'ObjectMethod') return p;
    const value = unwrap(p.value as t.Expression);
    return value && (value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression') ? value : null;
  }
  return undefined;
}

/** The array literal a function returns: its expression body, or its one top-level `return [...]`. */
function returnedArray(fn: t.Function): t.ArrayExpression | null {
  const body = fn.body;
  if (body.type !== 'BlockStatement') {
    const e = unwrap(body);
    return e?.type === 'ArrayExpression' ? e : null;
  }
  const returns = body.body.filter((s): s is t.ReturnStatement => s.type === 'ReturnStatement');
  if (returns.length !== 1) return null;
  const e = unwrap(returns[0].argument);
  return e?.type === 'ArrayExpression' ? e : null;
}

/** Every `key: '<Header-Name>'` inside the returned array, at any depth. */
function headerKeys(node: t.Node): string[] {
  const out: string[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const x = n as t.Node;
    if (x.type === 'ObjectExpression') {
      const key = property(x, 'key');
      if (key?.type === 'StringLiteral') out.push(key.value);
    }
    for (const [k, v] of Object.entries(x)) if (!['loc', 'start', 'end', 'extra', 'type'].includes(k)) visit(v);
  };
  visit(node);
  return out;
}

function readHeadersState(parsed: ParsedFile): HeadersState {
  const config = findConfigObject(parsed);
  if (!config)
    return {
      reason: 'no config object literal found behind module.exports / export default',
      line: 1,
      existing: [],
      poweredBy: 'absent',
      config,
    };
  const powered = property(config, 'poweredByHeader');
  const poweredBy = powered === undefined ? 'absent' : powered?.type === 'BooleanLiteral' && !powered.value ? 'false' : 'other';
  const fn = headersFunction(config);
  if (fn === undefined) return { reason: null, line: config.loc?.start.line ?? 1, existing: [], poweredBy, config };
  const line = fn?.loc?.start.line ?? config.loc?.start.line ?? 1;
  if (fn === null) return { reason: '"headers" is not a function the config defines', line, existing: [], poweredBy, config };
  const returned = returnedArray(fn);
  if (!returned)
    return {
      reason: 'headers() does not return one array literal (it builds its list some other way): add the secure set to it by hand',
      line,
      existing: [],
      poweredBy,
      config,
    };
  return { reason: null, line, returned, existing: headerKeys(returned), poweredBy, config };
}

function missingHeaders(state: HeadersState, context: HeadersContext): SecureHeader[] {
  return secureHeaders(context).filter((h) => !state.existing.some((k) => sameHeader(k, h.key)));
}

function analyzeHeaders(parsed: ParsedFile, context: HeadersContext): CodemodReport {
  const state = readHeadersState(parsed);
  const report: CodemodReport = { changes: [], skips: [], warnings: [] };
  const at = (line: number) => ({ file: context.file, line });
  if (state.reason !== null) {
    report.skips.push({ ...at(state.line), reason: 'not-editable', message: state.reason });
    return report;
  }
  for (const key of secureHeaders(context)
    .map((h) => state.existing.find((k) => sameHeader(k, h.key)))
    .filter((k): k is string => k !== undefined))
    report.warnings.push({ ...at(state.line), reason: 'kept', message: `${key}: set by your headers(), kept as it is` });
  for (const h of missingHeaders(state, context))
    report.changes.push({ ...at(state.line), kind: 'header', message: `${h.key}: ${h.value}` });
  if (state.poweredBy === 'absent')
    report.changes.push({
      ...at(state.config?.loc?.start.line ?? 1),
      kind: 'powered-by',
      message: 'poweredByHeader: false (no X-Powered-By)',
    });
  else if (state.poweredBy === 'other')
    report.warnings.push({
      ...at(state.config?.loc?.start.line ?? 1),
      reason: 'powered-by-kept',
      message: 'poweredByHeader is set to something other than false: kept as it is (X-Powered-By will be sent)',
    });
  return report;
}

/** `{ key: '…', value: '…' }` for each header, one a line at `indent`. */
function headerObjects(headers: SecureHeader[], q: string, indent: string): string {
  // The file's quote, or the other one where the value holds it (a CSP's 'self'): no escapes.
  const lit = (s: string) => {
    const quote = s.includes(q) ? (q === "'" ? '"' : "'") : q;
    return `${quote}${s.replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
  };
  return headers.map((h) => `${indent}{ key: ${lit(h.key)}, value: ${lit(h.value)} },`).join('\n');
}

/**
 * next.config.*: the secure response headers for every route (`/:path*`) and `poweredByHeader:
 * false`. A headers() the team wrote is merged: the headers it sets are kept (reported), the
 * missing ones added as one more entry of the array it returns. A headers() that builds its list
 * some other way, or a config that is not an object literal, is left as it is and reported.
 */
export const headersCodemod: Codemod<HeadersContext, CodemodResult, ParsedFile> = {
  name: 'next-config-headers',
  parse: parseWithBabel,
  prefilter: () => true,
  analyze: analyzeHeaders,
  transform(parsed, context): CodemodResult {
    const report = analyzeHeaders(parsed, context);
    const state = readHeadersState(parsed);
    if (state.reason !== null || report.changes.length === 0) return { ...report, changed: false };
    const config = state.config!;
    const q = quoteOf(parsed);
    const unit = indentUnit(parsed.text);
    const edits = new TextEdits();
    const missing = missingHeaders(state, context);
    const indent = lineIndent(parsed.text, config.start!);
    const members: string[] = [];
    if (state.poweredBy === 'absent') members.push('poweredByHeader: false');
    if (missing.length > 0 && state.returned === undefined) {
      const base = indent + unit;
      members.push(
        [
          'async headers() {',
          `${base}${unit}return [`,
          `${base}${unit}${unit}{`,
          `${base}${unit}${unit}${unit}source: ${q}/:path*${q},`,
          `${base}${unit}${unit}${unit}headers: [`,
          headerObjects(missing, q, `${base}${unit}${unit}${unit}${unit}`),
          `${base}${unit}${unit}${unit}],`,
          `${base}${unit}${unit}},`,
          `${base}${unit}];`,
          `${base}}`,
        ].join('\n'),
      );
    } else if (missing.length > 0) {
      // One more entry of the team's array, written as the array is: on lines of its own, or on one line.
      const array = state.returned!;
      const first = array.elements.find((e) => e) ?? null;
      const multiline = first !== null && parsed.text.slice(array.start!, first.start!).includes('\n');
      const at = lineIndent(parsed.text, array.start!) + unit;
      const entry = multiline
        ? [
            '{',
            `${at}${unit}source: ${q}/:path*${q},`,
            `${at}${unit}headers: [`,
            headerObjects(missing, q, `${at}${unit}${unit}`),
            `${at}${unit}],`,
            `${at}}`,
          ].join('\n')
        : `{ source: ${q}/:path*${q}, headers: [${headerObjects(missing, q, '').replace(/\n/g, ' ').replace(/,$/, '')}] }`;
      addElements(edits, parsed, array, [entry]);
    }
    if (members.length > 0) addProperty(edits, parsed, config, members.join(`,\n${indent}${unit}`));
    return { ...report, changed: true, text: edits.applyTo(parsed.text) };
  },
};
