import { posix } from 'node:path';
import { Identifier, ImportDeclaration, JsxElement, JsxSelfClosingElement, Node, SourceFile } from 'ts-morph';
import { addImportStatement, freeName, isClientFile, namesInFile, preferredQuote } from '../imports';
import { Codemod, CodemodReport, CodemodResult, emptyResult } from '../codemod';
import { isHeavy } from './heavy-modules';

export interface DynamicImportContext {
  /** Workspace-relative path of the file. */
  file: string;
  framework: 'next' | 'react';
  /** Heavy modules: the default list plus --modules. */
  modules: readonly string[];
  /** Local component files named by --components (workspace-relative, without extension) → export names. */
  components: ReadonlyMap<string, ReadonlySet<string>>;
  ssr: 'keep' | 'false';
}

export const SKIP_REASONS = {
  'value-use': 'a binding is used as a value (called, passed, spread or read), not only as a JSX element',
  'namespace-import': 'namespace import (import * as …): which members are components is unknown',
  're-export': 're-exported from this file',
  'server-component': 'Server Component (no "use client"): next/dynamic here would not take the library out of the client bundle; convert it in the client component that renders it',
  'side-effect-import': 'import for side effects only',
  'compound-components': 'compound components (one rendered inside another from the same module, as recharts does): lazy-loading them one by one breaks the parent; put them in one client component and split that with --components',
} as const;

export type DynamicSkipReason = keyof typeof SKIP_REASONS;

interface Binding {
  local: string;
  /** null for the default export. */
  imported: string | null;
  node: Identifier;
}

interface Plan {
  decl: ImportDeclaration;
  specifier: string;
  line: number;
  jsx: Binding[];
  typeOnly: Binding[];
  /** JSX bindings also used in type positions (`typeof Chart`): they get a type-only alias. */
  alsoTyped: Set<string>;
}

/** Is this import a candidate: a heavy module, or a local component named by --components? */
function candidateKind(decl: ImportDeclaration, context: DynamicImportContext): 'heavy' | 'component' | null {
  const spec = decl.getModuleSpecifierValue();
  if (isHeavy(spec, context.modules)) return 'heavy';
  if (!spec.startsWith('.')) return null;
  const target = posix.normalize(posix.join(posix.dirname(context.file), spec)).replace(/\.(tsx?|jsx?)$/, '');
  return context.components.has(target) || context.components.has(`${target}/index`) ? 'component' : null;
}

function bindingsOf(decl: ImportDeclaration): Binding[] | 'namespace' {
  if (decl.getNamespaceImport()) return 'namespace';
  const out: Binding[] = [];
  const def = decl.getDefaultImport();
  if (def) out.push({ local: def.getText(), imported: null, node: def });
  for (const n of decl.getNamedImports()) {
    if (n.isTypeOnly()) continue;
    const alias = n.getAliasNode();
    out.push({ local: (alias ?? n.getNameNode()).getText(), imported: n.getName(), node: (alias ?? n.getNameNode()) as Identifier });
  }
  return out;
}

type UseKind = 'jsx' | 'type' | 'value' | 'export';

/** How an identifier is used: as a JSX tag, in a type, re-exported, or as a value. */
function useKind(id: Node): UseKind {
  const parent = id.getParentOrThrow();
  if ((Node.isJsxOpeningElement(parent) || Node.isJsxSelfClosingElement(parent) || Node.isJsxClosingElement(parent)) && parent.getTagNameNode() === id) return 'jsx';
  if (Node.isExportSpecifier(parent) || Node.isExportAssignment(parent)) return 'export';
  if (id.getFirstAncestor((a) => Node.isTypeNode(a))) return 'type';
  return 'value';
}

export interface DynamicFinding {
  line: number;
  specifier: string;
  /** Convertible, or the reason it is not. */
  skip: DynamicSkipReason | null;
  skipLine?: number;
}

