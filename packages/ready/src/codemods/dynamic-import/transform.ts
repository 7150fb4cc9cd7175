import { posix } from 'node:path';
import { JsxElement, JsxSelfClosingElement, Node, SourceFile, ts } from 'ts-morph';
import { findNodes } from '../parse';
import { Codemod, CodemodReport, CodemodResult, CodemodSkip, emptyResult } from '../codemod';
import { addImportStatement, freeName, isClientFile, namesInFile, preferredQuote } from '../imports';
import { DynamicFinding, DynamicImportContext, SKIP_REASONS, analyzeDynamicImports, isPagesRouterFile, useKind } from './analyze';
import { importReferences } from './references';

export { DynamicImportContext, SKIP_REASONS, analyzeDynamicImports } from './analyze';

/** Splits heavy components out of the first load: next/dynamic (Next.js) or React.lazy + Suspense. */
function splitImports(sourceFile: SourceFile, context: DynamicImportContext): CodemodResult {
  const result = emptyResult();
  const { plans, findings } = analyzeDynamicImports(sourceFile, context);
  result.skips.push(...skipsOf(findings, context));
  if (plans.length === 0) return result;
  const q = preferredQuote(sourceFile);
  const taken = namesInFile(sourceFile);
  // ssr: false is a build error in Server Components; pages-router files (never 'use client') take it.
  const client = isClientFile(sourceFile) || isPagesRouterFile(context.file);
  if (context.ssr === 'false' && !client && context.framework === 'next' && plans.length > 0) {
    result.warnings.push({
      file: context.file,
      line: plans[0].line,
      reason: 'ssr-false-dropped',
      message: 'ssr: false left out: this may be a Server Component (no "use client"), where next/dynamic with ssr: false is a build error',
    });
  }
  let loader: string;
  if (context.framework === 'next') {
    const existing = sourceFile
      .getImportDeclarations()
      .find((d) => d.getModuleSpecifierValue() === 'next/dynamic')
      ?.getDefaultImport()
      ?.getText();
    loader = existing ?? freeName('dynamic', taken);
  } else {
    loader = 'lazy';
  }
  const consts: string[] = [];
  // Bottom-up: each edit leaves the earlier imports where they are.
  for (const plan of [...plans].reverse()) {
    const typeNames: string[] = plan.decl
      .getNamedImports()
      .filter((n) => n.isTypeOnly())
      .map((n) => (n.getAliasNode() ? `${n.getName()} as ${n.getAliasNode()!.getText()}` : n.getName()));
    for (const b of plan.typeOnly)
      typeNames.push(b.imported === null ? `default as ${b.local}` : b.imported === b.local ? b.local : `${b.imported} as ${b.local}`);
    for (const b of plan.jsx) {
      if (!plan.alsoTyped.has(b.local)) continue;
      const alias = freeName(`${b.local}Type`, taken);
      taken.add(alias);
      typeNames.push(b.imported === null ? `default as ${alias}` : `${b.imported} as ${alias}`);
      for (const ref of importReferences(sourceFile, b.node)
        .filter((n) => useKind(n) === 'type')
        .reverse()) {
        ref.replaceWithText(alias);
      }
    }
    for (const b of plan.jsx) {
      const load =
        b.imported === null
          ? `import(${q}${plan.specifier}${q})`
          : context.framework === 'next'
            ? `import(${q}${plan.specifier}${q}).then((mod) => mod.${b.imported})`
            : `import(${q}${plan.specifier}${q}).then((mod) => ({ default: mod.${b.imported} }))`;
      const options =
        context.framework === 'next' ? `, { loading: () => null${context.ssr === 'false' && client ? ', ssr: false' : ''} }` : '';
      consts.unshift(`const ${b.local} = ${loader}(() => ${load}${options});`);
      result.changes.unshift({
        file: context.file,
        line: plan.line,
        kind: context.framework === 'next' ? 'next/dynamic' : 'React.lazy',
        message: `${b.local} from ${plan.specifier}${plan.note ? ` (${plan.note})` : ''} → ${context.framework === 'next' ? 'next/dynamic' : 'React.lazy'}${context.ssr === 'false' && client && context.framework === 'next' ? ' (ssr: false)' : ''}`,
      });
    }
    if (typeNames.length > 0) plan.decl.replaceWithText(`import type { ${typeNames.join(', ')} } from ${q}${plan.specifier}${q};`);
    else plan.decl.remove();
  }
  if (context.framework === 'react') wrapInSuspense(sourceFile, new Set(plans.flatMap((p) => p.jsx.map((b) => b.local))));
  if (context.framework === 'next') {
    if (!sourceFile.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === 'next/dynamic'))
      addImportStatement(sourceFile, loader, 'next/dynamic');
  } else {
    ensureReactNamedImports(sourceFile, ['lazy', 'Suspense']);
  }
  // The loaders go right after the imports (there is always one now: next/dynamic or react).
  const imports = sourceFile.getImportDeclarations();
  sourceFile.insertText(imports[imports.length - 1].getEnd(), `\n\n${consts.join('\n')}`);
  result.changed = true;
  return result;
}

