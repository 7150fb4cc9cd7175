import { GeneratorCallback, Tree, formatFiles, joinPathFragments, logger, runTasksInSerial } from '@nx/devkit';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { createCodemodProject } from '../../codemods/project';
import { CodemodChange, CodemodSkip } from '../../codemods/codemod';
import { HEAVY_MODULES } from '../../codemods/dynamic-import/heavy-modules';
import { DynamicImportContext, dynamicImportCodemod } from '../../codemods/dynamic-import/transform';
import { runCodemodOnFile } from '../../codemods/run';
import { ReadyError } from '../../utils/errors';
import { kb } from '../../utils/format';
import { treeFiles } from '../../utils/project-files';
import { selectProjects } from '../../core/select-projects';
import { DynamicImportGeneratorSchema } from './schema';

const SOURCE = /\.(tsx|jsx|ts|js)$/;

export interface DynamicImportProjectResult {
  project: string;
  framework: 'next' | 'react';
  changes: CodemodChange[];
  skips: CodemodSkip[];
  warnings: CodemodSkip[];
  filesParsed: number;
}

/** 'next' for Next.js apps and libraries that depend on next, 'react' for other React projects, or why not. */
export function frameworkOf(tree: Tree, root: string): 'next' | 'react' | string {
  if (tree.children(root).some((f) => /^next\.config\./.test(f))) return 'next';
  let deps: Record<string, string> = {};
  const pkg = tree.read(joinPathFragments(root, 'package.json'), 'utf-8');
  if (pkg) {
    const json = JSON.parse(pkg);
    deps = { ...json.dependencies, ...json.peerDependencies, ...json.devDependencies };
  }
  if (deps.next) return 'next';
  if (deps.react || tree.children(root).some((f) => f === 'src') && hasTsx(tree, root)) return 'react';
  return 'it is neither a Next.js nor a React project';
}

function hasTsx(tree: Tree, root: string): boolean {
  return treeFiles(tree, root, /\.(tsx|jsx)$/).length > 0;
}

/** `--components=app/x/Chart.tsx#Chart,…` → workspace-relative path without extension → export names. */
export function parseComponents(tree: Tree, root: string, value: string | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const item of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [path, name] = item.split('#');
    if (!path || !name) throw new ReadyError(`--components entry "${item}" is not path#ExportName: write e.g. --components=app/sales/sales-chart.tsx#SalesChart.`);
    const candidates = [path, joinPathFragments(root, path)];
    const file = candidates.find((c) => tree.exists(c));
    if (!file) throw new ReadyError(`--components names ${path}, which exists neither in the workspace nor in ${root}: give the component file's path.`);
    const key = file.replace(/\.(tsx?|jsx?)$/, '');
    out.set(key, new Set([...(out.get(key) ?? []), name]));
  }
  return out;
}

export function splitProject(
  tree: Tree,
  project: { name: string; root: string },
  options: { modules: string[]; components: Map<string, Set<string>>; ssr: 'keep' | 'false' },
): DynamicImportProjectResult {
  const framework = frameworkOf(tree, project.root) as 'next' | 'react';
  const modules = [...HEAVY_MODULES, ...options.modules];
  const names = [...modules.map((m) => m.replace(/\/\*$/, '')), ...[...options.components.keys()].map((k) => posix.basename(k))];
  const prefilter = new RegExp(`from\\s+['"][^'"]*(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`);
  const out: DynamicImportProjectResult = { project: project.name, framework, changes: [], skips: [], warnings: [], filesParsed: 0 };
  const ts = createCodemodProject();
  for (const file of treeFiles(tree, project.root, SOURCE, { tests: false })) {
    const text = tree.read(file, 'utf-8') ?? '';
    if (!prefilter.test(text)) continue;
    out.filesParsed++;
    const context: DynamicImportContext = { file, framework, modules, components: options.components, ssr: options.ssr };
    const { result, warning } = runCodemodOnFile(tree, ts, file, text, (sf) => dynamicImportCodemod(sf, context));
    if (warning) out.warnings.push(warning);
    if (!result) continue;
    out.changes.push(...result.changes);
    out.skips.push(...result.skips);
  }
  return out;
}

