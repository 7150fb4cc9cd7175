import { Identifier, Node, SourceFile, ts } from 'ts-morph';
import { findNodes } from '../parse';

/**
 * The uses, in its own file, of a name an import declares: every identifier of that name that
 * refers to the import, found by a walk over the file's tree and its scopes, not by the language
 * service (which builds a program and a type checker for it). An identifier refers to the import
 * unless it only names something (a property, a member, a JSX attribute, another declaration), or a
 * scope between it and the file declares the same name (a parameter, a variable, a function, a
 * class, a catch variable, a type parameter): then it is that declaration's.
 */
export function importReferences(sourceFile: SourceFile, binding: Identifier): Identifier[] {
  const name = binding.getText();
  const declared = new Map<Node, Meaning>();
  const declaresName = (scope: Node) => {
    let found = declared.get(scope);
    if (found === undefined) {
      found = scopeDeclares(scope, name, binding);
      declared.set(scope, found);
    }
    return found;
  };
  const named = findNodes<Identifier>(sourceFile, (node, sf) => ts.isIdentifier(node) && node.getText(sf) === name);
  return named.filter((id) => {
    if (id === binding || id.getText() !== name || !isReference(id)) return false;
    const meaning = typeMeaning(id) ? 'type' : 'value';
    for (let cur: Node | undefined = id.getParent(); cur && !Node.isSourceFile(cur); cur = cur.getParent()) {
      if (declaresName(cur)[meaning]) return false;
    }
    return true;
  });
}

/** What a declaration of the name gives it in a scope: a value (`const`, a parameter), a type (`type`, `interface`), or both (`class`, `enum`). */
interface Meaning {
  value: boolean;
  type: boolean;
}

/** Is this identifier read as a type (`: Chart`, `Props<Chart>`), rather than as a value (`typeof Chart`, `<Chart />`, a call)? */
function typeMeaning(id: Node): boolean {
  for (let cur = id.getParent(); cur; cur = cur.getParent()) {
    if (Node.isTypeQuery(cur)) return false;
    if (Node.isTypeReference(cur) || Node.isExpressionWithTypeArguments(cur)) return Node.isTypeReference(cur);
    if (!Node.isQualifiedName(cur) && !Node.isPropertyAccessExpression(cur)) return false;
  }
  return false;
}

/** Is this identifier a use of a name, rather than the name of a declaration, member or attribute? */
function isReference(id: Identifier): boolean {
  const parent = id.getParent();
  if (!parent) return false;
  // `a.Chart`, `NS.Chart` (types): the right-hand name belongs to `a`.
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
  if (Node.isQualifiedName(parent) && parent.getRight() === id) return false;
  // `<chart />`: an intrinsic element, not the binding.
  if (
    (Node.isJsxOpeningElement(parent) || Node.isJsxSelfClosingElement(parent) || Node.isJsxClosingElement(parent)) &&
    /^[a-z]/.test(id.getText())
  )
    return false;
  if (Node.isJsxAttribute(parent)) return false;
  // `export { Chart as C }` uses Chart; `export { X as Chart }` does not.
  if (Node.isExportSpecifier(parent)) {
    const alias = parent.getAliasNode();
    return alias ? parent.getNameNode() === id : true;
  }
  if (Node.isImportSpecifier(parent) || Node.isImportClause(parent) || Node.isNamespaceImport(parent)) return false;
  if (Node.isBindingElement(parent)) {
    // `const { Chart: c } = x` names a property; `const { a = Chart } = x` uses it (the initializer).
    return parent.getInitializer() === id;
  }
  if (Node.isPropertyAssignment(parent)) return parent.getInitializer() === id;
  // A declaration's own name: `function Chart`, `const Chart`, `class Chart`, members, labels, type names.
  if (
    (Node.isVariableDeclaration(parent) ||
      Node.isParameterDeclaration(parent) ||
      Node.isFunctionDeclaration(parent) ||
      Node.isFunctionExpression(parent) ||
      Node.isClassDeclaration(parent) ||
      Node.isClassExpression(parent) ||
      Node.isInterfaceDeclaration(parent) ||
      Node.isTypeAliasDeclaration(parent) ||
      Node.isEnumDeclaration(parent) ||
      Node.isEnumMember(parent) ||
      Node.isModuleDeclaration(parent) ||
      Node.isTypeParameterDeclaration(parent) ||
      Node.isPropertyDeclaration(parent) ||
      Node.isPropertySignature(parent) ||
      Node.isMethodDeclaration(parent) ||
      Node.isMethodSignature(parent) ||
      Node.isGetAccessorDeclaration(parent) ||
      Node.isSetAccessorDeclaration(parent)) &&
    (parent as Node & { getNameNode(): Node | undefined }).getNameNode() === id
  )
    return false;
  if (Node.isLabeledStatement(parent) || Node.isBreakStatement(parent) || Node.isContinueStatement(parent)) return false;
  return true;
}