/** What the codemod would do with each candidate import of a file, without changing it. */
export function analyzeDynamicImports(sourceFile: SourceFile, context: DynamicImportContext): { plans: Plan[]; findings: DynamicFinding[] } {
  const plans: Plan[] = [];
  const findings: DynamicFinding[] = [];
  const serverComponent = context.framework === 'next' && /(^|\/)app\//.test(context.file) && !isClientFile(sourceFile);
  for (const decl of sourceFile.getImportDeclarations()) {
    const kind = candidateKind(decl, context);
    if (decl.isTypeOnly() || !kind) continue;
    const line = decl.getStartLineNumber();
    const specifier = decl.getModuleSpecifierValue();
    const bindings = bindingsOf(decl);
    if (bindings === 'namespace') {
      findings.push({ line, specifier, skip: 'namespace-import' });
      continue;
    }
    if (bindings.length === 0) {
      if (!decl.getImportClause()) findings.push({ line, specifier, skip: 'side-effect-import' });
      continue;
    }
    const plan: Plan = { decl, specifier, line, jsx: [], typeOnly: [], alsoTyped: new Set() };
    let skip: { reason: DynamicSkipReason; line: number } | null = null;
    const locals = new Set(bindings.map((b) => b.local));
    for (const b of bindings) {
      const uses = b.node.findReferencesAsNodes().filter((n) => n.getSourceFile() === sourceFile && n !== b.node);
      const nested = uses.find((u) => useKind(u) === 'jsx' && insideElementOf(u, locals));
      if (nested) {
        skip ??= { reason: 'compound-components', line: nested.getStartLineNumber() };
        continue;
      }
      const kinds = uses.map((u) => ({ kind: useKind(u), line: u.getStartLineNumber() }));
      const bad = kinds.find((k) => k.kind === 'value' || k.kind === 'export');
      if (bad) {
        skip ??= { reason: bad.kind === 'export' ? 're-export' : 'value-use', line: bad.line };
        continue;
      }
      if (kinds.some((k) => k.kind === 'jsx')) {
        plan.jsx.push(b);
        if (kinds.some((k) => k.kind === 'type')) plan.alsoTyped.add(b.local);
      } else {
        plan.typeOnly.push(b);
      }
    }
    if (skip) findings.push({ line, specifier, skip: skip.reason, skipLine: skip.line });
    else if (plan.jsx.length === 0) continue; // nothing rendered from it: nothing to split
    // A Server Component can split a client component it renders (one named by --components),
    // not a client library it renders itself.
    else if (serverComponent && kind === 'heavy') findings.push({ line, specifier, skip: 'server-component' });
    else {
      findings.push({ line, specifier, skip: null });
      plans.push(plan);
    }
  }
  return { plans, findings };
}

/** Is this JSX tag inside an element whose tag is another binding of the same import? */
function insideElementOf(tag: Node, locals: Set<string>): boolean {
  const own = tag.getText();
  const element = tag.getParentOrThrow();
  for (let cur = element.getParent(); cur; cur = cur.getParent()) {
    if (Node.isJsxElement(cur)) {
      const name = cur.getOpeningElement().getTagNameNode().getText();
      if (name !== own && locals.has(name) && cur.getOpeningElement() !== element) return true;
    }
  }
  return false;
}

