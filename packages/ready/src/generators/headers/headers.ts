// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { Tree, formatFiles, logger } from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { selectProjects } from '../../core/nx/select-projects';
import { nextConfigPath } from '../../core/workspace/project-facts';
import { headersCodemod } from '../../codemods/next-config/headers';
import { runCodemod } from '../../codemods/run';
import { ReadyError } from '../../utils/errors';
import { HeadersGeneratorSchema } from './schema';

/**
 * Secure response headers for every route of each selected Next.js app, through its next.config.
 * A config it cannot read stops the run with one line naming the file, before anything is written.
 */
export async function headersGenerator(tree: Tree, options: HeadersGeneratorSchema): Promise<void> {
  assertKnownGeneratorOptions(options, 'headers');
  if (options.csp !== undefined && !['report-only', 'enforce'].includes(options.csp))
    throw new ReadyError(`--csp=${options.csp} is neither report-only nor enforce: pass --csp=report-only (the default) or --csp=enforce.`);
  const projects = selectProjects(tree, options, 'headers', (p) =>
    nextConfigPath(tree, p.config.root) ? null : 'it has no next.config.* (the headers go there): run it on a Next.js app',
  );
  const context = { csp: options.csp ?? 'report-only', hstsPreload: options.hstsPreload ?? false } as const;
  const writes = new Map<string, string>();
  const lines: string[] = [];
  for (const p of projects) {
    const file = nextConfigPath(tree, p.config.root)!;
    const run = runCodemod(headersCodemod, null, file, tree.read(file, 'utf-8') ?? '', { file, ...context });
    if (run.report === null)
      throw new ReadyError(`${file} does not parse: fix its syntax (run "node --check ${file}" or the app's build), then run this again.`);
    const report = run.report;
    lines.push(`${p.name}: ${file}`);
    for (const c of report.changes) lines.push(`  added     ${c.kind === 'header' ? c.message.split(':')[0] : c.message}`);
    for (const w of report.warnings) lines.push(`  kept      ${file}:${w.line}: ${w.message}`);
    for (const s of report.skips) lines.push(`  skipped   ${file}:${s.line}: ${s.message}`);
    if (run.warning) lines.push(`  warning   ${file}:${run.warning.line}: ${run.warning.message}`);
    if (report.changes.length === 0 && report.skips.length === 0) lines.push('  nothing to add: every header of the secure set is there');
    if (run.text !== null) writes.set(file, run.text);
  }
  for (const [file, text] of writes) tree.write(file, text);
  lines.push(
    context.csp === 'report-only'
      ? 'The Content-Security-Policy is report-only: browsers report what it would block and block nothing. Once nothing legitimate is reported, rerun with --csp=enforce.'
      : 'The Content-Security-Policy is enforced: check every page in a browser (inline scripts of third parties are blocked).',
    `Check what the server sends, route by route: ${projects.map((p) => `nx run ${p.name}:smoke`).join(', ')}.`,
  );
  logger.info(lines.join('\n'));
  if (!options.skipFormat) await formatFiles(tree);
}

export default headersGenerator;
