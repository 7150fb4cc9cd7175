import { JsxAttribute, JsxOpeningElement, JsxSelfClosingElement, Node, SourceFile, SyntaxKind, ts } from 'ts-morph';
import { posix } from 'node:path';
import { imageSize } from 'image-size';
import { isTestFile } from '../../utils/project-files';

export type ImgElement = JsxOpeningElement | JsxSelfClosingElement;

/** Why a raw `<img>` cannot be converted safely; each is reported with file:line. */
export const SKIP_REASONS = {
  'test-file': 'test file or mock: never shipped',
  'og-image': 'Open Graph / Twitter image route (rendered to a picture by ImageResponse; next/image does not apply)',
  email: 'email template (mail clients need a plain <img>)',
  picture: 'inside <picture> (art direction by hand; next/image would break it)',
  spread: 'spread props: which attributes reach the element is unknown',
  srcset: 'srcSet/sizes written by hand',
  'no-src': 'no src attribute',
  'data-uri': 'data: URI (nothing to optimise)',
  svg: 'SVG (next/image does not optimise SVG by default)',
  'no-dimensions': 'no known dimensions (sized only by CSS): next/image needs width and height, or fill',
  'dynamic-dimensions': 'width/height are not literal numbers',
  'missing-file': 'the file is not in public/ and the element has no width and height',
  'unreadable-image': 'the file in public/ is not an image whose size can be read',
  'remote-host': 'remote host not allowed in images.remotePatterns and next.config.* cannot be edited (or --remote-patterns=false)',
} as const;

export type SkipReason = keyof typeof SKIP_REASONS;

export type ImgPlan =
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'static-import'; publicPath: string }
  | { kind: 'dimensions'; publicPath: string; width: number; height: number }
  | { kind: 'remote'; host: string; protocol: 'http' | 'https' }
  | { kind: 'sized' };

export interface AnalyzeContext {
  /** Workspace-relative path of the file. */
  file: string;
  strategy: 'static-import' | 'dimensions';
  /** Does `<projectRoot>/public/<path>` exist? */
  publicFileExists(publicPath: string): boolean;
  /** The bytes of `<projectRoot>/public/<path>` (the dimensions strategy reads the size from them). */
  readPublicFile?(publicPath: string): Uint8Array | null;
  /** May a remote image of this host be converted (allowed already, or addable to next.config.*)? Default: yes. */
  remoteHostAllowed?(hostname: string): boolean;
}

const EMAIL_IMPORT = /^(@react-email\/|react-email$|mjml-react$|@jsx-email\/)/;

/** A reason the whole file is left as it is, or null. Decided by the file's path and imports only. */
export function fileSkipReason(sourceFile: SourceFile, file: string): SkipReason | null {
  if (isTestFile(file)) return 'test-file';
  const base = posix.basename(file);
  if (/^(opengraph|twitter)-image\./.test(base)) return 'og-image';
  const imports = sourceFile.getImportDeclarations().map((d) => d.getModuleSpecifierValue());
  const mentionsImageResponse = sourceFile.getFullText().includes('ImageResponse');
  if (
    imports.includes('next/og') ||
    (mentionsImageResponse && sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === 'ImageResponse'))
  ) {
    return 'og-image';
  }
  if (/(^|\/)(emails?|mail)\//.test(file) || imports.some((m) => EMAIL_IMPORT.test(m))) return 'email';
  return null;
}

/**
 * Every `<img …>` of the file, in source order. The search walks the compiler's tree and wraps only
 * what it finds in ts-morph nodes: wrapping every node of the file (forEachDescendant) and
 * forgetting them again after the rewrite cost more than the conversion itself.
 */
