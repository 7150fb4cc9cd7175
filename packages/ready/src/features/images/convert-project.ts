import { joinPathFragments } from '@nx/devkit';
import { SourceFile } from 'ts-morph';
import { ReadTree, treeFiles } from '../../core/files';
import { isNextConfigFile, nextConfigPath, packageDependencies } from '../../core/project-facts';
import { CodemodChange, CodemodSkip } from '../../codemods/codemod';
import { NextConfigImages, readNextConfigImages, remotePatternsCodemod } from '../../codemods/next-config/remote-patterns';
import { nextImageCodemod } from '../../codemods/next-image/transform';
import { codemodProjectFor, createCodemodProject } from '../../codemods/project';
import { CodemodMode, runCodemod, tally } from '../../codemods/run';

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

function readConfigImages(tree: ReadTree, configPath: string | null): { state: NextConfigImages | null; source: SourceFile | null } {
  if (!configPath) return { state: null, source: null };
  const source = createCodemodProject().createSourceFile(configPath, tree.read(configPath, 'utf-8') ?? '');
  return { state: readNextConfigImages(source), source };
}

/**
 * The next-image codemod over one project: text prefilter, parse only the hits, then analyse
 * (what the `images` check reports) or convert (what the generator writes), and allow the remote
 * hosts of what was converted in next.config.*. Nothing is written: `writes` holds the new texts.
 */
export function convertImages(
  tree: ReadTree,
  project: { name: string; root: string },
  options: ImagesOptions,
  mode: CodemodMode = 'transform',
): ProjectConversion {
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
  const { state, source: configSource } = readConfigImages(tree, configPath);
  if (state?.usesDomains) out.configNotes.push(`${configPath}: images.domains is deprecated; move its hosts to images.remotePatterns`);
  const canAddHosts = options.remotePatterns && state?.editable === true;
  if (options.remotePatterns && configPath && state && !state.editable) {
    out.configNotes.push(`${configPath}: ${state.reason}; remote images of hosts not yet allowed are left alone`);
  }
  const publicPath = (p: string) => joinPathFragments(project.root, 'public', p);
  const codemodProject = codemodProjectFor(tree);
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
    const run = runCodemod(nextImageCodemod, codemodProject, file, text, context, mode);
    if (tally(out, file, run) && run.result?.changed) for (const h of run.result.remoteHosts) hosts.set(`${h.protocol}://${h.hostname}`, h);
  }
  if (canAddHosts && configSource && configPath && hosts.size > 0) {
    const result = remotePatternsCodemod.transform(configSource, { file: configPath, hosts: [...hosts.values()] });
    out.configEdits = result.changes.map((c) => `${configPath}: ${c.message}`);
    if (result.changed) out.writes.set(configPath, configSource.getFullText());
  }
  return out;
}