type RouteSizes = Map<string, number>;

/** First-load JS (gzip bytes) per route from the project's last build-production run, if any. */
function readRouteSizes(text: string | null): RouteSizes | null {
  if (!text) return null;
  try {
    const report = JSON.parse(text) as { routes: Array<{ route: string; firstLoadJs: { gzip: number } }> };
    return new Map(report.routes.map((r) => [r.route, r.firstLoadJs.gzip]));
  } catch {
    return null;
  }
}

/**
 * After the files are written (never on --dry-run): rebuild and measure through the project's own
 * build-production target, then print each route's first-load JS before → after.
 */
function measureAfter(workspaceRoot: string, project: string, root: string, before: RouteSizes): GeneratorCallback {
  return () => {
    const file = join(workspaceRoot, 'dist', 'ready', root, 'build-production.json');
    const r = spawnSync('npx', ['nx', 'run', `${project}:build-production`, '--output-style=static'], { cwd: workspaceRoot, encoding: 'utf8', env: process.env });
    const after = readRouteSizes(existsSync(file) ? readFileSync(file, 'utf8') : null);
    if (r.status !== 0 && !after) {
      logger.warn(`${project}: could not rebuild to measure after (nx run ${project}:build-production exited ${r.status}); run it yourself.`);
      return;
    }
    const lines = [`${project}: first-load JS per route (gzip), before → after`];
    for (const [route, size] of after ?? []) {
      const was = before.get(route);
      lines.push(`  ${route}: ${was === undefined ? 'new' : kb(was)} → ${kb(size)}${was !== undefined && was !== size ? ` (${size < was ? '-' : '+'}${kb(Math.abs(size - was))})` : ''}`);
    }
    logger.info(lines.join('\n'));
  };
}

export async function dynamicImportGenerator(tree: Tree, options: DynamicImportGeneratorSchema): Promise<GeneratorCallback> {
  const measures: GeneratorCallback[] = [];
  const projects = selectProjects(tree, options, 'dynamic-import', (p) => {
    const f = frameworkOf(tree, p.config.root);
    return f === 'next' || f === 'react' ? null : f;
  });
  const modules = (options.modules ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const lines: string[] = [];
  for (const p of projects) {
    const components = parseComponents(tree, p.config.root, options.components);
    const r = splitProject(tree, { name: p.name, root: p.config.root }, { modules, components, ssr: options.ssr ?? 'keep' });
    lines.push(`${p.name} (${r.framework}): ${r.changes.length} converted, ${r.skips.length} skipped, ${r.filesParsed} file(s) parsed`);
    lines.push(...r.changes.map((c) => `  converted ${c.file}:${c.line}: ${c.message}`));
    lines.push(...r.skips.map((s) => `  skipped   ${s.file}:${s.line}: ${s.message}`));
    lines.push(...r.warnings.map((w) => `  warning   ${w.file}:${w.line}: ${w.message}`));
    if (r.changes.length > 0 && r.framework === 'next') {
      const before = readRouteSizes(tree.read(posix.join('dist', 'ready', p.config.root, 'build-production.json'), 'utf-8'));
      if (before && options.measure !== false) {
        lines.push(...[...before].map(([route, size]) => `  before: ${route} ${kb(size)} gzip first-load JS`), '  after: measured once the files are written (nx run build-production)');
        measures.push(measureAfter(tree.root, p.name, p.config.root, before));
      } else {
        lines.push(`  measure: run "nx run ${p.name}:build-production" before and after to see each route's first-load JS`);
      }
    }
  }
  logger.info(lines.join('\n'));
  if (!options.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...measures);
}

export default dynamicImportGenerator;
