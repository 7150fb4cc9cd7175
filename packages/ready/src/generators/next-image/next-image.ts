// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { Tree, formatFiles, logger } from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { selectProjects } from '../../core/nx/select-projects';
import { ImagesOptions, ProjectConversion, convertImages, imagesNotApplicable, renderConversionSummary } from '../../features/images';
import { safetyNetLines, typeCheckWrites } from '../../features/safety-net/new-type-errors';
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

/**
 * Converts each project and writes, through the Tree (so --dry-run works), every change the
 * type-check safety net lets through; returns the summary lines of what it withheld.
 */
function convertAndWrite(tree: Tree, options: NormalizedSchema): { results: ProjectConversion[]; net: string[] } {
  const net: string[] = [];
  const results = options.projects.map((p) => {
    const result = convertImages(tree, p, options);
    const checked = typeCheckWrites(tree, p.root, result.writes);
    for (const [file, text] of checked.writes) tree.write(file, text);
    net.push(...safetyNetLines(checked));
    return result;
  });
  return { results, net };
}

export async function nextImageGenerator(tree: Tree, options: NextImageGeneratorSchema): Promise<void> {
  assertKnownGeneratorOptions(options, 'next-image');
  const normalized = normalizeOptions(tree, options);
  const { results, net } = convertAndWrite(tree, normalized);
  logger.info([renderConversionSummary(results), ...net].join('\n'));
  if (!normalized.skipFormat) await formatFiles(tree);
}

export default nextImageGenerator;