/** Splits heavy components out of the first load: next/dynamic (Next.js) or React.lazy + Suspense. */
function splitImports(sourceFile: SourceFile, context: DynamicImportContext): CodemodResult {
  const result = emptyResult();
  const { plans, findings } = analyzeDynamicImports(sourceFile, context);
  for (const f of findings.filter((x) => x.skip)) {
    result.skips.push({ file: context.file, line: f.skipLine ?? f.line, reason: f.skip!, message: `${f.specifier}: ${SKIP_REASONS[f.skip!]}` });
  }
  if (plans.length === 0) return result;
  const q = preferredQuote(sourceFile);
  const taken = namesInFile(sourceFile);
  const client = isClientFile(sourceFile);
  let loader: string;
  if (context.framework === 'next') {
    const existing = sourceFile.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === 'next/dynamic')?.getDefaultImport()?.getText();
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
    for (const b of plan.typeOnly) typeNames.push(b.imported === null ? `default as ${b.local}` : b.imported === b.local ? b.local : `${b.imported} as ${b.local}`);
    for (const b of plan.jsx) {
      if (!plan.alsoTyped.has(b.local)) continue;
      const alias = freeName(`${b.local}Type`, taken);
      taken.add(alias);
      typeNames.push(b.imported === null ? `default as ${alias}` : `${b.imported} as ${alias}`);
      for (const ref of b.node.findReferencesAsNodes().filter((n) => n.getSourceFile() === sourceFile && n !== b.node && useKind(n) === 'type').reverse()) {
        ref.replaceWithText(alias);
      }
    }
    for (const b of plan.jsx) {
      const load = b.imported === null
        ? `import(${q}${plan.specifier}${q})`
        : context.framework === 'next'
          ? `import(${q}${plan.specifier}${q}).then((mod) => mod.${b.imported})`
          : `import(${q}${plan.specifier}${q}).then((mod) => ({ default: mod.${b.imported} }))`;
      const options = context.framework === 'next' ? `, { loading: () => null${context.ssr === 'false' && client ? ', ssr: false' : ''} }` : '';
      consts.unshift(`const ${b.local} = ${loader}(() => ${load}${options});`);
      result.changes.unshift({
        file: context.file,
        line: plan.line,
        kind: context.framework === 'next' ? 'next/dynamic' : 'React.lazy',
        message: `${b.local} from ${plan.specifier} → ${context.framework === 'next' ? 'next/dynamic' : 'React.lazy'}${context.ssr === 'false' && client && context.framework === 'next' ? ' (ssr: false)' : ''}`,
      });
    }
    if (typeNames.length > 0) plan.decl.replaceWithText(`import type { ${typeNames.join(', ')} } from ${q}${plan.specifier}${q};`);
    else plan.decl.remove();
  }
  if (context.framework === 'react') wrapInSuspense(sourceFile, new Set(plans.flatMap((p) => p.jsx.map((b) => b.local))));
  if (context.framework === 'next') {
    if (!sourceFile.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === 'next/dynamic')) addImportStatement(sourceFile, loader, 'next/dynamic');
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
  const elements: Array<JsxElement | JsxSelfClosingElement> = [];
  sourceFile.forEachDescendant((n) => {
    if (Node.isJsxSelfClosingElement(n) && lazy.has(n.getTagNameNode().getText())) elements.push(n);
    if (Node.isJsxElement(n) && lazy.has(n.getOpeningElement().getTagNameNode().getText())) elements.push(n);
  });
  for (const el of elements.reverse()) {
    if (enclosedBySuspense(el)) continue;
    el.replaceWithText(`<Suspense fallback={null}>${el.getText()}</Suspense>`);
  }
}

function enclosedBySuspense(el: Node): boolean {
  for (let cur = el.getParent(); cur; cur = cur.getParent()) {
    if (Node.isFunctionDeclaration(cur) || Node.isArrowFunction(cur) || Node.isFunctionExpression(cur) || Node.isMethodDeclaration(cur)) return false;
    if (Node.isJsxElement(cur) && /^(React\.)?Suspense$/.test(cur.getOpeningElement().getTagNameNode().getText())) return true;
  }
  return false;
}

const prefilters = new WeakMap<DynamicImportContext, RegExp>();

/** Files worth parsing: those importing from a heavy module or from a --components file. */
function prefilter(text: string, context: DynamicImportContext): boolean {
  let pattern = prefilters.get(context);
  if (!pattern) {
    const names = [...context.modules.map((m) => m.replace(/\/\*$/, '')), ...[...context.components.keys()].map((k) => posix.basename(k))];
    pattern = new RegExp(`from\\s+['"][^'"]*(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`);
    prefilters.set(context, pattern);
  }
  return pattern.test(text);
}

/** `analyzeDynamicImports` as a codemod report: one change per component it would split, one skip per import it would leave. */
function analyze(sourceFile: SourceFile, context: DynamicImportContext): CodemodReport {
  const report: CodemodReport = { changes: [], skips: [], warnings: [] };
  const { plans, findings } = analyzeDynamicImports(sourceFile, context);
  for (const f of findings.filter((x) => x.skip)) {
    report.skips.push({ file: context.file, line: f.skipLine ?? f.line, reason: f.skip!, message: `${f.specifier}: ${SKIP_REASONS[f.skip!]}` });
  }
  const kind = context.framework === 'next' ? 'next/dynamic' : 'React.lazy';
  for (const plan of plans) {
    for (const b of plan.jsx) report.changes.push({ file: context.file, line: plan.line, kind, message: `${b.local} from ${plan.specifier} → ${kind}` });
  }
  return report;
}

export const dynamicImportCodemod: Codemod<DynamicImportContext> = {
  name: 'dynamic-import',
  prefilter,
  analyze,
  transform: splitImports,
};
