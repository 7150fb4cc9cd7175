import { CreateNodesContextV2, CreateNodesV2, TargetConfiguration, createNodesFromFiles, readJsonFile } from '@nx/devkit';
import { dirname, join, posix } from 'node:path';
import { assertMatchingDevkit, assertSupportedNx, packageJsonWorkspacesMatcher } from '../core/workspace/nx-internals';
import { ReadyPluginOptions, normalizePluginOptions } from '../core/nx/plugin-options';
import { asArray, builtPackagesOf, onceJsonReader, readProjectFacts, readRootDependencies, rootInputsOf } from './inference-facts';
import { buildTargets, readyNamedInputs } from './targets';
import { PLUGIN_OPTIONS_SCHEMA, optionProblems, pluginEntryName, targetOptionProblems } from './validate-options';
import { ReadyError } from '../utils/errors';

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
    assertSupportedNx();
    assertMatchingDevkit();
    const entryProblems = optionProblems(PLUGIN_OPTIONS_SCHEMA, rawOptions ?? {});
    if (entryProblems.length > 0) {
      throw new ReadyError(
        `${pluginEntryName(context.nxJsonConfiguration?.plugins, rawOptions)}: ${entryProblems.join('; ')}. Fix them in nx.json.`,
      );
    }
    const options = normalizePluginOptions(rawOptions);
    const projectFiles = selectProjectFiles(files, context);
    // Each project file is read once, for the option checks and the facts alike.
    const readJson = onceJsonReader(context.workspaceRoot);
    const targetProblems = targetOptionProblems(
      context.workspaceRoot,
      projectFiles,
      context.nxJsonConfiguration?.targetDefaults,
      options,
      readJson,
    );
    if (targetProblems.length > 0) {
      throw new ReadyError(`Invalid @plinto/ready target options: ${targetProblems.join('; ')}. Fix them where they are named.`);
    }
    const roots = projectFiles.map((f) => posix.dirname(f));
    const rootDependencies = readRootDependencies(context.workspaceRoot);
    const targetDefaults = context.nxJsonConfiguration?.targetDefaults;
    const testDefaults = unfilteredDefault(targetDefaults?.[options.testTargetName]);
    const test = {
      target: options.testTargetName,
      defaults: asArray<NonNullable<TargetConfiguration['dependsOn']>[number]>(testDefaults?.dependsOn),
    };
    const buildDefaults = unfilteredDefault(targetDefaults?.[options.buildTargetName]);
    const build = {
      target: options.buildTargetName,
      defaults: { inputs: asArray<NonNullable<TargetConfiguration['inputs']>[number]>(buildDefaults?.inputs), cache: buildDefaults?.cache },
    };
    // The workspace-level files are the same for every project: looked for once.
    const rootInputs = rootInputsOf(context.workspaceRoot);
    const chains = new Map<string, string[]>();
    const builtPackages = builtPackagesOf(readJson, roots, options.buildTargetName);
    const facts = roots.map((root) =>
      readProjectFacts(context.workspaceRoot, root, {
        rootDependencies,
        test,
        build,
        rootInputs,
        tsconfigChains: chains,
        readJson,
        builtPackages,
      }),
    );
    // Targets are built from the facts each time: no cache file whose key could outlive what the facts say.
    return createNodesFromFiles(
      (_file, _options, _context, index) => {
        const root = roots[index];
        return { projects: { [root]: { root, namedInputs: readyNamedInputs(), targets: buildTargets(facts[index], options) } } };
      },
      projectFiles,
      options,
      context,
    );
  },
];

/** @deprecated Nx 23 renamed createNodesV2 to createNodes; kept for Nx versions that still look for it. */
export const createNodesV2 = createNodes;

function selectProjectFiles(files: readonly string[], context: CreateNodesContextV2): string[] {
  const projectJsonRoots = new Set(files.filter((f) => f.endsWith('project.json')).map((f) => dirname(f)));
  const inWorkspaces = packageJsonWorkspacesMatcher(context.workspaceRoot, (f: string) => readJsonFile(join(context.workspaceRoot, f)));
  return files.filter((file) => {
    const root = dirname(file);
    // The workspace root too, where Nx makes it a project (a project.json, or package.json's "nx"):
    // the Next.js app of a single-app repository lives there.
    if (file.endsWith('project.json')) return true;
    // A package.json beside a project.json: the project.json already stands for the project.
    return !projectJsonRoots.has(root) && inWorkspaces(file);
  });
}

/**
 * The entry of nx.json's targetDefaults that applies to every project: the value is one config, or
 * (Nx 23) a list of entries with filters, where an entry without a filter applies to all.
 */
function unfilteredDefault(value: unknown): TargetConfiguration | undefined {
  const entries = (Array.isArray(value) ? value : value ? [value] : []) as Array<TargetConfiguration & { filter?: unknown }>;
  return entries.find((e) => e && typeof e === 'object' && !e.filter);
}
