import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { COMMENT_MARKER } from './files';
import { CommentClient, commentBody, gitlabComment, upsertGitlabNote, upsertReadyComment } from './pr-comment';

interface Exchange {
  step: string;
  request: { method: string; url: string; body?: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}
const recorded = JSON.parse(readFileSync(join(__dirname, '__fixtures__/github-comment-exchange.json'), 'utf8')) as {
  summaries: { first: string; second: string };
  exchanges: Exchange[];
};

/**
 * The GitHub REST API as the recorded exchange answers it: each request must be the next one
 * recorded (method, URL, JSON body), and gets the recorded answer. No network.
 */
function replay(exchanges: Exchange[], auth: [string, string] = ['authorization', 'token recorded-token']) {
  const seen: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const next = exchanges[seen.length];
    if (!next) throw new Error(`unexpected request after the recorded exchange: ${method} ${url}`);
    seen.push(next.step);
    expect({ step: next.step, method, url }).toEqual({ step: next.step, method: next.request.method, url: next.request.url });
    if (next.request.body !== undefined) expect(JSON.parse(String(init?.body))).toEqual(next.request.body);
    expect(new Headers(init?.headers).get(auth[0])).toBe(auth[1]);
    return new Response(JSON.stringify(next.response.body), { status: next.response.status, headers: next.response.headers });
  };
  return { fetch, seen };
}

/** The client actions/github-script hands a script: @actions/github's Octokit, on the recorded exchange. */
const client = (fetch: unknown) =>
  getOctokit('recorded-token', { baseUrl: 'https://api.github.com', request: { fetch } }) as unknown as CommentClient;
const context = { repo: { owner: 'plinto', repo: 'shop' }, issue: { number: 42 }, payload: { pull_request: { number: 42 } } };

describe('the sticky pull-request comment', () => {
  it('creates the comment on the first push, then updates the same comment (found on a later page) on the next', async () => {
    const { fetch, seen } = replay(recorded.exchanges);
    const github = client(fetch);
    expect(await upsertReadyComment({ github, context, body: recorded.summaries.first })).toEqual({ action: 'created', commentId: 1202 });
    expect(await upsertReadyComment({ github, context, body: recorded.summaries.second })).toEqual({ action: 'updated', commentId: 1202 });
    expect(seen).toEqual(recorded.exchanges.map((e) => e.step));
  });

  it('leaves a comment that already says the same alone, and skips a run that is not a pull request', async () => {
    const same = recorded.exchanges.slice(2, 4);
    const { fetch, seen } = replay(same);
    // Page 2 holds our comment with the first summary: posting the first summary again changes nothing.
    expect(await upsertReadyComment({ github: client(fetch), context, body: recorded.summaries.first })).toEqual({
      action: 'unchanged',
      commentId: 1202,
    });
    expect(seen).toHaveLength(2);
    const push = { repo: context.repo, payload: {} };
    expect(await upsertReadyComment({ github: client(replay([]).fetch), context: push, body: 'x' })).toEqual({
      action: 'skipped',
      commentId: null,
    });
  });

  it('starts with the hidden marker and stays under GitHub’s size limit', () => {
    expect(commentBody('# Readiness\n')).toBe(`${COMMENT_MARKER}\n# Readiness\n`);
    const long = commentBody('x'.repeat(200_000));
    expect(long.length).toBeLessThanOrEqual(65_000);
    expect(long).toContain('cut to fit a GitHub comment');
  });
});

const gitlab = JSON.parse(readFileSync(join(__dirname, '__fixtures__/gitlab-note-exchange.json'), 'utf8')) as typeof recorded;

describe('the sticky merge-request note (GitLab)', () => {
  const mr = { apiUrl: 'https://gitlab.example.com/api/v4', projectId: '42', mergeRequestIid: '7', token: 'glpat-recorded' };

  it('creates the note on the first push, then updates the same note (found on page 2, system notes aside) on the next', async () => {
    const { fetch, seen } = replay(gitlab.exchanges, ['private-token', 'glpat-recorded']);
    expect(await upsertGitlabNote({ ...mr, body: gitlab.summaries.first, fetch: fetch as never })).toEqual({
      action: 'created',
      commentId: 503,
    });
    expect(await upsertGitlabNote({ ...mr, body: gitlab.summaries.second, fetch: fetch as never })).toEqual({
      action: 'updated',
      commentId: 503,
    });
    expect(seen).toEqual(gitlab.exchanges.map((e) => e.step));
  });

  it('says why it posts nothing without a merge request or a token, and never prints the token', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await gitlabComment('summary.md', {})).toEqual({ action: 'skipped', commentId: null });
      const env = { CI_API_V4_URL: mr.apiUrl, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7' };
      expect(await gitlabComment('summary.md', env)).toEqual({ action: 'skipped', commentId: null });
      expect(log.mock.calls.flat().join('\n')).toContain('no READY_GITLAB_TOKEN');
      expect(await gitlabComment(join(__dirname, 'no-such-summary.md'), { ...env, READY_GITLAB_TOKEN: 'glpat-secret' })).toEqual({
        action: 'skipped',
        commentId: null,
      });
      expect(log.mock.calls.flat().join('\n')).not.toContain('glpat-secret');
    } finally {
      log.mockRestore();
    }
  });
});
