import { JsxOpeningElement, JsxSelfClosingElement, Node, SourceFile } from 'ts-morph';
import { isHeavy } from './heavy-modules';
import type { DynamicImportContext } from './context';

/**
 * Why a component rendered under another one must stay a static import, whatever module that
 * parent comes from:
 * - `heavy-parent`: the parent is a heavy library's component (listed, or measured heavy), which
 *   reads the elements it is given while it renders (a chart's series, a container's chart);
 * - `parent-reads-children`: the parent, from another project file or this one, inspects its
 *   children (`Children.map`, `cloneElement`, `isValidElement`): a lazy wrapper is not the element it looks for;
 * - `render-prop`: it is rendered by a function the parent calls while rendering (a render prop,
 *   `children` as a function, a context `Consumer`), whose result the parent uses at once.
 */
export type ParentReason = 'heavy-parent' | 'parent-reads-children' | 'render-prop';

/** Source text that inspects the elements it is given. */
const READS_CHILDREN = /\b(Children\s*\.\s*(map|forEach|toArray|only|count)|cloneElement|isValidElement)\b/;

/** Modules whose components only place their children: React's own, Next's. */
const PLACES_CHILDREN = /^(react|react-dom|next)(\/|$)/;

/** Lowercase tags are DOM elements: they neither call functions nor read their children. */
const isIntrinsic = (tag: string) => /^[a-z]/.test(tag) && !tag.includes('.');

type TagOwner = JsxOpeningElement | JsxSelfClosingElement;

/** Judges the parents of JSX uses within one file, each parent name once. */
export function parentJudge(
  sourceFile: SourceFile,
  context: DynamicImportContext,
  listedHeavy: ReadonlySet<string>,
): (element: Node, own: ReadonlySet<string>) => { reason: ParentReason; line: number } | null {
  const verdicts = new Map<string, ParentReason | null>();
  const verdict = (root: string): ParentReason | null => {
    if (!verdicts.has(root)) verdicts.set(root, judgeName(sourceFile, context, listedHeavy, root));
    return verdicts.get(root)!;
  };
  return (element, own) => {
    const line = element.getStartLineNumber();
    const rootOf = (owner: TagOwner) => owner.getTagNameNode().getText().split('.')[0];
    for (let cur = element.getParent(); cur; cur = cur.getParent()) {
      let owner: TagOwner | undefined;
      if (Node.isJsxElement(cur) && cur.getOpeningElement() !== element) owner = cur.getOpeningElement();
      else if (Node.isJsxAttribute(cur)) owner = cur.getParentOrThrow().getParentOrThrow() as TagOwner;
      else if ((Node.isArrowFunction(cur) || Node.isFunctionExpression(cur)) && Node.isJsxExpression(cur.getParent())) {
        // `<X render={() => <Chart />}>` or `<Ctx.Consumer>{(v) => <Chart />}</Ctx.Consumer>`
        const holder = cur.getParentOrThrow().getParentOrThrow();
        const called = Node.isJsxAttribute(holder)
          ? (holder.getParentOrThrow().getParentOrThrow() as TagOwner)
          : Node.isJsxElement(holder)
            ? holder.getOpeningElement()
            : undefined;
        if (called && !isIntrinsic(called.getTagNameNode().getText())) return { reason: 'render-prop', line };
      }
      if (!owner || owner === element) continue;
      const tag = owner.getTagNameNode().getText();
      if (isIntrinsic(tag) || own.has(rootOf(owner))) continue;
      const reason = verdict(rootOf(owner));
      if (reason) return { reason, line };
    }
    return null;
  };
}

function judgeName(
  sourceFile: SourceFile,
  context: DynamicImportContext,
  listedHeavy: ReadonlySet<string>,
  name: string,
): ParentReason | null {
  if (listedHeavy.has(name)) return 'heavy-parent';
  for (const decl of sourceFile.getImportDeclarations()) {
    const named = decl.getNamedImports().find((n) => (n.getAliasNode() ?? n.getNameNode()).getText() === name);
    const isDefault = decl.getDefaultImport()?.getText() === name || decl.getNamespaceImport()?.getText() === name;
    if (!named && !isDefault) continue;
    const specifier = decl.getModuleSpecifierValue();
    if (PLACES_CHILDREN.test(specifier)) return null;
    if (isHeavy(specifier, context.modules)) return 'heavy-parent';
    const text = context.readModule?.(specifier);
    if (text !== undefined && text !== null) return READS_CHILDREN.test(text) ? 'parent-reads-children' : null;
    // A package: heavy only when measured so (an unmeasured, unlisted package is not judged heavy).
    const weight = context.weigh?.(specifier, [named ? named.getName() : 'default']);
    return weight?.heavy && weight.measured ? 'heavy-parent' : null;
  }
  // Declared in this file: its own text says whether it reads its children.
  const local = sourceFile.getFunction(name) ?? sourceFile.getVariableDeclaration(name) ?? sourceFile.getClass(name) ?? undefined;
  return local && READS_CHILDREN.test(local.getText()) ? 'parent-reads-children' : null;
}
