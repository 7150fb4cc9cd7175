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
  /**
   * Only its presence is tested (`Boolean(process.env.X)`, `if (process.env.X)`, `!process.env.X`,
   * `process.env.X ? a : b`, `process.env.X && …`): the code has a path for when it is unset.
   */
  presence?: true;
  /** Tested for absence only to stop (`if (!process.env.X) throw …`): the app needs it. */
  requiredByThrow?: true;
  /**
   * Read only under a guard that may be off (`if (clickhouseEnabled) new URL(process.env.CLICKHOUSE_URL)`,
   * `process.env.A && process.env.B`, `enabled ? process.env.X : …`): an optional backend's setting.
   */
  guarded?: true;
  /** Compared to 'true', '1', 'false' or '0': a switch, off while unset. */
  flag?: true;
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

type UseFacts = Pick<EnvRead, 'fallback' | 'type' | 'values' | 'presence' | 'alternative' | 'requiredByThrow' | 'guarded' | 'flag'>;

/** A statement that only stops: `throw …`, or a block whose first statement is one. */
function onlyThrows(statement: Node | undefined): boolean {
  if (!statement) return false;
  if (Node.isThrowStatement(statement)) return true;
  return Node.isBlock(statement) && Node.isThrowStatement(statement.getStatements()[0]);
}

/**
 * How a read is tested for truthiness, if it is: `presence` where the code has a way on without
 * it, `requiredByThrow` where its absence only throws.
 */
function truthinessTest(read: Node): Pick<UseFacts, 'presence' | 'requiredByThrow'> {
  let cur = read;
  let negated = false;
  // `!x`, `!!x`: climb through the negations (and parentheses) to where the value is tested.
  for (;;) {
    const parent = cur.getParent();
    if (parent && Node.isPrefixUnaryExpression(parent) && parent.getOperatorToken() === SyntaxKind.ExclamationToken) {
      negated = !negated;
      cur = outer(parent);
      continue;
    }
    break;
  }
  const parent = cur.getParent();
  if (cur !== read) {
    // A negation is a test wherever it stands; stopping on absence is a requirement.
    if (parent && Node.isIfStatement(parent) && parent.getExpression() === cur && negated && onlyThrows(parent.getThenStatement()))
      return { requiredByThrow: true };
    return { presence: true };
  }
  if (!parent) return {};
  if (Node.isIfStatement(parent) && parent.getExpression() === cur) return { presence: true };
  if (Node.isConditionalExpression(parent) && parent.getCondition() === cur) return { presence: true };
  if (
    Node.isBinaryExpression(parent) &&
    parent.getLeft() === cur &&
    parent.getOperatorToken().getKind() === SyntaxKind.AmpersandAmpersandToken
  )
    return { presence: true };
  return {};
}

/** Names that say a condition is a switch for an optional part (`clickhouseEnabled`, `isBetaOn`, `useCache`, `FEATURE_X`). */
const SWITCH_NAME = /(enabled?|disabled?|flag|feature|^is[A-Z_]|^use[A-Z_]|^has[A-Z_]|_ON$|^ENABLE_|^DISABLE_)/i;

/** A read that runs only when a switch or another setting says so: inside an if's then, a ternary's true branch, or after `&&`. */
function isGuarded(read: Node): boolean {
  const guardOk = (condition: Node): boolean =>
    // Another setting decides (NODE_ENV is "production" wherever the app is deployed: no guard).
    /(process|import\.meta)\.env\.(?!NODE_ENV\b)[A-Za-z_]/.test(condition.getText().replace(/\s+/g, '')) ||
    condition.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => SWITCH_NAME.test(id.getText())) ||
    (Node.isIdentifier(condition) && SWITCH_NAME.test(condition.getText()));
  let child: Node = read;
  for (let node = read.getParent(); node; child = node, node = node.getParent()) {
    if (Node.isFunctionLikeDeclaration(node) || Node.isSourceFile(node)) return false;
    if (Node.isIfStatement(node) && node.getThenStatement() === child && guardOk(node.getExpression())) return true;
    if (Node.isConditionalExpression(node) && node.getWhenTrue() === child && guardOk(node.getCondition())) return true;
    if (
      Node.isBinaryExpression(node) &&
      node.getRight() === child &&
      node.getOperatorToken().getKind() === SyntaxKind.AmpersandAmpersandToken &&
      guardOk(node.getLeft())
    )
      return true;
  }
  return false;
}

/** What the expression around a read says: fallback, type, compared literals, and how it is tested. */
function describeUse(node: Node): UseFacts {
  const out: UseFacts = { ...truthinessTest(outer(node)) };
  if (!out.presence && !out.requiredByThrow && isGuarded(node)) out.guarded = true;
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
      if (value === 'true' || value === 'false' || value === '1' || value === '0') {
        out.type = 'boolean';
        out.flag = true;
      } else if (value !== undefined) {
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
  const identifiers = lazyIdentifiers(sourceFile);
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
        // What the code does with the binding tells as much as a direct read: `COMPANY || SITE || ''`.
        const uses = bindingUses(sourceFile, element.getNameNode(), identifiers).map(describeUse);
        const use = mergeUses(uses);
        scan.reads.push({
          name,
          file,
          line: element.getStartLineNumber(),
          form: 'destructuring',
          ...use,
          fallback: literalText(init) ?? use.fallback,
          ...(init && Node.isNumericLiteral(init) ? { type: 'number' as const } : {}),
        });
      }
    }
  };
  for (const node of candidates) read(node);
  return scan;
}

/** The file's identifiers by text, collected once, when a destructured read needs them. */
function lazyIdentifiers(sourceFile: SourceFile): () => Map<string, Node[]> {
  let byText: Map<string, Node[]> | null = null;
  return () => {
    if (!byText) {
      byText = new Map();
      for (const id of sourceFile.getDescendantsOfKind(SyntaxKind.Identifier)) {
        const list = byText.get(id.getText());
        if (list) list.push(id);
        else byText.set(id.getText(), [id]);
      }
    }
    return byText;
  };
}

/**
 * The places a destructured binding is read: identifiers with its name, other than its own
 * declaration, property names (`x.NAME`) and object keys. By name within the file, as a reader
 * would take it (a shadowing binding of the same name is rare in env code).
 */
function bindingUses(sourceFile: SourceFile, binding: Node, identifiers: () => Map<string, Node[]>): Node[] {
  if (!Node.isIdentifier(binding)) return [];
  return (identifiers().get(binding.getText()) ?? []).filter((id) => {
    if (id === binding) return false;
    const parent = id.getParent();
    if (!parent) return false;
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
    if ((Node.isPropertyAssignment(parent) || Node.isBindingElement(parent)) && parent.getNameNode?.() === id) return false;
    return !(Node.isBindingElement(parent) && parent.getPropertyNameNode() === id);
  });
}

/** One account of several uses: the first literal fallback, and each test or guard any use shows. */
function mergeUses(uses: UseFacts[]): UseFacts {
  const out: UseFacts = {};
  for (const u of uses) {
    if (out.fallback === undefined && u.fallback !== undefined) out.fallback = u.fallback;
    if (!out.type && u.type) out.type = u.type;
    if (u.values) out.values = [...new Set([...(out.values ?? []), ...u.values])];
    for (const key of ['presence', 'alternative', 'requiredByThrow', 'flag'] as const) if (u[key]) out[key] = true;
  }
  // Guarded only where every use is.
  if (uses.length > 0 && uses.every((u) => u.guarded)) out.guarded = true;
  return out;
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
