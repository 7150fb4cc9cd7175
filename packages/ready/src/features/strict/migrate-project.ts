import { Tree } from '@nx/devkit';
import { ReadTree } from '../../core/workspace/files';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Project, ts } from 'ts-morph';
import { TSCONFIG_FILE, readTsConfig, resolveTypeScriptVersion } from '../../core/workspace/tsconfig';
import { StrictMigrationReport, migrateToStrict } from '../../codemods/strict/migrate';
import { FlagRequest, StrictPlan, planStrictConfigs } from './tsconfig-edit';

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
  /** New text of every file to write, workspace-relative. */
  writes: Map<string, string>;
}

/** Files a migration may edit: the config's own sources, never generated output or dependencies. */
const GENERATED = /[\\/](node_modules|\.next|dist|out-tsc|coverage)[\\/]/;

export function projectTsConfigs(tree: ReadTree, root: string): string[] {
  return tree
    .children(root)
    .filter((name) => TSCONFIG_FILE.test(name) && tree.isFile(join(root, name)))
    .sort()
    .map((name) => join(tree.root, root, name));
}

/** Reads and plans every project first, so a bad tsconfig anywhere stops the run before any change. */
export function planProject(tree: ReadTree, name: string, root: string, request: FlagRequest): { plan: StrictPlan; version: string } {
  const paths = projectTsConfigs(tree, root);
  const overlay = new Map(paths.map((p) => [p, tree.read(relative(tree.root, p), 'utf-8')!]));
  const configs = paths.map((p) => readTsConfig(p, tree.root, overlay));
  const version = resolveTypeScriptVersion(tree.root, root) ?? ts.version;
  const readText = (p: string) => overlay.get(p) ?? readFileSync(p, 'utf8');
  return { plan: planStrictConfigs(configs, join(tree.root, root), request, version, tree.root, readText), version };
}

/**
 * Migrates every planned tsconfig of one project; `writes` holds the new texts (tsconfigs and
 * sources). Files changed earlier in the same Tree (earlier projects, other generators) are seen.
 */
export interface MigrateProjectOptions {
  name: string;
  root: string;
  /** What planProject planned for the project, for this TypeScript version. */
  plan: StrictPlan;
  version: string;
  request: FlagRequest;
  /** Apply the language service's fixes before suppressing (--fix, on by default). */
  fix: boolean;
}

export function migrateProject(
  tree: ReadTree & Pick<Tree, 'listChanges'>,
  { name, root, plan, version, request, fix }: MigrateProjectOptions,
): ProjectStrictResult {
  const result: ProjectStrictResult = {
    project: name,
    typescriptVersion: version,
    allFlags: request === 'all',
    alreadyStrict: null,
    configEdits: [],
    reports: [],
    filesChanged: [],
    writes: new Map(),
  };
  if (plan.configs.length === 0) {
    result.alreadyStrict = `every tsconfig of ${root} that compiles files already has the requested strict flags on (TypeScript ${version}): nothing to change`;
    return result;
  }
  const projectDir = join(tree.root, root);
  const texts = new Map<string, string>();
  const pending = tree.listChanges().filter((c) => c.type !== 'DELETE' && /\.[cm]?tsx?$/.test(c.path));
  for (const c of pending) texts.set(join(tree.root, c.path), c.content!.toString('utf-8'));
  for (const entry of plan.configs) {
    const project = new Project({
      tsConfigFilePath: entry.config.path,
      compilerOptions: withAutomaticTypes(entry.after),
      skipFileDependencyResolution: true,
    });
    // What earlier configs (or earlier generators) changed, for every file this program reads.
    const program = project.getLanguageService().compilerObject.getProgram()!;
    for (const [file, text] of texts) {
      const own = project.getSourceFile(file);
      if (own) own.replaceWithText(text);
      else if (program.getSourceFile(file)) project.createSourceFile(file, text, { overwrite: true });
    }
    const roots = new Set(entry.config.fileNames.map((f) => f.replace(/\\/g, '/')));
    const report = migrateToStrict(project, {
      before: withAutomaticTypes(entry.before),
      flags: entry.flagsTurnedOn,
      fix,
      editable: (file) => roots.has(file) && !relative(projectDir, file).startsWith('..') && !GENERATED.test(relative(projectDir, file)),
    });
    for (const [file, text] of report.changed) texts.set(file, text);
    result.reports.push({ config: relative(tree.root, entry.config.path), flags: entry.flagsTurnedOn, report });
  }
  for (const edit of plan.edits.values()) {
    result.writes.set(relative(tree.root, edit.path), edit.text);
    result.configEdits.push({ file: relative(tree.root, edit.path), notes: edit.notes });
  }
  const changed = new Set(result.reports.flatMap((r) => [...r.report.changed.keys()]));
  for (const file of changed) {
    const path = relative(tree.root, file);
    result.writes.set(path, texts.get(file)!);
    result.filesChanged.push(path);
  }
  return result;
}

/**
 * The options with the `@types` packages tsc includes by itself written out. ts-morph's language
 * service (whose program the code fixes run on) does not include them when a tsconfig names no
 * `types`, so jest's `expect` would be "not found" under strict only, and be suppressed as new.
 */
function withAutomaticTypes(options: ts.CompilerOptions): ts.CompilerOptions {
  return options.types ? options : { ...options, types: ts.getAutomaticTypeDirectiveNames(options, ts.sys) };
}
