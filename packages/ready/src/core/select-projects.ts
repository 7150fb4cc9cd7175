import { ProjectConfiguration, Tree, getProjects } from '@nx/devkit';
import { ReadyError } from '../utils/errors';

export interface ProjectSelectionOptions {
  project?: string;
  all?: boolean;
}

export interface SelectedProject {
  name: string;
  config: ProjectConfiguration;
}

/**
 * Turns `--project=<name>` / `--all` into the projects a generator works on, shared by every
 * generator so they all fail the same clear way. `notApplicable` returns why a project cannot
 * take this generator (e.g. "it has no next.config.*"), or null when it can.
 */
export function selectProjects(
  tree: Tree,
  options: ProjectSelectionOptions,
  generator: string,
  notApplicable: (project: SelectedProject) => string | null = () => null,
): SelectedProject[] {
  const command = `nx g @plinto/ready:${generator}`;
  if (options.project && options.all) {
    throw new ReadyError(`Pass either --project=<name> or --all to "${command}", not both.`);
  }
  if (!options.project && !options.all) {
    throw new ReadyError(`Pass --project=<name> (one project) or --all (every applicable project) to "${command}".`);
  }
  const projects = getProjects(tree);
  if (options.project) {
    const config = projects.get(options.project);
    if (!config) {
      const near = [...projects.keys()].filter(
        (n) => n.includes(options.project!) || options.project!.includes(n.replace(/^@[^/]+\//, '')),
      );
      throw new ReadyError(
        `Project "${options.project}" does not exist in this workspace` +
          (near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '') +
          `: run "nx show projects" to list the names, then pass one with --project.`,
      );
    }
    const selected = { name: options.project, config };
    const reason = notApplicable(selected);
    if (reason) throw new ReadyError(`"${command}" does not apply to project "${options.project}": ${reason}.`);
    return [selected];
  }
  const selected = [...projects.entries()]
    .map(([name, config]) => ({ name, config }))
    .filter((p) => p.config.root !== '.' && p.config.root !== '' && notApplicable(p) === null)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (selected.length === 0) {
    throw new ReadyError(`No project in this workspace is one "${command}" applies to: nothing to do.`);
  }
  return selected;
}
