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
  'missing-file': 'the file is not in public/: the image is broken either way; add the file (or fix the path), then convert',
  'unreadable-image': 'the file in public/ is not an image whose size can be read',
  'remote-host': 'remote host not allowed in images.remotePatterns and next.config.* cannot be edited (or --remote-patterns=false)',
  noscript:
    'inside <noscript>: only browsers without JavaScript load it (a tracking pixel, most often); next/image would fetch it on the server',
  'tracking-pixel': 'a 1×1 image (a tracking pixel): the request itself is the point, next/image would make it from the server',
  'server-markup':
    'markup rendered to a string or a picture on the server (renderToStaticMarkup, renderToString, satori): /_next/image URLs do not resolve there',
  'route-handler': 'in a route handler or API route: it renders no page, next/image does not apply',
  'unknown-host':
    'src is computed at run time, so its host is unknown: next/image serves only hosts allowed in images.remotePatterns (set it, then convert by hand)',
  'unsupported-format':
    "a format Next's image loader does not handle (only jpg, png, gif, webp, avif, ico, bmp): a static import would break the build",
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
/** Modules that render React to a string or a picture on the server: no browser ever loads that markup as a page. */
const SERVER_MARKUP_IMPORT = /^(react-dom\/server(\.[a-z]+)?|satori|@vercel\/og)$/;
/** Calls that turn JSX into markup on the server, by the name they are called with. */
const SERVER_MARKUP_CALL =
  /^(renderToStaticMarkup|renderToString|renderToPipeableStream|renderToReadableStream|renderToNodeStream|renderToStaticNodeStream|satori)$/;
