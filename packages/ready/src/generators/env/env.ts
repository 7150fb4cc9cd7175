// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { GeneratorCallback, Tree, formatFiles, installPackagesTask, joinPathFragments, logger, readJson, updateJson } from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { gitIgnoreRule } from '../../core/workspace/git';
import { selectProjects } from '../../core/nx/select-projects';
import { envNotApplicable, gitignoreWithLocalEnv, planEnv } from '../../features/env/generate';
import { loadProjectGraph } from '../../features/env/scan';
import { safetyNetLines, typeCheckWrites } from '../../features/safety-net/new-type-errors';
import { EnvGeneratorSchema } from './schema';

export async function envGenerator(tree: Tree, options: EnvGeneratorSchema): Promise<GeneratorCallback> {
  assertKnownGeneratorOptions(options, 'env');
  const projects = selectProjects(tree, options, 'env', (p) => envNotApplicable(tree, p.config.root, p.config.projectType));
  const graph = await loadProjectGraph();
  const lines: string[] = [];
  // package.json → the packages to add to it: the app's own where it declares its dependencies (package-based repos), else the root's.
  const dependencies = new Map<string, Record<string, string>>();
  for (const p of projects) {
    const plan = planEnv(tree, { name: p.name, root: p.config.root }, graph, {
      module: options.module ?? true,
      rewrite: options.rewrite ?? false,
    });
    // The env module and, with --rewrite, the app's files it changes: none is written if it adds a type error.
    const checked = typeCheckWrites(tree, p.config.root, plan.writes);
    for (const [file, text] of checked.writes) tree.write(file, text);
    lines.push(...plan.lines, ...safetyNetLines(checked));
    const envFile = `${p.config.root}/.env.production`;
    const ignoredBy = checked.writes.has(envFile) ? gitIgnoreRule(tree.root, envFile) : null;
    if (ignoredBy)
      lines.push(
        `  warning ${envFile} is ignored by git (${ignoredBy}): the build of a fresh checkout will not see it. It holds no secret values: commit it with "git add -f ${envFile}", or narrow the rule to .env*.local`,
      );
    if (plan.module !== null && checked.writes.has(plan.module)) {
      const target = dependencyManifest(tree, p.config.root);
      dependencies.set(target, { ...dependencies.get(target), ...plan.dependencies });
      lines.push(`  dependencies: ${Object.keys(plan.dependencies).join(', ')} → ${target}`);
    }
  }
  const gitignore = gitignoreWithLocalEnv(tree);
  if (gitignore !== null) tree.write('.gitignore', gitignore);
  logger.info(lines.join('\n'));
  for (const [manifest, deps] of dependencies) addDependencies(tree, manifest, deps);
  if (!options.skipFormat) await formatFiles(tree);
  // Nx's install task, with the workspace's own package manager; told to run even when only a
  // project's package.json changed (by itself it looks at the root's alone).
  return options.skipInstall || dependencies.size === 0 ? () => undefined : () => installPackagesTask(tree, true);
}

/**
 * Adds the packages the project lacks to `dependencies`, leaving every other line where it was: a
 * sorted list stays sorted (each new name in its place), an unsorted one gets the new names at its
 * end. (devkit's addDependenciesToPackageJson re-sorts the whole list, churn in a file the change
 * is not about.) A version already declared, in dependencies or devDependencies, is kept.
 */
function addDependencies(tree: Tree, manifest: string, deps: Record<string, string>): void {
  updateJson<{ dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>(tree, manifest, (json) => {
    const current = json.dependencies ?? {};
    const missing = Object.keys(deps).filter((name) => !(name in current) && !(name in (json.devDependencies ?? {})));
    if (missing.length === 0) return json;
    const names = Object.keys(current);
    const sorted = names.every((name, i) => i === 0 || names[i - 1].localeCompare(name, 'en') <= 0);
    const merged = [...names, ...missing];
    if (sorted) merged.sort((a, b) => a.localeCompare(b, 'en'));
    json.dependencies = Object.fromEntries(merged.map((name) => [name, current[name] ?? deps[name]]));
    return json;
  });
}

/** The package.json a project's dependencies belong in: its own when it declares any, else the workspace's. */
function dependencyManifest(tree: Tree, root: string): string {
  const own = joinPathFragments(root, 'package.json');
  if (tree.exists(own)) {
    const json = readJson<{ dependencies?: object; devDependencies?: object }>(tree, own);
    if (json.dependencies || json.devDependencies) return own;
  }
  return 'package.json';
}

export default envGenerator;
