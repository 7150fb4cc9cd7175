import type { ExecutorContext } from '@nx/devkit';

/** The project an executor runs for: its name, as Nx resolved it, and its workspace-relative root. */
export function executorProject(context: ExecutorContext): { name: string; root: string } {
  const name = context.projectName!;
  return { name, root: context.projectsConfigurations.projects[name].root };
}