/** Formats Next's image loader (and a static import of them) handles; SVG is handled apart. */
const LOADER_FORMATS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'ico', 'bmp']);
/** Image formats by extension: those outside LOADER_FORMATS (tiff, heic, jxl, …) are left alone. */
const IMAGE_EXTENSIONS = new Set([
  ...LOADER_FORMATS,
  'tif',
  'tiff',
  'heic',
  'heif',
  'jxl',
  'jp2',
  'jpx',
  'psd',
  'raw',
  'dng',
  'cr2',
  'nef',
  'tga',
  'exr',
]);
/** Services whose images are status badges, served as SVG without an .svg extension. */
const BADGE_HOST =
  /^(img\.shields\.io|shields\.io|badgen\.net|flat\.badgen\.net|badge\.fury\.io|forthebadge\.com|badges\.gitter\.im|vercelbadge\.vercel\.app|api\.netlify\.com)$/;

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
  if (imports.some((m) => SERVER_MARKUP_IMPORT.test(m))) return 'server-markup';
  // App-router route handlers and pages-router API routes answer requests; they render no page.
  if (/^route\.[cm]?[jt]sx?$/.test(base) || /(^|\/)pages\/api\//.test(file)) return 'route-handler';
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

/** The name of the nearest enclosing JSX element with one of these tags, or null. */
function enclosingTag(element: ImgElement, tags: ReadonlySet<string>): string | null {
  for (const a of element.getAncestors()) {
    if (Node.isJsxElement(a)) {
      const tag = a.getOpeningElement().getTagNameNode().getText();
      if (tags.has(tag)) return tag;
    }
  }
  return null;
}

/** Is the element part of JSX handed to a call that renders it to markup on the server? */
function insideServerRender(element: ImgElement): boolean {
  return element.getAncestors().some((a) => {
    if (!Node.isCallExpression(a)) return false;
    const callee = a.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    return SERVER_MARKUP_CALL.test(name);
  });
}

/** The file extension of a URL or path, lower case, without query or hash; null when it has none. */
function extensionOf(src: string): string | null {
  const path = src.split(/[?#]/)[0];
  const m = /\.([a-z0-9]+)$/i.exec(posix.basename(path));
  return m ? m[1].toLowerCase() : null;
}

/** SVG by its extension, by a format parameter, or from a badge service (they serve SVG with no extension). */
function isSvg(src: string, host: string | null): boolean {
  if (extensionOf(src) === 'svg' || /[?&](format|type)=svg\b/i.test(src)) return true;
  if (host === null) return false;
  const path = src.replace(/^https?:\/\/[^/]+/i, '');
  return BADGE_HOST.test(host) || /\/badges?(\/|\.|\?|$)/i.test(path);
}

/**
 * What a `src` expression is known to be: the text of a literal, a template literal whose start
 * says where it points (a path of the app, or a URL with its host), or an image imported by name.
 */
function srcValue(
  attr: JsxAttribute,
): { kind: 'literal'; text: string } | { kind: 'imported'; module: string } | { kind: 'prefix'; text: string } | null {
  const literal = literalString(attr);
  if (literal !== null) return { kind: 'literal', text: literal };
  const init = attr.getInitializer();
  const e = init && Node.isJsxExpression(init) ? init.getExpression() : undefined;
  if (!e) return null;
  if (Node.isTemplateExpression(e)) {
    // Only the head says where it points; the last literal part says the format.
    const spans = e.getTemplateSpans();
    const tail = spans[spans.length - 1]?.getLiteral().getLiteralText() ?? '';
    return { kind: 'prefix', text: `${e.getHead().getLiteralText()}\u0000${tail}` };
  }
  if (Node.isIdentifier(e)) {
    const imported = e
      .getSourceFile()
      .getImportDeclarations()
      .find((d) => d.getDefaultImport()?.getText() === e.getText());
    if (imported) return { kind: 'imported', module: imported.getModuleSpecifierValue() };
  }
  return null;
}

/** Decides, without changing anything, what the codemod does with one raw `<img>`. */
export function planImg(element: ImgElement, context: AnalyzeContext): ImgPlan {
  const skip = (reason: SkipReason): ImgPlan => ({ kind: 'skip', reason });
  const ancestor = enclosingTag(element, new Set(['picture', 'noscript']));
  if (ancestor === 'picture') return skip('picture');
  if (ancestor === 'noscript') return skip('noscript');
  if (insideServerRender(element)) return skip('server-markup');
  if (element.getAttributes().some((a) => Node.isJsxSpreadAttribute(a))) return skip('spread');
  if (getAttr(element, 'srcSet') || getAttr(element, 'sizes')) return skip('srcset');
  const srcAttr = getAttr(element, 'src');
  if (!srcAttr) return skip('no-src');
  const width = literalDimension(getAttr(element, 'width'));
  const height = literalDimension(getAttr(element, 'height'));
  if (width === 'dynamic' || height === 'dynamic') return skip('dynamic-dimensions');
  const sized = width !== null && height !== null;
  const value = srcValue(srcAttr);
  if (value?.kind === 'literal' && /^data:/i.test(value.text)) return skip('data-uri');
  if (sized && width <= 1 && height <= 1) return skip('tracking-pixel');
  if (value === null) return sized ? skip('unknown-host') : skip('no-dimensions');
  if (value.kind === 'imported') {
    // A static import already: next/image reads its size from the import.
    const ext = extensionOf(value.module);
    if (ext === 'svg') return skip('svg');
    return ext !== null && LOADER_FORMATS.has(ext) ? { kind: 'sized' } : skip('unknown-host');
  }
  const src = value.kind === 'prefix' ? value.text.replace('\u0000', '…') : value.text;
  const remote = /^(https?):\/\/([^/:?#]+)/i.exec(src);
  const host = remote ? remote[2].toLowerCase() : null;
  if (isSvg(src, host)) return skip('svg');
  const ext = extensionOf(src);
  if (ext !== null && IMAGE_EXTENSIONS.has(ext) && !LOADER_FORMATS.has(ext)) return skip('unsupported-format');
  if (remote) {
    if (!sized) return skip('no-dimensions');
    if (context.remoteHostAllowed && !context.remoteHostAllowed(host!)) return skip('remote-host');
    return { kind: 'remote', protocol: remote[1].toLowerCase() as 'http' | 'https', host: host! };
  }
  if (src.startsWith('/') && !src.startsWith('//')) {
    // A path of the app itself: next/image serves it without remotePatterns.
    if (value.kind === 'prefix') return sized ? { kind: 'sized' } : skip('no-dimensions');
    const publicPath = src.split(/[?#]/)[0].replace(/^\/+/, '');
    if (!context.publicFileExists(publicPath)) return skip('missing-file');
    if (context.strategy === 'static-import') return { kind: 'static-import', publicPath };
    if (sized) return { kind: 'sized' };
    const size = readSize(context.readPublicFile?.(publicPath) ?? null);
    return size ? { kind: 'dimensions', publicPath, ...size } : skip('unreadable-image');
  }
  if (value.kind === 'prefix') return sized ? skip('unknown-host') : skip('no-dimensions');
  return sized ? { kind: 'sized' } : skip('no-dimensions');
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
