import type * as t from '@babel/types';
import { posix } from 'node:path';
import { ParsedFile, existingDefaultImportIn, importStatementIn, importsInsertionAt, namesIn, parseWithBabel } from '../babel';
import { Codemod, CodemodReport, CodemodResult, emptyResult } from '../codemod';
import { freeName } from '../names';
import { TextEdits } from '../text-edits';
import {
  AnalyzeContext,
  ImgElement,
  ImgPlan,
  SKIP_REASONS,
  SkipReason,
  attrText,
  fileSkipReason,
  findImgElements,
  getAttr,
  lineOf,
  planImg,
} from './analyze';

export interface NextImageContext extends AnalyzeContext {
  /** Workspace-relative project root: the app's public/ folder is `<projectRoot>/public`. */
  projectRoot: string;
}

export interface NextImageResult extends CodemodResult {
  /** Hosts of converted remote images: next.config.* must allow them in images.remotePatterns. */
  remoteHosts: Array<{ protocol: 'http' | 'https'; hostname: string }>;
}

export interface ImgFinding {
  line: number;
  plan: ImgPlan;
}

/**
 * What the codemod would do with each raw `<img>` of a file, without changing it: the `images`
 * check uses exactly this, so that the check and the codemod always agree.
 */
export function analyzeNextImage(parsed: ParsedFile, context: AnalyzeContext): ImgFinding[] {
  const elements = findImgElements(parsed);
  const fileReason = fileSkipReason(parsed, context.file);
  return elements.map((element) => ({
    line: lineOf(element),
    plan: fileReason ? { kind: 'skip', reason: fileReason } : planImg(parsed, element, context),
  }));
}

