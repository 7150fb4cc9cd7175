import { joinPathFragments } from '@nx/devkit';
import { ReadTree, treeFiles } from '../../core/workspace/files';
import { isNextConfigFile, nextConfigPath, packageDependencies } from '../../core/workspace/project-facts';
import { CodemodChange, CodemodSkip } from '../../codemods/codemod';
import { parseWithBabel } from '../../codemods/babel';
import { NextConfigImages, readNextConfigImages, remotePatternsCodemod } from '../../codemods/next-config/remote-patterns';
import { nextImageCodemod } from '../../codemods/next-image/transform';
import { ProjectPlanner, runCodemod, tally } from '../../codemods/run';

const CANDIDATE = /\.(tsx|jsx|js|mjs)$/;

export interface ImagesOptions {
  strategy: 'static-import' | 'dimensions';
  remotePatterns: boolean;
}

export interface ProjectConversion {
  project: string;
  filesRead: number;
  filesParsed: number;
  changes: CodemodChange[];
  skips: CodemodSkip[];
  warnings: CodemodSkip[];
  configEdits: string[];
  configNotes: string[];
  /** New text of every file the conversion changed (empty when only analysed). */
  writes: Map<string, string>;
}

/** A Next.js app or a library that depends on next; else why next-image does not apply. */
export function imagesNotApplicable(tree: ReadTree, root: string): string | null {
  if (nextConfigPath(tree, root) || packageDependencies(tree, root).has('next')) return null;
  return 'it is not a Next.js project (no next.config.* and no dependency on next)';
}

/** Files of a project that could hold JSX, without build output, as the Tree (and .gitignore) sees them. */
function candidateFiles(tree: ReadTree, projectRoot: string): string[] {
  // Test files stay in: the codemod reports them as skipped (test-file), and the check lists them.
  return treeFiles(tree, projectRoot, CANDIDATE).filter((path) => !isNextConfigFile(path));
}

/** What next.config.* allows already, and whether it can be edited; null without a config. */
function readConfigImages(tree: ReadTree, configPath: string | null): NextConfigImages | null {
  if (!configPath) return null;
  const parsed = parseWithBabel(configPath, tree.read(configPath, 'utf-8') ?? '');
  if (parsed) return readNextConfigImages(parsed);
  return { editable: false, reason: 'it does not parse', allowedHosts: new Set(), usesDomains: false };
}

/**
 * The next-image codemod over one project: text prefilter, parse only the hits, then analyse
 * (what the `images` check reports) or convert (what the generator writes), and allow the remote
 * hosts of what was converted in next.config.*. Nothing is written: `writes` holds the new texts.
 */
export const convertImages: ProjectPlanner<ImagesOptions, ProjectConversion> = (tree, project, options, mode = 'transform') => {
  const out: ProjectConversion = {
    project: project.name,
    filesRead: 0,
    filesParsed: 0,
    changes: [],
    skips: [],
    warnings: [],
    configEdits: [],
    configNotes: [],
    writes: new Map(),
  };
  const configPath = nextConfigPath(tree, project.root);
  const state = readConfigImages(tree, configPath);
  if (state?.usesDomains) out.configNotes.push(`${configPath}: images.domains is deprecated; move its hosts to images.remotePatterns`);
  const canAddHosts = options.remotePatterns && state?.editable === true;
  if (options.remotePatterns && configPath && state && !state.editable) {
    out.configNotes.push(`${configPath}: ${state.reason}; remote images of hosts not yet allowed are left alone`);
  }
  const publicPath = (p: string) => joinPathFragments(project.root, 'public', p);
  const hosts = new Map<string, { protocol: 'http' | 'https'; hostname: string }>();
  for (const file of candidateFiles(tree, project.root)) {
    const text = tree.read(file, 'utf-8') ?? '';
    out.filesRead++;
    const context = {
      file,
      projectRoot: project.root,
      strategy: options.strategy,
      publicFileExists: (p: string) => tree.exists(publicPath(p)),
      readPublicFile: (p: string) => tree.read(publicPath(p)),
      remoteHostAllowed: (host: string) => canAddHosts || (state?.allowedHosts.has(host) ?? false),
    };
    if (!nextImageCodemod.prefilter(text, context)) continue;
    out.filesParsed++;
    const run = runCodemod(nextImageCodemod, null, file, text, context, mode);
    if (tally(out, file, run) && run.result?.changed) for (const h of run.result.remoteHosts) hosts.set(`${h.protocol}://${h.hostname}`, h);
  }
  if (canAddHosts && configPath && hosts.size > 0) {
    const text = tree.read(configPath, 'utf-8') ?? '';
    const run = runCodemod(remotePatternsCodemod, null, configPath, text, { file: configPath, hosts: [...hosts.values()] });
    if (run.warning) out.configNotes.push(`${configPath}: ${run.warning.message}`);
    out.configEdits = (run.report?.changes ?? []).map((c) => `${configPath}: ${c.message}`);
    if (run.text !== null) out.writes.set(configPath, run.text);
  }
  return out;
};
