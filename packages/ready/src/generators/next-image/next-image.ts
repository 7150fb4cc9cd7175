import { Tree, formatFiles, logger } from '@nx/devkit';
import { selectProjects } from '../../core/select-projects';
import { ProjectConversion, convertProject, nextConfigIn } from '../../features/images/convert-project';
import { renderConversionSummary } from '../../features/images/summary';
import { NextImageGeneratorSchema } from './schema';

interface NormalizedSchema {
  projects: Array<{ name: string; root: string }>;
  strategy: 'static-import' | 'dimensions';
  remotePatterns: boolean;
  skipFormat: boolean;
}

/** A Next.js app (next.config.*) or a library that depends on next; null when next-image applies. */
export function nextImageNotApplicable(tree: Tree, root: string): string | null {
  if (nextConfigIn(tree, root)) return null;
  const pkg = `${root}/package.json`;
  if (tree.exists(pkg)) {
    try {
      const json = JSON.parse(tree.read(pkg, 'utf-8')!);
      if (json.dependencies?.next || json.peerDependencies?.next || json.devDependencies?.next) return null;
    } catch {
      return `${pkg} is not valid JSON`;
    }
  }
  return 'it is not a Next.js project (no next.config.* and no dependency on next)';
}

function normalizeOptions(tree: Tree, options: NextImageGeneratorSchema): NormalizedSchema {
  const selected = selectProjects(tree, options, 'next-image', (p) => nextImageNotApplicable(tree, p.config.root));
  return {
    projects: selected.map((p) => ({ name: p.name, root: p.config.root })),
    strategy: options.strategy ?? 'static-import',
    remotePatterns: options.remotePatterns ?? true,
    skipFormat: options.skipFormat ?? false,
  };
}

/** Runs the conversion over the projects; shared by the generator and the Nx migration. */
export function convertProjects(tree: Tree, options: NormalizedSchema): ProjectConversion[] {
  return options.projects.map((p) => convertProject(tree, p, options));
}

export async function nextImageGenerator(tree: Tree, options: NextImageGeneratorSchema): Promise<void> {
  const normalized = normalizeOptions(tree, options);
  const results = convertProjects(tree, normalized);
  logger.info(renderConversionSummary(results));
  if (!normalized.skipFormat) await formatFiles(tree);
}

export default nextImageGenerator;