/** Converts the raw `<img>` elements of one file to next/image where that is safe; reports the rest. */
function convertImgElements(parsed: ParsedFile, context: NextImageContext): NextImageResult {
  const result: NextImageResult = { ...emptyResult(), remoteHosts: [] };
  const elements = findImgElements(parsed);
  if (elements.length === 0) return result;
  const fileReason = fileSkipReason(parsed, context.file);
  const work: Array<{ element: ImgElement; line: number; plan: Exclude<ImgPlan, { kind: 'skip' }> }> = [];
  for (const element of elements) {
    const line = lineOf(element);
    const plan: ImgPlan = fileReason ? { kind: 'skip', reason: fileReason } : planImg(parsed, element, context);
    if (plan.kind === 'skip') {
      result.skips.push({ file: context.file, line, reason: plan.reason, message: SKIP_REASONS[plan.reason as SkipReason] });
    } else {
      work.push({ element, line, plan });
    }
  }
  if (work.length === 0) return result;

  const taken = namesIn(parsed);
  const imageName = existingDefaultImportIn(parsed, 'next/image') ?? freeName(taken.has('Image') ? 'NextImage' : 'Image', taken);
  taken.add(imageName);
  const staticImports = new Map<string, string>(); // module specifier -> local name
  const specifierFor = (publicPath: string) => {
    const target = posix.join(context.projectRoot, 'public', publicPath);
    const rel = posix.relative(posix.dirname(context.file), target);
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  for (const w of work) {
    if (w.plan.kind !== 'static-import') continue;
    const specifier = specifierFor(w.plan.publicPath);
    if (staticImports.has(specifier)) continue;
    const existing = existingDefaultImportIn(parsed, specifier);
    const name = existing ?? freeName(importNameFor(w.plan.publicPath), taken);
    taken.add(name);
    staticImports.set(specifier, name);
  }

  // Every edit is at a position of the text as parsed; the file is rewritten once at the end.
  const edits = new TextEdits();
  for (const w of work) {
    const { element, plan } = w;
    const removed: string[] = [];
    let priority = false;
    const attributes = element.opening.attributes;
    const dropped = new Set<t.JSXAttribute | t.JSXSpreadAttribute>();
    for (const name of ['loading', 'decoding', 'fetchPriority']) {
      const attr = getAttr(element, name);
      if (!attr) continue;
      const value = attrText(attr);
      if ((name === 'loading' && value === 'eager') || (name === 'fetchPriority' && value === 'high')) priority = true;
      removed.push(name);
      dropped.add(attr);
      // With the space before it: from the end of what precedes it.
      edits.remove(fullStart(element, attr), attr.end!);
    }
    if (plan.kind === 'static-import') {
      const init = getAttr(element, 'src')!.value!;
      edits.replace(init.start!, init.end!, `{${staticImports.get(specifierFor(plan.publicPath))}}`);
    }
    // New attributes go after the last one that stays, as ts-morph's addAttribute puts them.
    const kept = attributes.filter((a) => !dropped.has(a));
    const insertAt = kept.length > 0 ? kept[kept.length - 1].end! : tagEnd(element);
    const added: string[] = [];
    if (plan.kind === 'dimensions') added.push(`width={${plan.width}}`, `height={${plan.height}}`);
    if (!getAttr(element, 'alt')) {
      added.push('alt=""');
      result.warnings.push({
        file: context.file,
        line: w.line,
        reason: 'missing-alt',
        message: 'no alt text: alt="" added (decorative); write a real description if the image carries meaning',
      });
    }
    if (priority && !getAttr(element, 'priority')) added.push('priority');
    if (added.length > 0) edits.insert(insertAt, ` ${added.join(' ')}`);
    renameTag(edits, element, imageName);
    if (plan.kind === 'remote' && !result.remoteHosts.some((h) => h.hostname === plan.host && h.protocol === plan.protocol)) {
      result.remoteHosts.push({ protocol: plan.protocol, hostname: plan.host });
    }
    result.changes.push({
      file: context.file,
      line: w.line,
      kind: plan.kind,
      message:
        `<img> → <${imageName}>` +
        (plan.kind === 'static-import' ? ` with a static import of public/${plan.publicPath}` : '') +
        (plan.kind === 'dimensions' ? ` with width ${plan.width} and height ${plan.height} read from public/${plan.publicPath}` : '') +
        (plan.kind === 'remote' ? ` (remote host ${plan.host})` : '') +
        (priority ? ', priority' : '') +
        (removed.length > 0 ? `; dropped ${removed.join(', ')}` : ''),
    });
  }
  const imports: string[] = [];
  for (const [specifier, name] of staticImports) {
    if (!existingDefaultImportIn(parsed, specifier)) imports.push(importStatementIn(parsed, name, specifier));
  }
  if (!existingDefaultImportIn(parsed, 'next/image')) imports.push(importStatementIn(parsed, imageName, 'next/image'));
  if (imports.length > 0) {
    const { pos, text } = importsInsertionAt(parsed, imports);
    edits.insert(pos, text);
  }
  // The new text goes to the runner, which checks that it parses.
  result.text = edits.applyTo(parsed.text);
  result.changed = true;
  return result;
}

/** Where the tag's name (and its type arguments, `<img<T>`) ends. */
function tagEnd(element: ImgElement): number {
  const typed =
    (element.opening as { typeArguments?: t.Node | null; typeParameters?: t.Node | null }).typeArguments ?? element.opening.typeParameters;
  return typed?.end ?? element.opening.name.end!;
}

/** Where an attribute starts with the space before it: the end of the attribute (or tag name) before it. */
function fullStart(element: ImgElement, attr: t.JSXAttribute): number {
  const i = element.opening.attributes.indexOf(attr);
  return i > 0 ? element.opening.attributes[i - 1].end! : tagEnd(element);
}

function renameTag(edits: TextEdits, element: ImgElement, name: string): void {
  const tag = element.opening.name;
  edits.replace(tag.start!, tag.end!, name);
  const closing = element.element.closingElement?.name;
  if (closing) edits.replace(closing.start!, closing.end!, name);
}

/** `images/hero-banner@2x.png` → `heroBanner2xImg`. */
export function importNameFor(publicPath: string): string {
  const base = posix.basename(publicPath).replace(/\.[^.]+$/, '');
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const safe = /^[A-Za-z_$]/.test(camel) ? camel : `img${camel}`;
  return `${safe || 'image'}Img`;
}

/** Files worth parsing: only those whose text holds a raw `<img`. */
export const IMG_PREFILTER = /<img\b/;

/** `analyzeNextImage` as a codemod report: one change per element it would convert, one skip per element it would leave. */
function analyze(parsed: ParsedFile, context: NextImageContext): CodemodReport {
  const report: CodemodReport = { changes: [], skips: [], warnings: [] };
  for (const { line, plan } of analyzeNextImage(parsed, context)) {
    if (plan.kind === 'skip') report.skips.push({ file: context.file, line, reason: plan.reason, message: SKIP_REASONS[plan.reason] });
    else report.changes.push({ file: context.file, line, kind: plan.kind, message: `<img> → next/image (${plan.kind})` });
  }
  return report;
}

export const nextImageCodemod: Codemod<NextImageContext, NextImageResult, ParsedFile> = {
  name: 'next-image',
  parse: parseWithBabel,
  prefilter: (text) => IMG_PREFILTER.test(text),
  analyze,
  transform: convertImgElements,
};
