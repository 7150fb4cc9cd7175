import { Identifier, ImportDeclaration, Node, SourceFile } from 'ts-morph';
import { callsHooks, isClientFile, relativeImportTarget } from '../imports';
import { isHeavy } from './heavy-modules';
import type { DynamicImportContext } from './context';
import { parentJudge } from './parents';
import { importReferences } from './references';

export type { DynamicImportContext } from './context';

/** A pages-router file: rendered on the server and hydrated in the browser, never a Server Component. */
export function isPagesRouterFile(file: string): boolean {
  return /(^|\/)pages\//.test(file) && !/(^|\/)app\//.test(file);
}

/**
 * A client module: it says 'use client', is a pages-router file, calls hooks (a client module
 * without the directive), or only client modules import it (the import graph says so).
 */
export function isClientModule(sourceFile: SourceFile, context: DynamicImportContext): boolean {
  return isClientFile(sourceFile) || isPagesRouterFile(context.file) || context.clientByImporters === true || callsHooks(sourceFile);
}

/** Could this file be a React Server Component? Not where it is a client module. */
export function maybeServerComponent(sourceFile: SourceFile, context: DynamicImportContext): boolean {
  if (context.framework !== 'next' || isClientModule(sourceFile, context)) return false;
  return /(^|\/)app\//.test(context.file) || context.appRouter === true;
}

export const SKIP_REASONS = {
  'value-use': 'a binding is used as a value (called, passed, spread or read), not only as a JSX element',
  'namespace-import': 'namespace import (import * as …): which members are components is unknown',
  're-export': 're-exported from this file',
  'server-component':
    'Server Component (no "use client"): next/dynamic here would not take the library out of the client bundle; convert it in the client component that renders it',
  'side-effect-import': 'import for side effects only',
  'compound-components':
    'compound components (one rendered inside another from the same module, as recharts does): lazy-loading them one by one breaks the parent; put them in one client component and split that with --components',
  'light-module': 'measured light: splitting it out of the first load would save less than its loader costs',
  'heavy-parent':
    'rendered inside (or passed as a prop to) a component of a heavy library, which reads what it is given while it renders: split the parent and its children together in one client component (--components)',
  'parent-reads-children':
    'rendered inside a component that inspects its children (Children.map, cloneElement, isValidElement) while it renders: a lazy wrapper is not the element it looks for; split the parent and its children together (--components)',
  'render-prop':
    'rendered by a function another component calls while it renders (a render prop, children as a function, a context Consumer), which needs the result at once: split the component that owns the function instead (--components)',
} as const;

export type DynamicSkipReason = keyof typeof SKIP_REASONS;

export interface Binding {
  local: string;
  /** null for the default export. */
  imported: string | null;
  node: Identifier;
}

export interface Plan {
  /** The measured size of the module, in words, when it was weighed. */
  note?: string;
  decl: ImportDeclaration;
  specifier: string;
  line: number;
  jsx: Binding[];
  typeOnly: Binding[];
  /** JSX bindings also used in type positions (`typeof Chart`): they get a type-only alias. */
  alsoTyped: Set<string>;
}

/** Packages every app loads anyway: never worth weighing for a split. */
const FRAMEWORK_PACKAGE = /^(react|react-dom|next|scheduler)(\/|$)|^node:|^@types\//;

/**
 * Is this import a candidate: a listed heavy module, a local component named by --components, or
 * (where modules can be weighed) any other third-party package, which the measurement judges.
 */
