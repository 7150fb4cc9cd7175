import { CreateNodesContextV2, CreateNodesV2, TargetConfiguration, createNodesFromFiles, readJsonFile } from '@nx/devkit';
import {
  PluginCache,
  buildPackageJsonPatterns,
  buildPackageJsonWorkspacesMatcher,
  calculateHashesForCreateNodes,
  hashObject,
  workspaceDataDirectory,
} from '@nx/devkit/internal';
import { dirname, join, posix } from 'node:path';
import { workspaceLockfile } from '../core/package-manager';
import { NormalizedPluginOptions, ReadyPluginOptions, normalizePluginOptions } from '../core/plugin-options';
import { ROOT_GLOBS, readProjectFacts, readRootDependencies } from './project-facts';
import { buildTargets } from './targets';

type Targets = ReturnType<typeof buildTargets>;

const PROJECT_FILES = '**/{project.json,package.json}';

/**
 * Infers `ready` on every project, `coverage-gate` where a jest config sits in the project root
 * and `build-production` where a next.config.* does. A project is a folder (other than the
 * workspace root) with a project.json, or with a package.json that the package manager's
 * workspaces include, exactly as Nx itself decides.
 */
export const createNodes: CreateNodesV2<ReadyPluginOptions> = [
  PROJECT_FILES,
  async (files, rawOptions, context) => {
    const options = normalizePluginOptions(rawOptions);
    const cache = new PluginCache<Targets>(join(workspaceDataDirectory, `plinto-ready-${hashObject(options)}.hash`));
    const projectFiles = selectProjectFiles(files, context);
    const roots = projectFiles.map((f) => posix.dirname(f));
    const rootDependencies = readRootDependencies(context.workspaceRoot);
    const test = {
      target: options.testTargetName,
      defaults: defaultDependsOn(context.nxJsonConfiguration?.targetDefaults?.[options.testTargetName]),
    };
    const facts = roots.map((root) => readProjectFacts(context.workspaceRoot, root, rootDependencies, test));
    const lockFile = workspaceLockfile(context.workspaceRoot);
    const hashes = await calculateHashesForCreateNodes(
      roots,
      options,
      context,
      facts.map((f) => [lockFile, 'package.json', 'nx.json', ...ROOT_GLOBS, ...f.externalTsConfigs]),
    );
    try {
      return await createNodesFromFiles(
        (file, _options, _context, index) => {
          const root = roots[index];
          // The facts are read every time (cheap); what they say is part of the key, so a cached set of targets never outlives them.
          const key = hashObject({ files: hashes[index], facts: facts[index] });
          if (!cache.has(key)) cache.set(key, buildTargets(facts[index], options as NormalizedPluginOptions));
          return { projects: { [root]: { root, targets: cache.get(key)! } } };
        },
        projectFiles,
        options,
        context,
      );
    } finally {
      cache.writeToDisk();
    }
  },
];

/** @deprecated Nx 23 renamed createNodesV2 to createNodes; kept for Nx versions that still look for it. */
export const createNodesV2 = createNodes;

function selectProjectFiles(files: readonly string[], context: CreateNodesContextV2): string[] {
  const projectJsonRoots = new Set(files.filter((f) => f.endsWith('project.json')).map((f) => dirname(f)));
  const inWorkspaces = buildPackageJsonWorkspacesMatcher(
    buildPackageJsonPatterns(context.workspaceRoot, (f: string) => readJsonFile(join(context.workspaceRoot, f))),
  );
  return files.filter((file) => {
    const root = dirname(file);
    if (root === '.') return false; // the workspace root is not an app
    if (file.endsWith('project.json')) return true;
    // A package.json beside a project.json: the project.json already stands for the project.
    return !projectJsonRoots.has(root) && inWorkspaces(file);
  });
}

/**
 * The dependsOn nx.json's targetDefaults give a target: its value is one config, or (Nx 23) a list
 * of entries with filters; an entry without a filter applies to every project.
 */
function defaultDependsOn(value: unknown): TargetConfiguration['dependsOn'] | undefined {
  const entries = (Array.isArray(value) ? value : value ? [value] : []) as Array<{ filter?: unknown; dependsOn?: unknown }>;
  const found = entries.find((e) => !e.filter && Array.isArray(e.dependsOn));
  return found?.dependsOn as TargetConfiguration['dependsOn'] | undefined;
}
