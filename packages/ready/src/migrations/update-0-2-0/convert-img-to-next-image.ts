// First: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { Tree, formatFiles, getProjects, logger } from '@nx/devkit';
import { convertImages, imagesNotApplicable, renderConversionSummary } from '../../features/images';

/**
 * 0.2.0: the next-image codemod over every Next.js project of the workspace, with the generator's
 * defaults. Idempotent (a converted element is no longer an <img>); a workspace without Next.js
 * projects is left as it is.
 */
export default async function convertImgToNextImage(tree: Tree): Promise<void> {
  const projects = [...getProjects(tree).entries()]
    .filter(([, config]) => config.root !== '.' && imagesNotApplicable(tree, config.root) === null)
    .map(([name, config]) => ({ name, root: config.root }));
  if (projects.length === 0) {
    logger.info('@plinto/ready next-image migration: no Next.js project in this workspace, nothing to do.');
    return;
  }
  const results = projects.map((p) => {
    const result = convertImages(tree, p, { strategy: 'static-import', remotePatterns: true });
    for (const [file, text] of result.writes) tree.write(file, text);
    return result;
  });
  logger.info(renderConversionSummary(results));
  await formatFiles(tree);
}
