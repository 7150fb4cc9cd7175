import { Node, PropertyAccessExpression, SourceFile } from 'ts-morph';
import { Codemod, CodemodReport, CodemodResult, emptyResult } from '../codemod';
import { addImportStatement } from '../imports';
import { findEnvReads } from './find-env';

export interface EnvRewriteContext {
  /** Workspace-relative path of the file. */
  file: string;
  /** Variables the typed env module declares: only their reads are rewritten. */
  names: ReadonlySet<string>;
  /** How this file imports the env module (a relative specifier without extension). */
  moduleSpecifier: string;
}

export const ENV_SKIP_REASONS = {
  'dynamic-name': 'the variable name is computed at run time: declare and read it by hand',
  'other-form': 'read as process.env[...] or by destructuring: rewrite it to env.X by hand',
} as const;

/** `process.env.X` reads (not writes) of declared variables: what the rewrite replaces. */
function rewriteTargets(sourceFile: SourceFile, names: ReadonlySet<string>): PropertyAccessExpression[] {
  const out: PropertyAccessExpression[] = [];
  sourceFile.forEachDescendant((n) => {
    if (Node.isPropertyAccessExpression(n) && n.getExpression().getText() === 'process.env' && names.has(n.getName()) && !isAssigned(n))
      out.push(n);
  });
  return out;
}

function isAssigned(n: Node): boolean {
  const parent = n.getParent();
  return !!parent && Node.isBinaryExpression(parent) && parent.getLeft() === n && parent.getOperatorToken().getText() === '=';
}

function analyze(sourceFile: SourceFile, context: EnvRewriteContext): CodemodReport {
  const report: CodemodReport = { changes: [], skips: [], warnings: [] };
  const scan = findEnvReads(sourceFile, context.file);
  for (const u of scan.unresolved)
    report.skips.push({
      file: context.file,
      line: u.line,
      reason: 'dynamic-name',
      message: `${u.text}: ${ENV_SKIP_REASONS['dynamic-name']}`,
    });
  for (const r of scan.reads) {
    if (!context.names.has(r.name) || (r.form !== "process.env['X']" && r.form !== 'destructuring')) continue;
    report.skips.push({ file: context.file, line: r.line, reason: 'other-form', message: `${r.name}: ${ENV_SKIP_REASONS['other-form']}` });
  }
  for (const n of rewriteTargets(sourceFile, context.names)) {
    report.changes.push({
      file: context.file,
      line: n.getStartLineNumber(),
      kind: 'env',
      message: `process.env.${n.getName()} → env.${n.getName()}`,
    });
  }
  return report;
}

/** `process.env.X` → `env.X` for every declared variable, importing the typed env module once. */
function transform(sourceFile: SourceFile, context: EnvRewriteContext): CodemodResult {
  const report = analyze(sourceFile, context);
  const result: CodemodResult = { ...emptyResult(), ...report };
  const targets = rewriteTargets(sourceFile, context.names);
  if (targets.length === 0) return result;
  for (const n of [...targets].reverse()) n.replaceWithText(`env.${n.getName()}`);
  addImportStatement(sourceFile, '{ env }', context.moduleSpecifier);
  result.changed = true;
  return result;
}

export const envRewriteCodemod: Codemod<EnvRewriteContext> = {
  name: 'env-rewrite',
  prefilter: (text) => text.includes('process.env'),
  analyze,
  transform,
};
