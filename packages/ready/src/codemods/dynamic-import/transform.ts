import { escapeRegExp } from '../../utils/regexp';
import { posix } from 'node:path';
import { ImportDeclaration, JsxElement, JsxSelfClosingElement, Node, SourceFile, ts } from 'ts-morph';
import { findNodes, plainParse } from '../parse';
import { Codemod, CodemodReport, CodemodResult, CodemodSkip, emptyResult } from '../codemod';
import { freeName, importsInsertionIn, namesInFile, preferredQuote, quoteIn } from '../imports';
import { removeStatements } from '../remove-statements';
import { TextEdits } from '../text-edits';
import {
  Binding,
  DynamicFinding,
  DynamicImportContext,
  SKIP_REASONS,
  analyzeDynamicImports,
  isClientModule,
  isPagesRouterFile,
  useKind,
} from './analyze';
import { importReferences } from './references';

export { DynamicImportContext, SKIP_REASONS, analyzeDynamicImports } from './analyze';

/**
 * Splits heavy components out of the first load: next/dynamic (Next.js) or React.lazy + Suspense.
 * Only the statement removals (whose spacing ts-morph decides) and a named import added to React's
 * import are ts-morph manipulations, each of which re-parses the file; every other change is a text
 * edit at a position of the tree they leave, applied in one rewrite that the runner checks parses.
 */