function candidateKind(decl: ImportDeclaration, context: DynamicImportContext): 'heavy' | 'component' | 'unlisted' | null {
  const spec = decl.getModuleSpecifierValue();
  if (isHeavy(spec, context.modules)) return 'heavy';
  const resolved = spec.startsWith('.') ? relativeImportTarget(context.file, spec) : (context.resolveAlias?.(spec) ?? null);
  if (resolved === null) return context.weigh && !spec.startsWith('.') && !FRAMEWORK_PACKAGE.test(spec) ? 'unlisted' : null;
  const target = resolved.replace(/\.(tsx?|jsx?)$/, '');
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
export function useKind(id: Node): UseKind {
  const parent = id.getParentOrThrow();
  if (
    (Node.isJsxOpeningElement(parent) || Node.isJsxSelfClosingElement(parent) || Node.isJsxClosingElement(parent)) &&
    parent.getTagNameNode() === id
  )
    return 'jsx';
  if (Node.isExportSpecifier(parent) || Node.isExportAssignment(parent)) return 'export';
  if (id.getFirstAncestor((a) => Node.isTypeNode(a))) return 'type';
  return 'value';
}

export interface DynamicFinding {
  line: number;
  specifier: string;
  /** The measured size of the module, in words, when it was weighed. */
  note?: string;
  /** Convertible, or the reason it is not. */
  skip: DynamicSkipReason | null;
  skipLine?: number;
}

/** What the codemod would do with each candidate import of a file, without changing it. */
export function analyzeDynamicImports(
  sourceFile: SourceFile,
  context: DynamicImportContext,
): { plans: Plan[]; findings: DynamicFinding[] } {
  const plans: Plan[] = [];
  const findings: DynamicFinding[] = [];
  const serverComponent = maybeServerComponent(sourceFile, context);
  const underParent = parentJudge(sourceFile, context, heavyLocals(sourceFile, context));
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
    // An unlisted package is a candidate only where the measurement says it is heavy, and only
    // what is rendered as JSX alone (a hook or helper library is never split): no finding otherwise.
    if (kind === 'unlisted' && (serverComponent || !rendersOnly(sourceFile, bindings))) continue;
    let note: string | undefined;
    if ((kind === 'heavy' || kind === 'unlisted') && context.weigh) {
      const weight = context.weigh(
        specifier,
        bindings.map((b) => b.imported ?? 'default'),
      );
      note = weight.note;
      if (kind === 'unlisted' && !(weight.heavy && weight.measured)) continue;
      if (!weight.heavy) {
        findings.push({ line, specifier, skip: 'light-module', note });
        continue;
      }
    }
    const plan: Plan = { decl, specifier, line, note, jsx: [], typeOnly: [], alsoTyped: new Set() };
    let skip: { reason: DynamicSkipReason; line: number } | null = null;
    const locals = new Set(bindings.map((b) => b.local));
    for (const b of bindings) {
      const uses = importReferences(sourceFile, b.node);
      const nested = uses.find((u) => useKind(u) === 'jsx' && insideElementOf(u, locals));
      if (nested) {
        skip ??= { reason: 'compound-components', line: nested.getStartLineNumber() };
        continue;
      }
      const parent = uses
        .filter((u) => useKind(u) === 'jsx')
        .map((u) => underParent(u.getParentOrThrow(), locals))
        .find((p) => p !== null);
      if (parent) {
        skip ??= parent;
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
    if (skip) findings.push({ line, specifier, note, skip: skip.reason, skipLine: skip.line });
    else if (plan.jsx.length === 0)
      continue; // nothing rendered from it: nothing to split
    // A Server Component can split a client component it renders (one named by --components),
    // not a client library it renders itself.
    else if (serverComponent && kind === 'heavy') findings.push({ line, specifier, note, skip: 'server-component' });
    else {
      findings.push({ line, specifier, skip: null });
      plans.push(plan);
    }
  }
  return { plans, findings };
}

/** Is every use of every binding a JSX tag (or a type)? Only then is an unlisted library a component library to split. */
function rendersOnly(sourceFile: SourceFile, bindings: Binding[]): boolean {
  let jsx = false;
  for (const b of bindings) {
    for (const use of importReferences(sourceFile, b.node)) {
      const kind = useKind(use);
      if (kind === 'value' || kind === 'export') return false;
      if (kind === 'jsx') jsx = true;
    }
  }
  return jsx;
}

/** Is this JSX tag inside an element whose tag is another binding of the same import? */
function insideElementOf(tag: Node, locals: ReadonlySet<string>): boolean {
  const own = tag.getText();
  const element = tag.getParentOrThrow();
  const root = (name: string) => name.split('.')[0];
  for (let cur = element.getParent(); cur; cur = cur.getParent()) {
    if (Node.isJsxElement(cur)) {
      const name = cur.getOpeningElement().getTagNameNode().getText();
      if (name !== own && locals.has(root(name)) && cur.getOpeningElement() !== element) return true;
    }
  }
  return false;
}

/** Names the file binds to imports of heavy libraries: components that read their children while rendering. */
function heavyLocals(sourceFile: SourceFile, context: DynamicImportContext): Set<string> {
  const names = new Set<string>();
  for (const decl of sourceFile.getImportDeclarations()) {
    if (!isHeavy(decl.getModuleSpecifierValue(), context.modules)) continue;
    const def = decl.getDefaultImport();
    if (def) names.add(def.getText());
    const ns = decl.getNamespaceImport();
    if (ns) names.add(ns.getText());
    for (const n of decl.getNamedImports()) names.add((n.getAliasNode() ?? n.getNameNode()).getText());
  }
  // A heavy component this codemod already split (`const Chart = dynamic(() => import('recharts')…)`)
  // is still a heavy parent: a second run judges its children the same way.
  for (const v of sourceFile.getVariableDeclarations()) {
    const text = v.getInitializer()?.getText() ?? '';
    const loaded = /^([\w$.]+)\(\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]/.exec(text);
    if (!loaded) continue;
    // Listed, or (an unlisted library split because it measured heavy) measured heavy again.
    const member = /\.then\(\s*\(?(\w+)\)?\s*=>\s*\1\.(\w+)/.exec(text)?.[2] ?? 'default';
    const weight = isHeavy(loaded[2], context.modules) ? null : context.weigh?.(loaded[2], [member]);
    if (isHeavy(loaded[2], context.modules) || (weight?.heavy && weight.measured)) names.add(v.getName());
  }
  return names;
}
