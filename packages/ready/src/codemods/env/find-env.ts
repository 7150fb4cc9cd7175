import { BinaryExpression, Expression, Node, SourceFile, SyntaxKind, ts } from 'ts-morph';
import { findNodes } from '../parse';
import { relativeImportTarget } from '../imports';

export type EnvType = 'string' | 'number' | 'boolean' | 'url' | 'enum';

/** One read of an environment variable, where it happens and what the code around it says. */
export interface EnvRead {
  name: string;
  file: string;
  line: number;
  /** The literal fallback (`?? 'x'`, `|| 20`, a destructuring default), as text of the value. */
  fallback?: string;
  /** What the use says of the type: Number(...) → number, === 'true' → boolean, compared to literals → enum. */
  type?: EnvType;
  /** Literals it is compared to (for enums). */
  values?: string[];
  form: 'process.env.X' | "process.env['X']" | 'destructuring' | 'import.meta.env' | 'next.config env' | 'env module';
  /** Only its presence is tested (`Boolean(process.env.X)`): any value, or none, is valid. */
  presence?: true;
  /**
   * One side of `||` / `??` whose other side is not a literal: `process.env.A || process.env.B`,
   * `process.env.A ?? defaultHost()`. The code goes on with the other side when it is unset.
   */
  alternative?: true;
}

export interface UnresolvedRead {
  file: string;
  line: number;
  text: string;
}

export interface EnvScan {
  reads: EnvRead[];
  unresolved: UnresolvedRead[];
}

export const ENV_PREFILTER = /process\.env|import\.meta\.env/;

function isProcessEnv(e: Node | undefined): boolean {
  return !!e && e.getText().replace(/\s+/g, '') === 'process.env';
}

function isImportMetaEnv(e: Node | undefined): boolean {
  return !!e && e.getText().replace(/\s+/g, '') === 'import.meta.env';
}

function literalText(e: Node | undefined): string | undefined {
  if (!e) return undefined;
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return e.getLiteralValue();
  if (Node.isNumericLiteral(e)) return String(e.getLiteralValue());
  if (e.getKind() === SyntaxKind.TrueKeyword) return 'true';
  if (e.getKind() === SyntaxKind.FalseKeyword) return 'false';
  return undefined;
}

/** Climbs through parentheses and `as` casts to the expression the read really sits in. */
function outer(node: Node): Node {
  let cur = node;
  while (
    cur.getParent() &&
    (Node.isParenthesizedExpression(cur.getParent()!) ||
      Node.isAsExpression(cur.getParent()!) ||
      Node.isNonNullExpression(cur.getParent()!))
  ) {
    cur = cur.getParent()!;
  }
  return cur;
}