/** Does this node open a scope in which `name` is declared (other than by the import itself), and with what meaning? */
function scopeDeclares(scope: Node, name: string, binding: Identifier): Meaning {
  const values: Node[] = [];
  const types: Node[] = [];
  let varDeclared = false;
  if (Node.isFunctionLikeDeclaration(scope) || Node.isArrowFunction(scope) || Node.isFunctionExpression(scope)) {
    for (const p of scope.getParameters()) values.push(...bindingNames(p.getNameNode()));
    if (Node.isFunctionExpression(scope) && scope.getNameNode()) values.push(scope.getNameNode()!);
    // `var` belongs to the whole function, wherever in its body it is written.
    const body = (scope as unknown as { getBody(): Node | undefined }).getBody();
    if (body) varDeclared = declaresVar(body.compilerNode, name, scope.getSourceFile().compilerNode);
    for (const t of scope.getTypeParameters()) types.push(t.getNameNode());
  }
  if (Node.isClassExpression(scope) && scope.getNameNode()) {
    values.push(scope.getNameNode()!);
    types.push(scope.getNameNode()!);
  }
  if (
    Node.isClassDeclaration(scope) ||
    Node.isClassExpression(scope) ||
    Node.isInterfaceDeclaration(scope) ||
    Node.isTypeAliasDeclaration(scope)
  ) {
    for (const t of scope.getTypeParameters()) types.push(t.getNameNode());
  }
  if (Node.isBlock(scope) || Node.isModuleBlock(scope) || Node.isCaseBlock(scope)) {
    const statements = Node.isCaseBlock(scope) ? scope.getClauses().flatMap((c) => c.getStatements()) : scope.getStatements();
    for (const s of statements) {
      if (Node.isVariableStatement(s)) {
        for (const d of s.getDeclarations()) values.push(...bindingNames(d.getNameNode()));
      } else if (Node.isFunctionDeclaration(s) && s.getNameNode()) {
        values.push(s.getNameNode()!);
      } else if ((Node.isClassDeclaration(s) || Node.isEnumDeclaration(s)) && s.getNameNode()) {
        values.push(s.getNameNode()!);
        types.push(s.getNameNode()!);
      } else if (Node.isInterfaceDeclaration(s) || Node.isTypeAliasDeclaration(s)) {
        types.push(s.getNameNode());
      }
    }
  }
  if (Node.isForStatement(scope) || Node.isForOfStatement(scope) || Node.isForInStatement(scope)) {
    const init = scope.getInitializer();
    if (init && Node.isVariableDeclarationList(init)) for (const d of init.getDeclarations()) values.push(...bindingNames(d.getNameNode()));
  }
  if (Node.isCatchClause(scope)) {
    const v = scope.getVariableDeclaration();
    if (v) values.push(...bindingNames(v.getNameNode()));
  }
  const named = (nodes: Node[]) => nodes.some((n) => n !== binding && n.getText() === name);
  return { value: varDeclared || named(values), type: named(types) };
}

/** The identifiers a binding name declares: itself, or every name of a destructuring pattern. */
function bindingNames(name: Node): Node[] {
  if (Node.isIdentifier(name)) return [name];
  if (Node.isObjectBindingPattern(name) || Node.isArrayBindingPattern(name)) {
    return name.getElements().flatMap((e) => (Node.isBindingElement(e) ? bindingNames(e.getNameNode()) : []));
  }
  return [];
}

/** Does `var` declare `name` anywhere in a function body, not inside a nested function? (Walked on the compiler's nodes.) */
function declaresVar(body: ts.Node, name: string, sf: ts.SourceFile): boolean {
  const bound = (n: ts.BindingName): boolean =>
    ts.isIdentifier(n) ? n.getText(sf) === name : n.elements.some((e) => ts.isBindingElement(e) && bound(e.name));
  const visit = (node: ts.Node): boolean => {
    if (ts.isVariableDeclarationList(node) && !(node.flags & ts.NodeFlags.BlockScoped) && node.declarations.some((d) => bound(d.name)))
      return true;
    return !!ts.forEachChild(node, (child) => (ts.isFunctionLike(child) ? undefined : visit(child) || undefined));
  };
  return visit(body);
}
