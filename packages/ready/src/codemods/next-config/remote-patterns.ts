import { ArrayLiteralExpression, Expression, Node, ObjectLiteralExpression, SourceFile, SyntaxKind } from 'ts-morph';
import { Codemod, CodemodReport, CodemodResult } from '../codemod';
import { preferredQuote } from '../imports';

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

function unwrap(e: Expression | undefined): Expression | undefined {
  let cur = e;
  while (
    cur &&
    (Node.isParenthesizedExpression(cur) || Node.isAsExpression(cur) || Node.isSatisfiesExpression(cur) || Node.isTypeAssertion(cur))
  ) {
    cur = cur.getExpression();
  }
  return cur;
}

/** The object literal behind an expression: itself, a variable's initializer, or an argument of a plugin wrapper. */
function objectBehind(e: Expression | undefined, depth = 0): ObjectLiteralExpression | null {
  const x = unwrap(e);
  if (!x || depth > 5) return null;
  if (Node.isObjectLiteralExpression(x)) return x;
  if (Node.isIdentifier(x)) {
    // A config names its object at the top of the file; a syntactic lookup needs no type checker
    // (asking the language service would parse the default libraries first, about a second).
    const declaration = x.getSourceFile().getVariableDeclaration(x.getText());
    return declaration ? objectBehind(declaration.getInitializer(), depth + 1) : null;
  }
  if (Node.isCallExpression(x)) {
    // composePlugins(withNx)(nextConfig), withBundleAnalyzer(nextConfig), …
    for (const arg of [...x.getArguments()].reverse()) {
      const found = objectBehind(arg as Expression, depth + 1);
      if (found) return found;
    }
    return objectBehind(x.getExpression(), depth + 1);
  }
  return null;
}

/** The next.config.* object literal: what `module.exports =` or `export default` hands to Next. */
export function findConfigObject(sourceFile: SourceFile): ObjectLiteralExpression | null {
  for (const statement of sourceFile.getStatements()) {
    if (Node.isExportAssignment(statement)) return objectBehind(statement.getExpression());
    if (Node.isExpressionStatement(statement)) {
      const e = statement.getExpression();
      if (
        Node.isBinaryExpression(e) &&
        e.getOperatorToken().getKind() === SyntaxKind.EqualsToken &&
        e.getLeft().getText() === 'module.exports'
      ) {
        return objectBehind(e.getRight());
      }
    }
  }
  return null;
}

function property(obj: ObjectLiteralExpression, name: string): Expression | null | undefined {
  const p = obj.getProperty(name);
  if (!p) return undefined;
  return Node.isPropertyAssignment(p) ? (unwrap(p.getInitializer()) ?? null) : null;
}

function stringsOf(e: Expression | null | undefined, key?: string): string[] {
  if (!e || !Node.isArrayLiteralExpression(e)) return [];
  return e.getElements().flatMap((el) => {
    if (!key && Node.isStringLiteral(el)) return [el.getLiteralValue()];
    if (key && Node.isObjectLiteralExpression(el)) {
      const v = property(el, key);
      if (v && Node.isStringLiteral(v)) return [v.getLiteralValue()];
    }
    return [];
  });
}

export function readNextConfigImages(sourceFile: SourceFile): NextConfigImages {
  const config = findConfigObject(sourceFile);
  if (!config)
    return {
      editable: false,
      reason: 'no config object literal found behind module.exports / export default',
      allowedHosts: new Set(),
      usesDomains: false,
    };
  const images = property(config, 'images');
  if (images === null || (images && !Node.isObjectLiteralExpression(images))) {
    return { editable: false, reason: '"images" is not an object literal', allowedHosts: new Set(), usesDomains: false };
  }
  const patterns = images ? property(images, 'remotePatterns') : undefined;
  const domains = images ? property(images, 'domains') : undefined;
  const allowedHosts = new Set([...stringsOf(patterns, 'hostname'), ...stringsOf(domains)].map((h) => h.toLowerCase()));
  const editablePatterns = patterns === undefined || (patterns !== null && Node.isArrayLiteralExpression(patterns));
  return {
    editable: editablePatterns,
    reason: editablePatterns ? null : '"images.remotePatterns" is not an array literal',
    allowedHosts,
    usesDomains: domains !== undefined,
  };
}

/** Adds each host not yet allowed to `images.remotePatterns`, keeping everything else of the config. */
export function addRemotePatterns(sourceFile: SourceFile, hosts: RemoteHost[]): string[] {
  const state = readNextConfigImages(sourceFile);
  const missing = hosts.filter((h) => !state.allowedHosts.has(h.hostname));
  if (missing.length === 0 || !state.editable) return [];
  const q = preferredQuote(sourceFile);
  const pattern = (h: RemoteHost) => `{ protocol: ${q}${h.protocol}${q}, hostname: ${q}${h.hostname}${q} }`;
  const config = findConfigObject(sourceFile)!;
  const images = property(config, 'images');
  if (images === undefined) {
    config.addPropertyAssignment({ name: 'images', initializer: `{ remotePatterns: [${missing.map(pattern).join(', ')}] }` });
    return missing.map((h) => h.hostname);
  }
  const imagesObject = images as ObjectLiteralExpression;
  const patterns = property(imagesObject, 'remotePatterns');
  if (patterns === undefined) {
    imagesObject.addPropertyAssignment({ name: 'remotePatterns', initializer: `[${missing.map(pattern).join(', ')}]` });
  } else {
    for (const h of missing) (patterns as ArrayLiteralExpression).addElement(pattern(h));
  }
  return missing.map((h) => h.hostname);
}

export interface RemotePatternsContext {
  /** Workspace-relative path of the next.config.* file. */
  file: string;
  /** Hosts of converted remote images, which the config must allow. */
  hosts: RemoteHost[];
}

function analyzeRemotePatterns(sourceFile: SourceFile, context: RemotePatternsContext): CodemodReport {
  const state = readNextConfigImages(sourceFile);
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
export const remotePatternsCodemod: Codemod<RemotePatternsContext> = {
  name: 'next-config-remote-patterns',
  prefilter: () => true,
  analyze: analyzeRemotePatterns,
  transform(sourceFile, context): CodemodResult {
    const report = analyzeRemotePatterns(sourceFile, context);
    const added = addRemotePatterns(sourceFile, context.hosts);
    return { ...report, changed: added.length > 0 };
  },
};