/** What the expression around a read says: fallback, type, compared literals. */
function describeUse(node: Node): Pick<EnvRead, 'fallback' | 'type' | 'values' | 'presence' | 'alternative'> {
  const out: Pick<EnvRead, 'fallback' | 'type' | 'values' | 'presence' | 'alternative'> = {};
  let cur = outer(node);
  let parent = cur.getParent();
  const isOr = (p: Node | undefined): p is BinaryExpression =>
    !!p &&
    Node.isBinaryExpression(p) &&
    [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(p.getOperatorToken().getKind());
  // The right side of `A || B` where A is not a literal: B is the alternative to A.
  if (isOr(parent) && parent.getRight() === cur && literalText(parent.getLeft()) === undefined) out.alternative = true;
  if (isOr(parent) && parent.getLeft() === cur) {
    out.fallback = literalText(parent.getRight());
    if (out.fallback === undefined) out.alternative = true;
    if (Node.isNumericLiteral(parent.getRight())) out.type = 'number';
    cur = outer(parent);
    parent = cur.getParent();
  }
  if (parent && Node.isCallExpression(parent) && parent.getArguments()[0] === cur) {
    const callee = parent.getExpression().getText();
    if (['Number', 'parseInt', 'parseFloat', 'Number.parseInt', 'Number.parseFloat'].includes(callee)) out.type = 'number';
    if (callee === 'Boolean') out.presence = true;
  }
  if (parent && Node.isBinaryExpression(parent)) {
    const op = parent.getOperatorToken().getKind();
    if (
      [
        SyntaxKind.EqualsEqualsEqualsToken,
        SyntaxKind.EqualsEqualsToken,
        SyntaxKind.ExclamationEqualsEqualsToken,
        SyntaxKind.ExclamationEqualsToken,
      ].includes(op)
    ) {
      const other = parent.getLeft() === cur ? parent.getRight() : parent.getLeft();
      const value = literalText(other);
      if (value === 'true' || value === 'false' || value === '1' || value === '0') out.type = 'boolean';
      else if (value !== undefined) {
        out.type = 'enum';
        out.values = [value];
      }
    }
  }
  return out;
}

/**
 * Every environment variable read of one file, in every form the issue lists. `envModule` names
 * the app's generated env module (workspace-relative, without extension): `env.X` imported from it
 * is a read of X as much as `process.env.X` was before `--rewrite` turned one into the other.
 */
export function findEnvReads(sourceFile: SourceFile, file: string, envModule?: string): EnvScan {
  const scan: EnvScan = { reads: [], unresolved: [] };
  const moduleBindings = envModule ? envModuleBindings(sourceFile, file, envModule) : new Set<string>();
  // What can be a read, decided on the compiler's nodes: the rest of the file is never wrapped.
  const envObject = (e: ts.Node | undefined, sf: ts.SourceFile) =>
    !!e &&
    ts.isPropertyAccessExpression(e) &&
    e.name.text === 'env' &&
    /^(process|import\.meta)\.env$/.test(e.getText(sf).replace(/\s+/g, ''));
  const candidates = findNodes(
    sourceFile,
    (node, sf) =>
      ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && envObject(node.expression, sf)) ||
      (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && moduleBindings.has(node.expression.getText(sf))) ||
      (ts.isVariableDeclaration(node) && envObject(node.initializer, sf)),
  );
  const read = (node: Node): void => {
    if (Node.isPropertyAccessExpression(node) && moduleBindings.size > 0 && moduleBindings.has(node.getExpression().getText())) {
      scan.reads.push({ name: node.getName(), file, line: node.getStartLineNumber(), form: 'env module', ...describeUse(node) });
    } else if (Node.isPropertyAccessExpression(node)) {
      const target = node.getExpression();
      if (isProcessEnv(target) || isImportMetaEnv(target)) {
        // `process.env.X` as an assignment target is a write, not a read.
        const parent = node.getParent();
        if (
          parent &&
          Node.isBinaryExpression(parent) &&
          parent.getLeft() === node &&
          parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken
        )
          return;
        scan.reads.push({
          name: node.getName(),
          file,
          line: node.getStartLineNumber(),
          form: isProcessEnv(target) ? 'process.env.X' : 'import.meta.env',
          ...describeUse(node),
        });
      }
    } else if (Node.isElementAccessExpression(node) && (isProcessEnv(node.getExpression()) || isImportMetaEnv(node.getExpression()))) {
      const arg = node.getArgumentExpression();
      const name = arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg)) ? arg.getLiteralValue() : null;
      if (name === null) scan.unresolved.push({ file, line: node.getStartLineNumber(), text: node.getText() });
      else scan.reads.push({ name, file, line: node.getStartLineNumber(), form: "process.env['X']", ...describeUse(node) });
    } else if (Node.isVariableDeclaration(node) && isProcessEnv(node.getInitializer())) {
      const binding = node.getNameNode();
      if (!Node.isObjectBindingPattern(binding)) return;
      for (const element of binding.getElements()) {
        if (element.getDotDotDotToken()) {
          scan.unresolved.push({ file, line: element.getStartLineNumber(), text: `${element.getText()} = process.env` });
          continue;
        }
        const name = (element.getPropertyNameNode() ?? element.getNameNode()).getText().replace(/^['"]|['"]$/g, '');
        const init = element.getInitializer() as Expression | undefined;
        scan.reads.push({
          name,
          file,
          line: element.getStartLineNumber(),
          form: 'destructuring',
          fallback: literalText(init),
          ...(init && Node.isNumericLiteral(init) ? { type: 'number' as const } : {}),
        });
      }
    }
  };
  for (const node of candidates) read(node);
  return scan;
}

/** The keys of `env: { … }` in a next.config.* (values Next inlines at build time). */
export function findNextConfigEnvKeys(sourceFile: SourceFile, file: string): EnvRead[] {
  const out: EnvRead[] = [];
  sourceFile.forEachDescendant((node) => {
    if (Node.isPropertyAssignment(node) && node.getName() === 'env') {
      const init = node.getInitializer();
      if (init && Node.isObjectLiteralExpression(init)) {
        for (const p of init.getProperties()) {
          if (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p)) {
            out.push({ name: p.getName().replace(/^['"]|['"]$/g, ''), file, line: p.getStartLineNumber(), form: 'next.config env' });
          }
        }
      }
    }
  });
  return out;
}

/** Local names this file binds to the `env` export of the env module (`import { env } from '../env'`). */
function envModuleBindings(sourceFile: SourceFile, file: string, envModule: string): Set<string> {
  const names = new Set<string>();
  for (const decl of sourceFile.getImportDeclarations()) {
    const spec = decl.getModuleSpecifierValue();
    if (!spec.startsWith('.')) continue;
    if (relativeImportTarget(file, spec) !== envModule) continue;
    for (const n of decl.getNamedImports()) if (n.getName() === 'env') names.add((n.getAliasNode() ?? n.getNameNode()).getText());
  }
  return names;
}
