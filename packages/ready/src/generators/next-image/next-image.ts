import { Tree, formatFiles, logger } from '@nx/devkit';
import { selectProjects } from '../../core/select-projects';
import { ImagesOptions, ProjectConversion, convertImages, imagesNotApplicable, renderConversionSummary } from '../../features/images';
import { NextImageGeneratorSchema } from './schema';

interface NormalizedSchema extends ImagesOptions {
  projects: Array<{ name: string; root: string }>;
  skipFormat: boolean;
}

function normalizeOptions(tree: Tree, options: NextImageGeneratorSchema): NormalizedSchema {
  const selected = selectProjects(tree, options, 'next-image', (p) => imagesNotApplicable(tree, p.config.root));
  return {
    projects: selected.map((p) => ({ name: p.name, root: p.config.root })),
    strategy: options.strategy ?? 'static-import',
    remotePatterns: options.remotePatterns ?? true,
    skipFormat: options.skipFormat ?? false,
  };
}

/** Converts each project and writes what changed through the Tree (so --dry-run works). */
function convertAndWrite(tree: Tree, options: NormalizedSchema): ProjectConversion[] {
  return options.projects.map((p) => {
    const result = convertImages(tree, p, options);
    for (const [file, text] of result.writes) tree.write(file, text);
    return result;
  });
}

export async function nextImageGenerator(tree: Tree, options: NextImageGeneratorSchema): Promise<void> {
  const normalized = normalizeOptions(tree, options);
  logger.info(renderConversionSummary(convertAndWrite(tree, normalized)));
  if (!normalized.skipFormat) await formatFiles(tree);
}

export default nextImageGenerator;
