// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import {
  GeneratorCallback,
  NxJsonConfiguration,
  Tree,
  addDependenciesToPackageJson,
  formatFiles,
  logger,
  readJson,
  runTasksInSerial,
  updateNxJson,
} from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { reportInferred } from './lib/inferred-report';
import { ReadyError, firstLine } from '../../utils/errors';
import { PACKAGE_JSON, PLUGIN_NAME } from '../../core/contracts/versions';
import { defaultPluginEntryOptions } from '../../core/nx/plugin-options';
import { assertSupportedNx } from '../../core/workspace/nx-internals';
import { InitGeneratorSchema } from './schema';

export { PLUGIN_NAME };

type PluginEntry = NonNullable<NxJsonConfiguration['plugins']>[number];

export async function initGenerator(tree: Tree, options: InitGeneratorSchema): Promise<GeneratorCallback> {
  assertKnownGeneratorOptions(options, 'init');
  const nxJson = readNxJsonStrict(tree);
  const changed = registerPlugin(tree, nxJson, options);
  const nx = assertSupportedNx();
  let install: GeneratorCallback = () => undefined;
  if (!options.skipPackageJson) {
    // @nx/devkit is a peer of the plugin: pinned to the workspace's nx, or a package manager may pick a newer major.
    install = addDependenciesToPackageJson(
      tree,
      {},
      { [PLUGIN_NAME]: PACKAGE_JSON.version, '@nx/devkit': nx },
      undefined,
      options.keepExistingVersions ?? true,
    );
  }
  logger.info(
    changed
      ? `@plinto/ready registered in nx.json; what it infers per project follows once nx.json is written.`
      : `@plinto/ready is already registered in nx.json: nothing to change.`,
  );
  if (!options.skipFormat) await formatFiles(tree);
  // After the install, with nx.json on disk: the targets Nx now infers, project by project.
  return runTasksInSerial(install, reportInferred);
}

/** nx.json, or one clear sentence when it is missing or not JSON. */
export function readNxJsonStrict(tree: Tree): NxJsonConfiguration {
  if (!tree.exists('nx.json')) {
    throw new ReadyError('nx.json does not exist: run this in the root of an Nx workspace (or create one with "npx create-nx-workspace").');
  }
  try {
    return readJson<NxJsonConfiguration>(tree, 'nx.json');
  } catch (error) {
    throw new ReadyError(`nx.json is not valid JSON (${firstLine(error)}): fix it, then run the command again.`);
  }
}

function entryName(entry: PluginEntry): string {
  return typeof entry === 'string' ? entry : entry.plugin;
}

/** Adds the plugin entry once; an existing entry, with whatever options the user set, is left alone. */
function registerPlugin(tree: Tree, nxJson: NxJsonConfiguration, options: InitGeneratorSchema): boolean {
  const plugins = nxJson.plugins ?? [];
  if (!Array.isArray(plugins)) {
    throw new ReadyError('nx.json "plugins" is not an array: make it a list of plugin entries, then run the command again.');
  }
  if (plugins.some((entry) => entryName(entry) === PLUGIN_NAME)) return false;
  const entryOptions = defaultPluginEntryOptions();
  if (options.minScore !== undefined) entryOptions.minScore = options.minScore;
  nxJson.plugins = [...plugins, { plugin: PLUGIN_NAME, options: entryOptions as Record<string, unknown> }];
  updateNxJson(tree, nxJson);
  return true;
}

export default initGenerator;
