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
