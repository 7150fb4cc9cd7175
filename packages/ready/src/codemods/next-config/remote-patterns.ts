import type * as t from '@babel/types';
import { ParsedFile, parseWithBabel, quoteOf } from '../babel';
import { Codemod, CodemodReport, CodemodResult } from '../codemod';
import { TextEdits } from '../text-edits';
import { Expression, addElements, addProperty, findConfigObject, property } from './config-object';

export interface RemoteHost {
  protocol: 'http' | 'https';
  hostname: string;
}

export interface NextConfigImages {
  /** The config object literal could be found and `images.remotePatterns` edited. */
  editable: boolean;
  /** Why it cannot be edited, when it cannot. */
  reason: string | null;
  /** Hostnames already allowed by remotePatterns or the deprecated images.domains. */
  allowedHosts: Set<string>;
  /** `images.domains` is set: deprecated since Next 14 in favour of remotePatterns. */
  usesDomains: boolean;
}

function stringsOf(e: Expression | null, key?: string): string[] {
  if (e?.type !== 'ArrayExpression') return [];
  return e.elements.flatMap((el) => {
    if (!key && el?.type === 'StringLiteral') return [el.value];
    if (key && el?.type === 'ObjectExpression') {
      const v = property(el, key);
      if (v?.type === 'StringLiteral') return [v.value];
    }
    return [];
  });
}

export function readNextConfigImages(parsed: ParsedFile): NextConfigImages {
  const config = findConfigObject(parsed);
  if (!config)
    return {
      editable: false,
      reason: 'no config object literal found behind module.exports / export default',
      allowedHosts: new Set(),
      usesDomains: false,
    };
  const images = property(config, 'images');
  if (images === null || (images && images.type !== 'ObjectExpression')) {
    return { editable: false, reason: '"images" is not an object literal', allowedHosts: new Set(), usesDomains: false };
  }
  const patterns = images ? property(images, 'remotePatterns') : undefined;
  const domains = images ? property(images, 'domains') : undefined;
  const allowedHosts = new Set([...stringsOf(patterns, 'hostname'), ...stringsOf(domains)].map((h) => h.toLowerCase()));
  const editablePatterns = patterns === undefined || patterns?.type === 'ArrayExpression';
  return {
    editable: editablePatterns,
    reason: editablePatterns ? null : '"images.remotePatterns" is not an array literal',
    allowedHosts,
    usesDomains: domains !== undefined,
  };
}

/** Adds each host not yet allowed to `images.remotePatterns`, keeping everything else of the config: the new text, or null. */
export function addRemotePatterns(parsed: ParsedFile, hosts: RemoteHost[]): { text: string; added: string[] } | null {
  const state = readNextConfigImages(parsed);
  const missing = hosts.filter((h) => !state.allowedHosts.has(h.hostname));
  if (missing.length === 0 || !state.editable) return null;
  const q = quoteOf(parsed);
  const patterns = missing.map((h) => `{ protocol: ${q}${h.protocol}${q}, hostname: ${q}${h.hostname}${q} }`);
  const config = findConfigObject(parsed)!;
  const images = property(config, 'images') as t.ObjectExpression | undefined;
  const edits = new TextEdits();
  if (images === undefined) {
    addProperty(edits, parsed, config, `images: { remotePatterns: [${patterns.join(', ')}] }`);
  } else {
    const existing = property(images, 'remotePatterns') as t.ArrayExpression | undefined;
    if (existing === undefined) addProperty(edits, parsed, images, `remotePatterns: [${patterns.join(', ')}]`);
    else addElements(edits, parsed, existing, patterns);
  }
  return { text: edits.applyTo(parsed.text), added: missing.map((h) => h.hostname) };
}

export interface RemotePatternsContext {
  /** Workspace-relative path of the next.config.* file. */
  file: string;
  /** Hosts of converted remote images, which the config must allow. */
  hosts: RemoteHost[];
}

function analyzeRemotePatterns(parsed: ParsedFile, context: RemotePatternsContext): CodemodReport {
  const state = readNextConfigImages(parsed);
  const missing = context.hosts.filter((h) => !state.allowedHosts.has(h.hostname));
  const report: CodemodReport = { changes: [], skips: [], warnings: [] };
  if (state.usesDomains)
    report.warnings.push({
      file: context.file,
      line: 1,
      reason: 'domains-deprecated',
      message: 'images.domains is deprecated; move its hosts to images.remotePatterns',
    });
  if (missing.length === 0) return report;
  if (!state.editable) {
    report.skips.push({ file: context.file, line: 1, reason: 'not-editable', message: state.reason ?? 'the config cannot be edited' });
    return report;
  }
  for (const h of missing)
    report.changes.push({ file: context.file, line: 1, kind: 'remote-pattern', message: `images.remotePatterns += ${h.hostname}` });
  return report;
}

/** next.config.*: allow the hosts of converted remote images in `images.remotePatterns`. */
export const remotePatternsCodemod: Codemod<RemotePatternsContext, CodemodResult, ParsedFile> = {
  name: 'next-config-remote-patterns',
  parse: parseWithBabel,
  prefilter: () => true,
  analyze: analyzeRemotePatterns,
  transform(parsed, context): CodemodResult {
    const report = analyzeRemotePatterns(parsed, context);
    const edit = addRemotePatterns(parsed, context.hosts);
    return edit ? { ...report, changed: true, text: edit.text } : { ...report, changed: false };
  },
};
