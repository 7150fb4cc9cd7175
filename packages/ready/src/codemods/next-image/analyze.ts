import type * as t from '@babel/types';
import { posix } from 'node:path';
import { imageSize } from 'image-size';
import { isTestFile } from '../../utils/project-files';
import { BabelNode, ParsedFile, defaultImportModule, importSpecifiers, jsxTagName, namesIn, textOf, walk } from '../babel';

/** A raw `<img …>` (its opening tag) with the nodes that enclose it, nearest last. */
export interface ImgElement {
  opening: t.JSXOpeningElement;
  /** The element `<img>…</img>` whose opening tag it is. */
  element: t.JSXElement;
  ancestors: readonly BabelNode[];
}

export { NOT_APPLICABLE_SKIPS, SKIP_REASONS, SkipReason } from './skip-reasons';
import { SkipReason } from './skip-reasons';

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
export function fileSkipReason(parsed: ParsedFile, file: string): SkipReason | null {
  if (isTestFile(file)) return 'test-file';
  const base = posix.basename(file);
  if (/^(opengraph|twitter)-image\./.test(base)) return 'og-image';
  const imports = importSpecifiers(parsed);
  if (imports.includes('next/og') || (parsed.text.includes('ImageResponse') && namesIn(parsed).has('ImageResponse'))) return 'og-image';
  if (/(^|\/)(emails?|mail)\//.test(file) || imports.some((m) => EMAIL_IMPORT.test(m))) return 'email';
  if (imports.some((m) => SERVER_MARKUP_IMPORT.test(m))) return 'server-markup';
  // App-router route handlers and pages-router API routes answer requests; they render no page.
  if (/^route\.[cm]?[jt]sx?$/.test(base) || /(^|\/)pages\/api\//.test(file)) return 'route-handler';
  return null;
}

/** Every `<img …>` of the file, in source order, with what encloses it. */
export function findImgElements(parsed: ParsedFile): ImgElement[] {
  const found: ImgElement[] = [];
  walk(parsed.ast.program, (node, ancestors) => {
    if (node.type === 'JSXOpeningElement' && node.name.type === 'JSXIdentifier' && node.name.name === 'img') {
      found.push({ opening: node, element: ancestors[ancestors.length - 1] as t.JSXElement, ancestors: [...ancestors] });
    }
  });
  return found;
}

export function getAttr(element: ImgElement, name: string): t.JSXAttribute | undefined {
  const lower = name.toLowerCase();
  return element.opening.attributes.find(
    (a): a is t.JSXAttribute => a.type === 'JSXAttribute' && a.name.type === 'JSXIdentifier' && a.name.name.toLowerCase() === lower,
  );
}

/** The expression of `a={…}`, or null. */
function attrExpression(attr: t.JSXAttribute): t.Expression | null {
  const v = attr.value;
  return v?.type === 'JSXExpressionContainer' && v.expression.type !== 'JSXEmptyExpression' ? (v.expression as t.Expression) : null;
}

/** The text of a template literal part, as written (escapes decoded when they can be). */
const quasiText = (q: t.TemplateElement | undefined): string => (q ? (q.value.cooked ?? q.value.raw) : '');

/** The literal string value of an attribute (`a="x"` or `a={'x'}` or a template without substitutions). */
export function literalString(attr: t.JSXAttribute | undefined): string | null {
  if (!attr?.value) return null;
  if (attr.value.type === 'StringLiteral') return attr.value.value;
  const e = attrExpression(attr);
  if (e?.type === 'StringLiteral') return e.value;
  if (e?.type === 'TemplateLiteral' && e.expressions.length === 0) return quasiText(e.quasis[0]);
  return null;
}

/** A literal dimension: `width={600}`, `width="600"`; null when absent; 'dynamic' when an expression. */
export function literalDimension(attr: t.JSXAttribute | undefined): number | 'dynamic' | null {
  if (!attr) return null;
  if (!attr.value) return 'dynamic';
  if (attr.value.type === 'StringLiteral') return /^\d+$/.test(attr.value.value) ? Number(attr.value.value) : 'dynamic';
  const e = attrExpression(attr);
  if (e?.type === 'NumericLiteral') return e.value;
  if (e?.type === 'StringLiteral' && /^\d+$/.test(e.value)) return Number(e.value);
  return 'dynamic';
}

/** The literal string value of `a="x"` or `a={'x'}`, or null. */
export function attrText(attr: t.JSXAttribute): string | null {
  if (attr.value?.type === 'StringLiteral') return attr.value.value;
  const e = attrExpression(attr);
  return e?.type === 'StringLiteral' ? e.value : null;
}

/** The name of the nearest enclosing JSX element with one of these tags, or null. */
function enclosingTag(parsed: ParsedFile, element: ImgElement, tags: ReadonlySet<string>): string | null {
  for (let i = element.ancestors.length - 1; i >= 0; i--) {
    const a = element.ancestors[i];
    if (a.type === 'JSXElement' && a !== element.element) {
      const tag = jsxTagName(parsed, a.openingElement);
      if (tags.has(tag)) return tag;
    }
  }
  return null;
}

/** Is the element part of JSX handed to a call that renders it to markup on the server? */
function insideServerRender(parsed: ParsedFile, element: ImgElement): boolean {
  return element.ancestors.some((a) => {
    if (a.type !== 'CallExpression' && a.type !== 'OptionalCallExpression') return false;
    const callee = a.callee;
    const name =
      (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed
        ? textOf(parsed, callee.property)
        : textOf(parsed, callee);
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
  parsed: ParsedFile,
  attr: t.JSXAttribute,
): { kind: 'literal'; text: string } | { kind: 'imported'; module: string } | { kind: 'prefix'; text: string } | null {
  const literal = literalString(attr);
  if (literal !== null) return { kind: 'literal', text: literal };
  const e = attrExpression(attr);
  if (!e) return null;
  if (e.type === 'TemplateLiteral') {
    // Only the head says where it points; the last literal part says the format.
    return { kind: 'prefix', text: `${quasiText(e.quasis[0])}\u0000${quasiText(e.quasis[e.quasis.length - 1])}` };
  }
  if (e.type === 'Identifier') {
    const module = defaultImportModule(parsed, e.name);
    if (module !== null) return { kind: 'imported', module };
  }
  return null;
}

/** Decides, without changing anything, what the codemod does with one raw `<img>`. */
export function planImg(parsed: ParsedFile, element: ImgElement, context: AnalyzeContext): ImgPlan {
  const skip = (reason: SkipReason): ImgPlan => ({ kind: 'skip', reason });
  const ancestor = enclosingTag(parsed, element, new Set(['picture', 'noscript']));
  if (ancestor === 'picture') return skip('picture');
  if (ancestor === 'noscript') return skip('noscript');
  if (insideServerRender(parsed, element)) return skip('server-markup');
  if (element.opening.attributes.some((a) => a.type === 'JSXSpreadAttribute')) return skip('spread');
  if (getAttr(element, 'srcSet') || getAttr(element, 'sizes')) return skip('srcset');
  const srcAttr = getAttr(element, 'src');
  if (!srcAttr) return skip('no-src');
  const width = literalDimension(getAttr(element, 'width'));
  const height = literalDimension(getAttr(element, 'height'));
  if (width === 'dynamic' || height === 'dynamic') return skip('dynamic-dimensions');
  const sized = width !== null && height !== null;
  const value = srcValue(parsed, srcAttr);
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

/** The line an element starts on (1-based). */
export const lineOf = (element: ImgElement): number => element.opening.loc!.start.line;

function readSize(bytes: Uint8Array | null): { width: number; height: number } | null {
  if (!bytes) return null;
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}
