import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { isNextProject } from '../utils/next';
import { isTestFile, listProjectFiles } from '../utils/project-files';
import { Check, CheckDetail } from './types';

export interface RawImg {
  file: string;
  line: number;
}

export interface ImgScan {
  raw: RawImg[];
  /** Raw `<img>` in test files and mocks: never shipped, never converted. */
  inTests: RawImg[];
  /** Files that contain `<img` but do not parse. */
  unparsable: string[];
  /** Files that the text prefilter let through to the parser. */
  parsed: number;
}

const IMG_PREFILTER = /<img\b/;

/**
 * Finds every raw `<img>` JSX element of a project: a cheap text prefilter over every JSX-capable
 * file, then a real parse of only the files that match (a few percent in real code).
 */
export function scanRawImages(workspaceRoot: string, projectRoot: string): ImgScan {
  const scan: ImgScan = { raw: [], inTests: [], unparsable: [], parsed: 0 };
  for (const file of listProjectFiles(workspaceRoot, projectRoot, ['.tsx', '.jsx', '.js', '.mjs'])) {
    const text = readFileSync(join(workspaceRoot, file), 'utf8');
    if (!IMG_PREFILTER.test(text)) continue;
    scan.parsed++;
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.JSX;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    if (((source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length > 0) {
      scan.unparsable.push(file);
      continue;
    }
    const bucket = isTestFile(file) ? scan.inTests : scan.raw;
    const visit = (node: ts.Node) => {
      if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === 'img') {
        bucket.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return scan;
}

export const imagesCheck: Check = {
  id: 'images',
  title: 'Images use next/image',
  defaultWeight: 10,
  run(context) {
    const fix = `nx g @plinto/ready:next-image --project=${context.projectName}`;
    if (!isNextProject(context.workspaceRoot, context.projectRoot)) {
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: 'Not a Next.js project (no next.config.* and no dependency on next): next/image does not apply.' }],
        fix: null,
      };
    }
    const scan = scanRawImages(context.workspaceRoot, context.projectRoot);
    const details: CheckDetail[] = [
      ...scan.raw.map((img) => ({ message: 'raw <img>: served unoptimised, without size or lazy loading', ...img })),
      ...scan.inTests.map((img) => ({ message: 'raw <img> in a test file (not shipped, left as is)', ...img })),
      ...scan.unparsable.map((file) => ({ message: 'contains <img but does not parse: not counted', file })),
    ];
    const count = scan.raw.length;
    return {
      status: count === 0 ? (scan.unparsable.length > 0 ? 'warn' : 'pass') : 'fail',
      // Each raw <img> costs ten points: one is a gap, ten are the whole check.
      score: Math.max(0, 100 - 10 * count),
      metric: { value: count, unit: 'raw <img>', text: count === 1 ? '1 raw <img>' : `${count} raw <img>` },
      details,
      fix: count > 0 ? fix : null,
    };
  },
};