function ensureReactNamedImports(sourceFile: SourceFile, names: string[]): void {
  const react = sourceFile.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === 'react' && !d.isTypeOnly());
  const have = new Set(react?.getNamedImports().map((n) => n.getName()) ?? []);
  const missing = names.filter((n) => !have.has(n));
  if (missing.length === 0) return;
  if (react && !react.getNamespaceImport()) react.addNamedImports(missing);
  else addImportStatement(sourceFile, `{ ${missing.join(', ')} }`, 'react');
}

/** Wraps each use of a lazy component in <Suspense fallback={null}> unless one already encloses it in the same component. */
function wrapInSuspense(sourceFile: SourceFile, lazy: Set<string>): void {
  const elements = findNodes<JsxElement | JsxSelfClosingElement>(
    sourceFile,
    (n, sf) =>
      (ts.isJsxSelfClosingElement(n) && lazy.has(n.tagName.getText(sf))) ||
      (ts.isJsxElement(n) && lazy.has(n.openingElement.tagName.getText(sf))),
  );
  for (const el of elements.reverse()) {
    if (enclosedBySuspense(el)) continue;
    el.replaceWithText(`<Suspense fallback={null}>${el.getText()}</Suspense>`);
  }
}

function enclosedBySuspense(el: Node): boolean {
  for (let cur = el.getParent(); cur; cur = cur.getParent()) {
    if (Node.isFunctionDeclaration(cur) || Node.isArrowFunction(cur) || Node.isFunctionExpression(cur) || Node.isMethodDeclaration(cur))
      return false;
    if (Node.isJsxElement(cur) && /^(React\.)?Suspense$/.test(cur.getOpeningElement().getTagNameNode().getText())) return true;
  }
  return false;
}

/** By the run's module list, then its components: one pattern per run, not one per file. */
const prefilters = new WeakMap<readonly string[], WeakMap<ReadonlyMap<string, unknown>, RegExp>>();

/** Files worth parsing: those importing from a heavy module or from a --components file. */
function prefilter(text: string, context: DynamicImportContext): boolean {
  let byComponents = prefilters.get(context.modules);
  if (!byComponents) prefilters.set(context.modules, (byComponents = new WeakMap()));
  let pattern = byComponents.get(context.components);
  if (!pattern) {
    const names = [...context.modules.map((m) => m.replace(/\/\*$/, '')), ...[...context.components.keys()].map((k) => posix.basename(k))];
    pattern = new RegExp(`from\\s+['"][^'"]*(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`);
    byComponents.set(context.components, pattern);
  }
  return pattern.test(text);
}

/** The imports a file's analysis leaves alone, with the line and the reason. */
function skipsOf(findings: DynamicFinding[], context: DynamicImportContext): CodemodSkip[] {
  return findings
    .filter((f) => f.skip)
    .map((f) => ({
      file: context.file,
      line: f.skipLine ?? f.line,
      reason: f.skip!,
      message: `${f.specifier}${f.note ? ` (${f.note})` : ''}: ${SKIP_REASONS[f.skip!]}`,
    }));
}

/** `analyzeDynamicImports` as a codemod report: one change per component it would split, one skip per import it would leave. */
function analyze(sourceFile: SourceFile, context: DynamicImportContext): CodemodReport {
  const report: CodemodReport = { changes: [], skips: [], warnings: [] };
  const { plans, findings } = analyzeDynamicImports(sourceFile, context);
  report.skips.push(...skipsOf(findings, context));
  const kind = context.framework === 'next' ? 'next/dynamic' : 'React.lazy';
  for (const plan of plans) {
    for (const b of plan.jsx)
      report.changes.push({
        file: context.file,
        line: plan.line,
        kind,
        message: `${b.local} from ${plan.specifier}${plan.note ? ` (${plan.note})` : ''} → ${kind}`,
      });
  }
  return report;
}

export const dynamicImportCodemod: Codemod<DynamicImportContext> = {
  name: 'dynamic-import',
  prefilter,
  analyze,
  transform: splitImports,
};
