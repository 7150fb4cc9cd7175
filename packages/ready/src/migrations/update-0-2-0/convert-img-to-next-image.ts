import { Tree, formatFiles, getProjects, logger } from '@nx/devkit';
import { convertProjects, nextImageNotApplicable } from '../../generators/next-image/next-image';
import { renderConversionSummary } from '../../features/images/summary';

/**
 * 0.2.0: the next-image codemod over every Next.js project of the workspace, with the generator's
 * defaults. Idempotent (a converted element is no longer an <img>); a workspace without Next.js
 * projects is left as it is.
 */
export default async function convertImgToNextImage(tree: Tree): Promise<void> {
  const projects = [...getProjects(tree).entries()]
    .filter(([, config]) => config.root !== '.' && nextImageNotApplicable(tree, config.root) === null)
    .map(([name, config]) => ({ name, root: config.root }));
  if (projects.length === 0) {
    logger.info('@plinto/ready next-image migration: no Next.js project in this workspace, nothing to do.');
    return;
  }
  const results = convertProjects(tree, { projects, strategy: 'static-import', remotePatterns: true, skipFormat: false });
  logger.info(renderConversionSummary(results));
  await formatFiles(tree);
}
