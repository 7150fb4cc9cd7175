import { Document, isMap, parse, parseDocument } from 'yaml';
import type { ReadTree } from '../../core/workspace/files';
import { ReadyError } from '../../utils/errors';
import { ciDefinitionFiles, ciRunsReady } from './ci-detect';
import { GENERATED_MARKER, GITHUB_WORKFLOW, GITLAB_CI, GITLAB_INCLUDED } from './files';
import { WorkflowContext, WorkflowContextOptions, workflowContext } from '../../core/workspace/workflow-context';
import { githubJob, githubWorkflow, gitlabCi } from './workflow';

export const CI_PROVIDERS = ['github', 'gitlab'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

export interface CiPlanOptions extends WorkflowContextOptions {
  provider: string;
  /** The job's name in the workflow. */
  job: string;
}

export interface CiPlan {
  writes: Map<string, string>;
  /** What the generator tells the user: what it wrote, what it left alone and why. */
  lines: string[];
}

/**
 * The CI definition to write for the workspace: a new file of the generator's, or its job added to a
 * file the generator wrote before. A file the generator did not write is never changed: the job
 * goes into a new file beside it, and the existing ones are reported.
 */
export function planCi(tree: ReadTree, options: CiPlanOptions): CiPlan {
  if (!(CI_PROVIDERS as readonly string[]).includes(options.provider)) {
    throw new ReadyError(
      `--provider=${options.provider} is not supported yet: the ci generator writes GitHub Actions (--provider=github, the default) or GitLab CI (--provider=gitlab).`,
    );
  }
  const context = workflowContext(tree, options);
  return options.provider === 'gitlab' ? planGitlab(tree, options, context) : planGithub(tree, options, context);
}

function planGithub(tree: ReadTree, options: CiPlanOptions, context: WorkflowContext): CiPlan {
  const lines: string[] = [];
  const workflows = ciDefinitionFiles(tree).filter((f) => f.startsWith('.github/workflows/'));
  const ours = workflows.find((f) => isOurs(tree, f));
  if (ours) return addJob(tree, ours, options.job, githubJob(context, options.job), 'jobs');
  const file = freeName(tree, GITHUB_WORKFLOW);
  const writes = new Map([[file, githubWorkflow(context, options.job)]]);
  lines.push(`  wrote ${file}: ${context.packageManager} (${context.lockfile}), ${describeNode(context)}, job "${options.job}"`);
  lines.push(...otherDefinitions(tree, workflows, options.target));
  return { writes, lines };
}

function planGitlab(tree: ReadTree, options: CiPlanOptions, context: WorkflowContext): CiPlan {
  const rootFile = tree.exists(GITLAB_CI) ? GITLAB_CI : null;
  if (rootFile && isOurs(tree, rootFile)) return addJob(tree, rootFile, options.job, gitlabJob(context, options.job), null);
  if (!rootFile) {
    return {
      writes: new Map([[GITLAB_CI, gitlabCi(context, options.job)]]),
      lines: [`  wrote ${GITLAB_CI}: ${context.packageManager} (${context.lockfile}), ${describeNode(context)}, job "${options.job}"`],
    };
  }
  // The workspace's own .gitlab-ci.yml stays as it is: the job goes into a file it includes.
  if (tree.exists(GITLAB_INCLUDED) && isOurs(tree, GITLAB_INCLUDED)) {
    return addJob(tree, GITLAB_INCLUDED, options.job, gitlabJob(context, options.job), null);
  }
  const file = freeName(tree, GITLAB_INCLUDED);
  let text = gitlabCi(context, options.job);
  const lines = [`  wrote ${file}: ${context.packageManager} (${context.lockfile}), ${describeNode(context)}, job "${options.job}"`];
  // A job runs in the "test" stage unless told otherwise: a pipeline whose stages leave it out needs another.
  const stages = stagesOf(tree.read(rootFile, 'utf-8') ?? '');
  if (stages && !stages.includes('test') && stages.length > 0) {
    const stage = stages[stages.length - 1];
    text = text.replace(`${options.job}:\n`, `${options.job}:\n  stage: ${stage}\n`);
    lines.push(`  the job runs in stage "${stage}" (${GITLAB_CI} has no "test" stage)`);
  }
  const included = (tree.read(rootFile, 'utf-8') ?? '').includes(file);
  lines.push(
    included
      ? `  ${GITLAB_CI} already includes ${file}`
      : `  ${GITLAB_CI} is yours and was left as it is: add to it\n      include:\n        - local: ${file}`,
  );
  lines.push(...otherDefinitions(tree, [rootFile], options.target));
  return { writes: new Map([[file, text]]), lines };
}

/** The job's lines for a GitLab file (top-level key). */
function gitlabJob(context: WorkflowContext, job: string): string[] {
  const text = gitlabCi(context, job);
  return text
    .slice(text.indexOf(`${job}:\n`))
    .trimEnd()
    .split('\n');
}

/** Adds the job to a file the generator wrote before, unless it is there (then nothing changes). */
function addJob(tree: ReadTree, file: string, job: string, jobLines: string[], under: 'jobs' | null): CiPlan {
  const text = tree.read(file, 'utf-8') ?? '';
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ReadyError(`${file} is not valid YAML (${doc.errors[0].message.split('\n')[0]}): fix it, then run the generator again.`);
  }
  const path = under ? [under, job] : [job];
  if (doc.hasIn(path)) return { writes: new Map(), lines: [`  ${file} already has the job "${job}": nothing to change`] };
  const value = (parse(`${jobLines.join('\n')}\n`) as Record<string, unknown>)[job];
  if (under && !isMap(doc.get(under))) doc.set(under, new Document({}).createNode({}));
  doc.setIn(path, doc.createNode(value));
  return {
    writes: new Map([[file, doc.toString({ lineWidth: 0 })]]),
    lines: [`  added the job "${job}" to ${file} (written by this generator before)`],
  };
}

function isOurs(tree: ReadTree, file: string): boolean {
  return (tree.read(file, 'utf-8') ?? '').startsWith(GENERATED_MARKER);
}

/** `file`, or the first of plinto-<name>, <name>-2, … that does not exist. */
function freeName(tree: ReadTree, file: string): string {
  if (!tree.exists(file)) return file;
  const slash = file.lastIndexOf('/');
  const [dir, name] = [file.slice(0, slash + 1), file.slice(slash + 1)];
  const dot = name.indexOf('.');
  const candidates = [`${dir}plinto-${name}`, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${dir}${name.slice(0, dot)}-${n}${name.slice(dot)}`)];
  const free = candidates.find((c) => !tree.exists(c));
  if (!free) throw new ReadyError(`${file} and the names after it are taken: remove one, or rename yours.`);
  return free;
}

/** The CI definitions the generator left alone, and whether each runs ready already. */
function otherDefinitions(tree: ReadTree, files: string[], target: string): string[] {
  if (files.length === 0) return [];
  const running = new Set(ciRunsReady(tree, target).runningReady);
  return [
    `  left as they are: ${files.map((f) => `${f}${running.has(f) ? ` (runs ${target} already: keep one of the two)` : ''}`).join(', ')}`,
  ];
}

function stagesOf(text: string): string[] | null {
  try {
    const stages = (parse(text) as { stages?: unknown })?.stages;
    return Array.isArray(stages) ? stages.map(String) : null;
  } catch {
    return null;
  }
}

function describeNode(context: WorkflowContext): string {
  return 'file' in context.node ? `Node from ${context.node.file}` : `Node ${context.node.version}`;
}