export function findImgElements(sourceFile: SourceFile): ImgElement[] {
  const sf = sourceFile.compilerNode;
  const tags: number[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
      ts.isIdentifier(node.tagName) &&
      node.tagName.text === 'img'
    ) {
      tags.push(node.tagName.getStart(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return tags.map((pos) => sourceFile.getDescendantAtPos(pos)!.getParentOrThrow() as ImgElement);
}

export function getAttr(element: ImgElement, name: string): JsxAttribute | undefined {
  const lower = name.toLowerCase();
  return element
    .getAttributes()
    .find((a): a is JsxAttribute => Node.isJsxAttribute(a) && a.getNameNode().getText().toLowerCase() === lower);
}

/** The literal string value of an attribute (`a="x"` or `a={'x'}` or a template without substitutions). */
export function literalString(attr: JsxAttribute | undefined): string | null {
  const init = attr?.getInitializer();
  if (!init) return null;
  if (Node.isStringLiteral(init)) return init.getLiteralValue();
  if (Node.isJsxExpression(init)) {
    const e = init.getExpression();
    if (e && (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e))) return e.getLiteralValue();
  }
  return null;
}

/** A literal dimension: `width={600}`, `width="600"`; null when absent; 'dynamic' when an expression. */
export function literalDimension(attr: JsxAttribute | undefined): number | 'dynamic' | null {
  if (!attr) return null;
  const init = attr.getInitializer();
  if (!init) return 'dynamic';
  if (Node.isStringLiteral(init)) return /^\d+$/.test(init.getLiteralValue()) ? Number(init.getLiteralValue()) : 'dynamic';
  if (Node.isJsxExpression(init)) {
    const e = init.getExpression();
    if (e && Node.isNumericLiteral(e)) return e.getLiteralValue();
    if (e && Node.isStringLiteral(e) && /^\d+$/.test(e.getLiteralValue())) return Number(e.getLiteralValue());
  }
  return 'dynamic';
}

function insidePicture(element: ImgElement): boolean {
  return element.getAncestors().some((a) => Node.isJsxElement(a) && a.getOpeningElement().getTagNameNode().getText() === 'picture');
}

/** Decides, without changing anything, what the codemod does with one raw `<img>`. */
export function planImg(element: ImgElement, context: AnalyzeContext): ImgPlan {
  if (insidePicture(element)) return { kind: 'skip', reason: 'picture' };
  if (element.getAttributes().some((a) => Node.isJsxSpreadAttribute(a))) return { kind: 'skip', reason: 'spread' };
  if (getAttr(element, 'srcSet') || getAttr(element, 'sizes')) return { kind: 'skip', reason: 'srcset' };
  const srcAttr = getAttr(element, 'src');
  if (!srcAttr) return { kind: 'skip', reason: 'no-src' };
  const width = literalDimension(getAttr(element, 'width'));
  const height = literalDimension(getAttr(element, 'height'));
  if (width === 'dynamic' || height === 'dynamic') return { kind: 'skip', reason: 'dynamic-dimensions' };
  const sized = width !== null && height !== null;
  const src = literalString(srcAttr);
  if (src === null) return sized ? { kind: 'sized' } : { kind: 'skip', reason: 'no-dimensions' };
  if (/^data:/i.test(src)) return { kind: 'skip', reason: 'data-uri' };
  if (/\.svg(\?|#|$)/i.test(src)) return { kind: 'skip', reason: 'svg' };
  const remote = /^(https?):\/\/([^/:?#]+)/i.exec(src);
  if (remote) {
    if (!sized) return { kind: 'skip', reason: 'no-dimensions' };
    if (context.remoteHostAllowed && !context.remoteHostAllowed(remote[2].toLowerCase())) return { kind: 'skip', reason: 'remote-host' };
    return { kind: 'remote', protocol: remote[1].toLowerCase() as 'http' | 'https', host: remote[2].toLowerCase() };
  }
  if (src.startsWith('/') && !src.startsWith('//')) {
    const publicPath = src.split(/[?#]/)[0].replace(/^\/+/, '');
    if (context.publicFileExists(publicPath)) {
      if (context.strategy === 'static-import') return { kind: 'static-import', publicPath };
      if (sized) return { kind: 'sized' };
      const size = readSize(context.readPublicFile?.(publicPath) ?? null);
      return size ? { kind: 'dimensions', publicPath, ...size } : { kind: 'skip', reason: 'unreadable-image' };
    }
    return sized ? { kind: 'sized' } : { kind: 'skip', reason: 'missing-file' };
  }
  return sized ? { kind: 'sized' } : { kind: 'skip', reason: 'no-dimensions' };
}

export function lineOf(node: Node): number {
  return node.getStartLineNumber();
}

function readSize(bytes: Uint8Array | null): { width: number; height: number } | null {
  if (!bytes) return null;
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}
