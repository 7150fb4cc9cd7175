import { ProjectConfiguration, Tree, getProjects } from '@nx/devkit';
import damerauLevenshtein from 'damerau-levenshtein';
import { ReadyError } from '../../utils/errors';
import { findMatchingProjects } from '../workspace/nx-internals';

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
    const name = resolveProjectName(options.project, projects);
    const config = projects.get(name)!;
    const selected = { name, config };
    const reason = notApplicable(selected);
    if (reason) throw new ReadyError(`"${command}" does not apply to project "${name}": ${reason}.`);
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

/**
 * The project `--project` names, resolved as Nx resolves `nx run <name>:…`: the exact name, else
 * the one project a whole-word match finds (`web` for `@ws/web`). An unknown name gets the near
 * names, a swapped pair of letters (`wbe`) included; an ambiguous one gets the candidates.
 */
export function resolveProjectName(given: string, projects: Map<string, ProjectConfiguration>): string {
  if (projects.has(given)) return given;
  const matches = findMatchingProjects(given, Object.fromEntries(projects));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new ReadyError(
      `"${given}" matches several projects (${[...matches]
        .sort()
        .map((m) => `"${m}"`)
        .join(', ')}): pass one of them with --project.`,
    );
  }
  const near = nearNames(given, [...projects.keys()]);
  throw new ReadyError(
    `Project "${given}" does not exist in this workspace` +
      (near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '') +
      `: run "nx show projects" to list the names, then pass one with --project.`,
  );
}

/** Names within a small edit distance (a transposition counts once), of the full or the unscoped name. */
function nearNames(given: string, names: string[]): string[] {
  const limit = Math.max(1, Math.floor(given.length / 3));
  const distance = (name: string) =>
    Math.min(damerauLevenshtein(given, name).steps, damerauLevenshtein(given, name.replace(/^@[^/]+\//, '')).steps);
  return names
    .map((name) => ({ name, d: distance(name) }))
    .filter(({ name, d }) => d <= limit || name.includes(given))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(({ name }) => name);
}