function splitImports(sourceFile: SourceFile, context: DynamicImportContext): CodemodResult {
  const result = emptyResult();
  const { plans, findings } = analyzeDynamicImports(sourceFile, context);
  result.skips.push(...skipsOf(findings, context));
  if (plans.length === 0) return result;
  const q = preferredQuote(sourceFile);
  const taken = namesInFile(sourceFile);
  // ssr: false is a build error in Server Components; pages-router files (never 'use client') take it.
  const client = isClientModule(sourceFile, context);
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
  // What replaces each import that keeps type-only names, and its type-position uses to rename.
  const replaced: Array<{ decl: ImportDeclaration; text: string; aliases: Array<{ binding: Binding; alias: string }> }> = [];
  const removed: ImportDeclaration[] = [];
  for (const plan of [...plans].reverse()) {
    const typeNames: string[] = plan.decl
      .getNamedImports()
      .filter((n) => n.isTypeOnly())
      .map((n) => (n.getAliasNode() ? `${n.getName()} as ${n.getAliasNode()!.getText()}` : n.getName()));
    for (const b of plan.typeOnly)
      typeNames.push(b.imported === null ? `default as ${b.local}` : b.imported === b.local ? b.local : `${b.imported} as ${b.local}`);
    const aliases: Array<{ binding: Binding; alias: string }> = [];
    for (const b of plan.jsx) {
      if (!plan.alsoTyped.has(b.local)) continue;
      const alias = freeName(`${b.local}Type`, taken);
      taken.add(alias);
      typeNames.push(b.imported === null ? `default as ${alias}` : `${b.imported} as ${alias}`);
      aliases.push({ binding: b, alias });
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
    if (typeNames.length > 0)
      replaced.push({ decl: plan.decl, text: `import type { ${typeNames.join(', ')} } from ${q}${plan.specifier}${q};`, aliases });
    else removed.push(plan.decl);
  }
  // React's import takes the names the loaders need (a ts-morph edit: its spacing is ts-morph's).
  if (context.framework === 'react') ensureReactNamedImports(sourceFile, ['lazy', 'Suspense']);
  // The other edits, at positions of that tree: type-only imports and their uses, <Suspense>.
  const edits = new TextEdits();
  for (const { decl, text, aliases } of replaced) {
    for (const { binding, alias } of aliases)
      for (const ref of importReferences(sourceFile, binding.node).filter((n) => useKind(n) === 'type'))
        edits.replace(ref.getStart(), ref.getEnd(), alias);
    edits.replace(decl.getStart(), decl.getEnd(), text);
  }
  if (context.framework === 'react') wrapInSuspense(sourceFile, new Set(plans.flatMap((p) => p.jsx.map((b) => b.local))), edits);
  // Then the imports that leave go, last first; replacing an import never changes how a removal
  // next to it is spaced, and the edits above keep every statement where it was.
  const statements = sourceFile.compilerNode.statements;
  const indexes = removed.map((decl) => statements.indexOf(decl.compilerNode));
  let text = edits.applyTo(sourceFile.getFullText());
  text = removeStatements(context.file, text, indexes) ?? removeWithTsMorph(sourceFile, text, indexes);
  result.text = withLoaders(context, text, loader, consts);
  result.changed = true;
  return result;
}

/** `removeStatements` by ts-morph itself, on a scratch copy of the file (comments around the imports). */
function removeWithTsMorph(sourceFile: SourceFile, text: string, indexes: number[]): string {
  const { dir, name, ext } = posix.parse(sourceFile.getFilePath());
  const scratch = sourceFile.getProject().createSourceFile(posix.join(dir, `${name}.split-scratch${ext}`), text, { overwrite: true });
  try {
    const statements = scratch.getStatements();
    for (const index of [...indexes].sort((a, b) => b - a)) statements[index].remove();
    return scratch.getFullText();
  } finally {
    scratch.getProject().removeSourceFile(scratch);
  }
}

/** The loaders, right after the imports; below the loader's own import, added when the file lacks it. */
function withLoaders(context: DynamicImportContext, text: string, loader: string, consts: string[]): string {
  const sf = plainParse(context.file, text);
  const imports = sf.statements.filter(ts.isImportDeclaration);
  const quote = quoteIn(sf);
  const added =
    context.framework === 'next'
      ? imports.some((d) => moduleOf(d) === 'next/dynamic')
        ? null
        : `import ${loader} from ${quote}next/dynamic${quote};`
      : reactImportIn(sf.statements)
        ? null
        : `import { lazy, Suspense } from ${quote}react${quote};`;
  const loaders = `\n\n${consts.join('\n')}`;
  const edits = new TextEdits();
  if (added === null) {
    edits.insert(imports[imports.length - 1].getEnd(), loaders);
  } else {
    const { pos, text: inserted } = importsInsertionIn(sf, [added]);
    const at = inserted.indexOf(added) + added.length;
    edits.insert(pos, inserted.slice(0, at) + loaders + inserted.slice(at));
  }
  return edits.applyTo(text);
}

/** The file's React import that named imports can join (neither type-only nor a namespace import). */
function reactImportIn(statements: readonly ts.Statement[]): ts.ImportDeclaration | undefined {
  const react = statements.find(
    (d): d is ts.ImportDeclaration => ts.isImportDeclaration(d) && moduleOf(d) === 'react' && !d.importClause?.isTypeOnly,
  );
  return react?.importClause?.namedBindings?.kind === ts.SyntaxKind.NamespaceImport ? undefined : react;
}

const moduleOf = (d: ts.ImportDeclaration) => (d.moduleSpecifier as ts.StringLiteral).text;

/** Adds the missing names to React's import, when the file has one they can join. */
function ensureReactNamedImports(sourceFile: SourceFile, names: string[]): void {
  const node = reactImportIn(sourceFile.compilerNode.statements);
  const react = node && sourceFile.getImportDeclarations().find((d) => d.compilerNode === node);
  if (!react) return;
  const have = new Set(react.getNamedImports().map((n) => n.getName()));
  const missing = names.filter((n) => !have.has(n));
  if (missing.length > 0) react.addNamedImports(missing);
}

/** Wraps each use of a lazy component in <Suspense fallback={null}> unless one already encloses it in the same component. */
function wrapInSuspense(sourceFile: SourceFile, lazy: Set<string>, edits: TextEdits): void {
  const elements = findNodes<JsxElement | JsxSelfClosingElement>(
    sourceFile,
    (n, sf) =>
      (ts.isJsxSelfClosingElement(n) && lazy.has(n.tagName.getText(sf))) ||
      (ts.isJsxElement(n) && lazy.has(n.openingElement.tagName.getText(sf))),
  );
  for (const el of elements) {
    if (enclosedBySuspense(el)) continue;
    edits.insert(el.getStart(), '<Suspense fallback={null}>');
    edits.insert(el.getEnd(), '</Suspense>');
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
    pattern = new RegExp(`from\\s+['"][^'"]*(${names.map(escapeRegExp).join('|')})`);
    byComponents.set(context.components, pattern);
  }
  return pattern.test(text) || (context.weigh !== undefined && mayRenderUnlistedLibrary(text, context));
}

/** An import of a package other than the framework's own. */
const PACKAGE_IMPORT = /from\s+['"](?![./]|(react|react-dom|next|scheduler)(['"/])|node:)[^'"]+['"]/;

/**
 * Where modules can be weighed: a client module (React apps' files, pages-router files, 'use
 * client' or hook-calling files) that renders JSX and imports some package, which the
 * measurement may find heavy.
 */
function mayRenderUnlistedLibrary(text: string, context: DynamicImportContext): boolean {
  if (!/<[A-Z]/.test(text) || !PACKAGE_IMPORT.test(text)) return false;
  return (
    context.framework === 'react' ||
    isPagesRouterFile(context.file) ||
    context.clientByImporters === true ||
    /['"]use client['"]|\buse[A-Z]\w*\(/.test(text)
  );
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
