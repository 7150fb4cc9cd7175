import { execFileSync } from 'node:child_process';
import { FileCoverage, CoverageMap } from 'istanbul-lib-coverage';
import { join } from 'node:path';
import parseDiff from 'parse-diff';
import { ReadyError } from '../../utils/errors';
import { isTestFile } from '../../utils/project-files';
import { ChangedLinesResult } from './types';
import { round } from './evaluate';
import { baseDiffArgs } from './base-diff';

const SOURCE = /\.[cm]?[jt]sx?$/;

/** Lines added since `base` (to the working tree), by workspace-relative file, under `projectRoot`. */
export function addedLinesSince(workspaceRoot: string, base: string, projectRoot: string): Map<string, Array<{ line: number; text: string }>> {
  const git = (args: string[]) => execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  try {
    git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  } catch {
    throw new ReadyError(
      `The base "${base}" is not a commit in this repository: pass an existing ref with --base (e.g. --base=origin/main), or fetch it first (git fetch origin main).`,
    );
  }
  const diff = git(baseDiffArgs(base, projectRoot));
  const added = new Map<string, Array<{ line: number; text: string }>>();
  for (const file of parseDiff(diff)) {
    if (!file.to || file.to === '/dev/null' || !SOURCE.test(file.to) || isTestFile(file.to) || file.to.endsWith('.d.ts')) continue;
    const lines = file.chunks.flatMap((c) => c.changes.filter((ch) => ch.type === 'add').map((ch) => ({ line: ch.ln, text: ch.content.slice(1) })));
    if (lines.length > 0) added.set(file.to, lines);
  }
  return added;
}

/** A line with nothing to execute when its file was never loaded by a test (no statement map to ask). */
function looksExecutable(text: string): boolean {
  const t = text.trim();
  return t !== '' && !/^(\/\/|\/\*|\*|import\s|export\s+(type|interface)\s|type\s|interface\s|[})\]];?,?$)/.test(t);
}

/**
 * The share of added executable lines that tests run. A line is executable where istanbul's
 * statement map puts a statement; a file no test loaded has no map, so its added lines count as
 * uncovered unless they are plainly not code (blank, comments, imports, types).
 */
export function changedLinesCoverage(
  map: CoverageMap,
  workspaceRoot: string,
  base: string,
  projectRoot: string,
  threshold: number,
): ChangedLinesResult {
  const added = addedLinesSince(workspaceRoot, base, projectRoot);
  let covered = 0;
  let total = 0;
  const uncovered: ChangedLinesResult['uncovered'] = [];
  const files = new Set(map.files());
  for (const [file, lines] of added) {
    const abs = join(workspaceRoot, file);
    if (!files.has(abs)) {
      for (const { line, text } of lines) {
        if (!looksExecutable(text)) continue;
        total++;
        uncovered.push({ file, line, reason: 'file not loaded by any test' });
      }
      continue;
    }
    const hits = (map.fileCoverageFor(abs) as FileCoverage).getLineCoverage();
    for (const { line } of lines) {
      if (!(line in hits)) continue;
      total++;
      if (hits[line] > 0) covered++;
      else uncovered.push({ file, line, reason: 'not run by any test' });
    }
  }
  const pct = total === 0 ? 100 : round((100 * covered) / total);
  return { base, pct, covered, total, threshold, verdict: pct >= threshold ? 'pass' : 'fail', uncovered };
}
