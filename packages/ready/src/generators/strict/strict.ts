import { Tree, logger } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Project, ts } from 'ts-morph';
import { StrictMigrationReport, migrateToStrict } from '../../codemods/strict/migrate';
import { FlagRequest, StrictPlan, parseFlagRequest, planStrictConfigs } from '../../features/strict/tsconfig-edit';
import { selectProjects } from '../../core/select-projects';
import { TSCONFIG_FILE, readTsConfig, resolveTypeScriptVersion } from '../../core/tsconfig';
import { renderStrictSummary } from '../../features/strict/summary';
import { StrictGeneratorSchema } from './schema';

export interface ProjectStrictResult {
  project: string;
  typescriptVersion: string;
  /** `--flags=all`: strict itself, every flag the TypeScript version knows. */
  allFlags: boolean;
  /** Why nothing was done (already strict), or null. */
  alreadyStrict: string | null;
  configEdits: Array<{ file: string; notes: string[] }>;
  /** One report per tsconfig that was migrated, with its file. */
  reports: Array<{ config: string; flags: string[]; report: StrictMigrationReport }>;
  filesChanged: string[];
}

/** Files a migration may edit: the config's own sources, never generated output or dependencies. */
const GENERATED = /[\\/](node_modules|\.next|dist|out-tsc|coverage)[\\/]/;

function projectTsConfigs(tree: Tree, root: string): string[] {
  return tree
    .children(root)
    .filter((name) => TSCONFIG_FILE.test(name) && tree.isFile(join(root, name)))
    .sort()
    .map((name) => join(tree.root, root, name));
}

/** Reads and plans every project first, so a bad tsconfig anywhere stops the run before any change. */
function planProject(tree: Tree, name: string, root: string, request: FlagRequest): { plan: StrictPlan; version: string } {
  const paths = projectTsConfigs(tree, root);
  const overlay = new Map(paths.map((p) => [p, tree.read(relative(tree.root, p), 'utf-8')!]));
  const configs = paths.map((p) => readTsConfig(p, tree.root, overlay));
  const version = resolveTypeScriptVersion(tree.root, root) ?? ts.version;
  const readText = (p: string) => overlay.get(p) ?? readFileSync(p, 'utf8');
  return { plan: planStrictConfigs(configs, join(tree.root, root), request, version, tree.root, readText), version };
}

export function migrateProject(tree: Tree, name: string, root: string, plan: StrictPlan, version: string, request: FlagRequest, fix: boolean): ProjectStrictResult {
  const result: ProjectStrictResult = { project: name, typescriptVersion: version, allFlags: request === 'all', alreadyStrict: null, configEdits: [], reports: [], filesChanged: [] };
  if (plan.configs.length === 0) {
    result.alreadyStrict = `every tsconfig of ${root} that compiles files already has the requested strict flags on (TypeScript ${version}): nothing to change`;
    return result;
  }
  const projectDir = join(tree.root, root);
  const texts = new Map<string, string>();
  const pending = tree.listChanges().filter((c) => c.type !== 'DELETE' && /\.[cm]?tsx?$/.test(c.path));
  for (const c of pending) texts.set(join(tree.root, c.path), c.content!.toString('utf-8'));
  for (const entry of plan.configs) {
    const project = new Project({ tsConfigFilePath: entry.config.path, compilerOptions: entry.after, skipFileDependencyResolution: true });
    // What earlier configs (or earlier generators) changed, for every file this program reads.
    const program = project.getLanguageService().compilerObject.getProgram()!;
    for (const [file, text] of texts) {
      const own = project.getSourceFile(file);
      if (own) own.replaceWithText(text);
      else if (program.getSourceFile(file)) project.createSourceFile(file, text, { overwrite: true });
    }
    const roots = new Set(entry.config.fileNames.map((f) => f.replace(/\\/g, '/')));
    const report = migrateToStrict(project, {
      before: entry.before,
      flags: entry.flagsTurnedOn,
      fix,
      editable: (file) => roots.has(file) && !relative(projectDir, file).startsWith('..') && !GENERATED.test(relative(projectDir, file)),
    });
    for (const [file, text] of report.changed) texts.set(file, text);
    result.reports.push({ config: relative(tree.root, entry.config.path), flags: entry.flagsTurnedOn, report });
  }
  for (const edit of plan.edits.values()) {
    tree.write(relative(tree.root, edit.path), edit.text);
    result.configEdits.push({ file: relative(tree.root, edit.path), notes: edit.notes });
  }
  const changed = new Set(result.reports.flatMap((r) => [...r.report.changed.keys()]));
  for (const file of changed) {
    const path = relative(tree.root, file);
    tree.write(path, texts.get(file)!);
    result.filesChanged.push(path);
  }
  return result;
}

export async function strictGenerator(tree: Tree, options: StrictGeneratorSchema): Promise<void> {
  const request = parseFlagRequest(options.flags);
  const selected = selectProjects(tree, options, 'strict', (p) =>
    projectTsConfigs(tree, p.config.root).length === 0 ? `${p.config.root || '.'} has no tsconfig.json; add one (or pick another project)` : null,
  );
  const planned = selected.map((p) => ({ ...p, ...planProject(tree, p.name, p.config.root, request) }));
  const results = planned.map((p) => migrateProject(tree, p.name, p.config.root, p.plan, p.version, request, options.fix ?? true));
  logger.info(renderStrictSummary(results, tree.root));
}

export default strictGenerator;
