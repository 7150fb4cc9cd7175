import { readFileSync } from 'node:fs';
import { COMMENT_MARKER } from './files';

/** The part of the Octokit client actions/github-script hands a script (`github`) that the comment uses. */
export interface CommentClient {
  paginate<T>(method: unknown, parameters: Record<string, unknown>): Promise<T[]>;
  rest: {
    issues: {
      listComments: unknown;
      createComment(parameters: { owner: string; repo: string; issue_number: number; body: string }): Promise<{ data: { id: number } }>;
      updateComment(parameters: { owner: string; repo: string; comment_id: number; body: string }): Promise<{ data: { id: number } }>;
    };
  };
}

/** The part of github-script's `context` the comment reads: the repository and the pull request. */
export interface CommentContext {
  repo: { owner: string; repo: string };
  issue?: { number: number };
  payload?: { pull_request?: { number: number } };
}

/** GitHub refuses a comment body over 65,536 characters. */
const MAX_BODY = 65_000;

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  commentId: number | null;
}

/**
 * Keeps one readiness comment on the pull request: the comment that carries the hidden marker is
 * updated with the new summary (left alone when it says the same); without one, a comment is created.
 * What the workflow's github-script step calls, with the client and context it hands a script.
 */
export async function upsertReadyComment(args: {
  github: CommentClient;
  context: CommentContext;
  /** The summary to post (dist/ready/summary.md); or `body`. */
  file?: string;
  body?: string;
}): Promise<UpsertResult> {
  const { github, context } = args;
  const number = context.payload?.pull_request?.number ?? context.issue?.number;
  if (!number) return { action: 'skipped', commentId: null };
  const summary = args.body ?? readFileSync(args.file ?? 'dist/ready/summary.md', 'utf8');
  const body = commentBody(summary);
  const { owner, repo } = context.repo;
  const comments = await github.paginate<{ id: number; body?: string | null }>(github.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  });
  const existing = comments.find((c) => (c.body ?? '').includes(COMMENT_MARKER));
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', commentId: existing.id };
    await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: 'updated', commentId: existing.id };
  }
  const created = await github.rest.issues.createComment({ owner, repo, issue_number: number, body });
  return { action: 'created', commentId: created.data.id };
}

/** The marker, then the summary (cut to GitHub's limit with a line that says so). */
export function commentBody(summary: string): string {
  const head = `${COMMENT_MARKER}\n`;
  if (head.length + summary.length <= MAX_BODY) return head + summary;
  const note = '\n\n… cut to fit a GitHub comment: the whole summary is in the job summary and the ready-report artifact.\n';
  return head + summary.slice(0, MAX_BODY - head.length - note.length) + note;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * The same sticky comment on a GitLab merge request, through GitLab's REST API (notes of the merge
 * request, paged by x-next-page). GitLab's job token cannot write notes: it takes a project access
 * token with the api scope, from a masked CI/CD variable. The token is sent, never printed.
 */
export async function upsertGitlabNote(args: {
  apiUrl: string;
  projectId: string;
  mergeRequestIid: string;
  token: string;
  body: string;
  fetch?: Fetch;
}): Promise<UpsertResult> {
  const call = args.fetch ?? (globalThis.fetch as Fetch);
  const base = `${args.apiUrl.replace(/\/$/, '')}/projects/${encodeURIComponent(args.projectId)}/merge_requests/${args.mergeRequestIid}/notes`;
  const headers = { 'PRIVATE-TOKEN': args.token, 'Content-Type': 'application/json' };
  const body = commentBody(args.body);
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await call(url, { ...init, headers });
    if (!response.ok) throw new Error(`GitLab answered ${response.status} to ${init.method ?? 'GET'} ${url.replace(/\?.*/, '')}`);
    return response;
  };
  let existing: { id: number; body: string } | undefined;
  for (let page: string | null = '1'; page && !existing; ) {
    const response = await request(`${base}?per_page=100&page=${page}`);
    const notes = (await response.json()) as Array<{ id: number; body?: string; system?: boolean }>;
    existing = notes.find((n) => !n.system && (n.body ?? '').includes(COMMENT_MARKER)) as { id: number; body: string } | undefined;
    page = response.headers.get('x-next-page') || null;
  }
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', commentId: existing.id };
    await request(`${base}/${existing.id}`, { method: 'PUT', body: JSON.stringify({ body }) });
    return { action: 'updated', commentId: existing.id };
  }
  const created = (await (await request(base, { method: 'POST', body: JSON.stringify({ body }) })).json()) as { id: number };
  return { action: 'created', commentId: created.id };
}

/**
 * What the GitLab job's after_script runs: the summary as the merge request's sticky note, from
 * GitLab's predefined variables and READY_GITLAB_TOKEN. Says what it did in one line; a missing
 * token or summary is a line too, never a failed job.
 */
export async function gitlabComment(file = 'dist/ready/summary.md', env: NodeJS.ProcessEnv = process.env): Promise<UpsertResult> {
  const [apiUrl, projectId, mergeRequestIid, token] = [
    env.CI_API_V4_URL,
    env.CI_PROJECT_ID,
    env.CI_MERGE_REQUEST_IID,
    env.READY_GITLAB_TOKEN,
  ];
  if (!mergeRequestIid || !apiUrl || !projectId) {
    console.log('@plinto/ready: not a merge request pipeline, no comment');
    return { action: 'skipped', commentId: null };
  }
  if (!token) {
    console.log('@plinto/ready: no READY_GITLAB_TOKEN (a project access token with the api scope, as a masked variable): no comment');
    return { action: 'skipped', commentId: null };
  }
  let summary: string;
  try {
    summary = readFileSync(file, 'utf8');
  } catch {
    console.log(`@plinto/ready: no ${file} (the run measured nothing): no comment`);
    return { action: 'skipped', commentId: null };
  }
  const result = await upsertGitlabNote({ apiUrl, projectId, mergeRequestIid, token, body: summary });
  console.log(`@plinto/ready: merge request note ${result.commentId} ${result.action}`);
  return result;
}
