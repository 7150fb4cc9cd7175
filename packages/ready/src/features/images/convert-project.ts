import { Tree, joinPathFragments } from '@nx/devkit';
import { treeFiles } from '../../utils/project-files';
import { posix } from 'node:path';
import { SourceFile } from 'ts-morph';
import { addRemotePatterns, readNextConfigImages, NextConfigImages } from '../../codemods/next-config/remote-patterns';
import { createCodemodProject } from '../../codemods/project';
import { nextImageCodemod } from '../../codemods/next-image/transform';
import { runCodemodOnFile } from '../../codemods/run';
import { CodemodChange, CodemodSkip } from '../../codemods/codemod';
import { NEXT_CONFIG_PATTERN } from '../../core/project-facts';

export const IMG_PREFILTER = /<img\b/;
const CANDIDATE = /\.(tsx|jsx|js|mjs)$/;

export interface ProjectConversion {
  project: string;
  filesRead: number;
  filesParsed: number;
  changes: CodemodChange[];
  skips: CodemodSkip[];
  warnings: CodemodSkip[];
  configEdits: string[];
  configNotes: string[];
}

/** The project's next.config.* path in the tree, if any. */
export function nextConfigIn(tree: Tree, projectRoot: string): string | null {
  const name = tree.children(projectRoot).find((n) => NEXT_CONFIG_PATTERN.test(n));
  return name ? joinPathFragments(projectRoot, name) : null;
}

/** Files of a project that could hold JSX, without build output, as the Tree (and .gitignore) sees them. */
export function candidateFiles(tree: Tree, projectRoot: string): string[] {
  // Test files stay in: the codemod reports them as skipped (test-file), and the check lists them.
  return treeFiles(tree, projectRoot, CANDIDATE).filter((path) => !NEXT_CONFIG_PATTERN.test(posix.basename(path)));
}

export function readConfigImages(tree: Tree, configPath: string | null): { state: NextConfigImages | null; source: SourceFile | null } {
  if (!configPath) return { state: null, source: null };
  const source = createCodemodProject().createSourceFile(configPath, tree.read(configPath, 'utf-8') ?? '');
  return { state: readNextConfigImages(source), source };
}

/**
 * Runs the next-image codemod over one project through the Tree: text prefilter, parse only the
 * hits, convert, write back (so --dry-run and Nx's change log work), then allow the remote hosts
 * of what was converted in next.config.*.
 */
export function convertProject(
  tree: Tree,
  project: { name: string; root: string },
  options: { strategy: 'static-import' | 'dimensions'; remotePatterns: boolean },
): ProjectConversion {
  const out: ProjectConversion = { project: project.name, filesRead: 0, filesParsed: 0, changes: [], skips: [], warnings: [], configEdits: [], configNotes: [] };
  const configPath = nextConfigIn(tree, project.root);
  const { state, source: configSource } = readConfigImages(tree, configPath);
  if (state?.usesDomains) out.configNotes.push(`${configPath}: images.domains is deprecated; move its hosts to images.remotePatterns`);
  const canAddHosts = options.remotePatterns && state?.editable === true;
  if (options.remotePatterns && configPath && state && !state.editable) {
    out.configNotes.push(`${configPath}: ${state.reason}; remote images of hosts not yet allowed are left alone`);
  }
  const publicPath = (p: string) => joinPathFragments(project.root, 'public', p);
  const project_ = createCodemodProject();
  const hosts = new Map<string, { protocol: 'http' | 'https'; hostname: string }>();

  for (const file of candidateFiles(tree, project.root)) {
    const text = tree.read(file, 'utf-8') ?? '';
    out.filesRead++;
    if (!IMG_PREFILTER.test(text)) continue;
    out.filesParsed++;
    const { result, warning } = runCodemodOnFile(tree, project_, file, text, (sf) =>
      nextImageCodemod(sf, {
        file,
        projectRoot: project.root,
        strategy: options.strategy,
        publicFileExists: (p) => tree.exists(publicPath(p)),
        readPublicFile: (p) => tree.read(publicPath(p)),
        remoteHostAllowed: (host) => canAddHosts || (state?.allowedHosts.has(host) ?? false),
      }),
    );
    if (warning) out.warnings.push(warning);
    if (!result) continue;
    out.changes.push(...result.changes);
    out.skips.push(...result.skips);
    out.warnings.push(...result.warnings);
    if (result.changed) for (const h of result.remoteHosts) hosts.set(`${h.protocol}://${h.hostname}`, h);
  }

  if (canAddHosts && configSource && configPath && hosts.size > 0) {
    out.configEdits = addRemotePatterns(configSource, [...hosts.values()]).map((h) => `${configPath}: images.remotePatterns += ${h}`);
    if (out.configEdits.length > 0) tree.write(configPath, configSource.getFullText());
  }
  return out;
}
