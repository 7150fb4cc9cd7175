import { PostTasksExecutionContext } from '@nx/devkit';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempWorkspace } from '../testing/temp-workspace';
import { postTasksExecution } from './post-tasks';
import { ReadyReport } from '../core/contracts/report';
import { CheckResult } from '../core/contracts/check';

const check = (id: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  title: id,
  status,
  score: status === 'pass' ? 100 : 0,
  weight: 10,
  metric: null,
  details: [],
  fix: status === 'pass' ? null : `fix ${id}`,
  ...extra,
});

function report(project: string, projectRoot: string, checks: CheckResult[], score: number, status: 'pass' | 'fail'): ReadyReport {
  return {
    schemaVersion: 1,
    project,
    projectRoot,
    score,
    minScore: 80,
    level: status === 'pass' ? 'silver' : null,
    minLevel: null,
    status,
    failures: status === 'pass' ? [] : [`score ${score} is under the minimum of 80`],
    verdict: {
      headline: status === 'pass' ? 'ready' : `not ready: score ${score} is under the minimum of 80`,
      decidedBy: 'checks',
      baseline: null,
      failing: [],
      worse: [],
      better: [],
    },
    applies: checks.length,
    nextLevel: null,
    generatedAt: '2026-01-01T00:00:00.000Z',
    generator: { name: '@plinto/ready', version: '0.0.0' },
    checks,
  };
}

const task = (project: string, projectRoot: string, target = 'ready', status = 'success') => ({
  task: { id: `${project}:${target}`, target: { project, target }, projectRoot, overrides: {}, outputs: [], parallelism: true },
  status,
  code: 0,
});

describe('workspace summary (postTasksExecution)', () => {
  let ws: TempWorkspace;
  const stepSummary = () => join(ws.root, 'step-summary.md');
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write(
      'coverage/apps/web/coverage-final.json',
      readFileSync(join(__dirname, '../features/coverage/__fixtures__/coverage-final.json'), 'utf8'),
    );
    ws.write(
      'dist/ready/apps/web/ready.json',
      report(
        '@ws/web',
        'apps/web',
        [
          check('images', 'fail'),
          check('coverage', 'warn', {
            data: { metrics: { lines: { pct: 66.66, threshold: 80 } }, coverageFinal: 'coverage/apps/web/coverage-final.json' },
          }),
          check('bundle-size', 'pass', {
            data: {
              routes: [
                { route: '/', gzip: 120_000, budgetKb: 200 },
                { route: '/charts', gzip: 260_000, budgetKb: 200 },
              ],
            },
          }),
        ],
        62,
        'fail',
      ),
    );
    ws.write(
      'dist/ready/libs/ui/ready.json',
      report('@ws/ui', 'libs/ui', [check('images', 'skip', { fix: null }), check('lint', 'pass')], 100, 'pass'),
    );
    writeFileSync(stepSummary(), '# earlier step\n');
    process.env.GITHUB_STEP_SUMMARY = stepSummary();
  });
  afterEach(() => {
    delete process.env.GITHUB_STEP_SUMMARY;
    ws.cleanup();
  });

  const context = (tasks: ReturnType<typeof task>[]) =>
    ({
      id: 'x',
      workspaceRoot: ws.root,
      nxJsonConfiguration: {},
      argv: [],
      startTime: 0,
      endTime: 1,
      taskResults: Object.fromEntries(tasks.map((t) => [t.task.id, t])),
    }) as unknown as PostTasksExecutionContext;

  it('rolls the ready.json of the run into summary.json, summary.md and index.html, and appends to GITHUB_STEP_SUMMARY', async () => {
    await postTasksExecution(
      {},
      context([
        task('@ws/web', 'apps/web', 'ready', 'failure'),
        task('@ws/ui', 'libs/ui', 'ready', 'local-cache'),
        task('@ws/web', 'apps/web', 'build'),
      ]),
    );
    const summary = JSON.parse(readFileSync(join(ws.root, 'dist/ready/summary.json'), 'utf8'));
    expect(
      summary.projects.map((p: { project: string; score: number; status: string; taskStatus: string }) => [
        p.project,
        p.score,
        p.status,
        p.taskStatus,
      ]),
    ).toEqual([
      ['@ws/ui', 100, 'pass', 'local-cache'],
      ['@ws/web', 62, 'fail', 'failure'],
    ]);
    expect(summary.checkIds).toEqual(['images', 'coverage', 'bundle-size', 'lint']);
    // The workspace coverage figure merges each project's istanbul map.
    expect(summary.coverage).toEqual({ lines: 66.66, statements: 66.66, functions: 50, branches: 50, projects: 1 });
    const md = readFileSync(join(ws.root, 'dist/ready/summary.md'), 'utf8');
    expect(md).toContain('| project | score | level | status | images | coverage | bundle-size | lint |');
    expect(md).toContain('| @ws/web | 62 | – | fail | ❌ | ⚠️ | ✅ |  |');
    // A step is words; a command would be in backticks.
    expect(md).toContain('- fix images');
    expect(readFileSync(stepSummary(), 'utf8')).toBe('# earlier step\n' + md);
    const html = readFileSync(join(ws.root, 'dist/ready/index.html'), 'utf8');
    expect(html).toContain('<table id="check-matrix">');
    expect(html).toContain('<li><strong>@ws/web</strong>: <span class="headline">not ready: score 62 is under the minimum of 80</span>');
    expect(html).toContain('<tr data-project="@ws/web"><th scope="row">@ws/web</th><td class="score">62</td>');
    expect(html).toMatch(/<figure class="chart" id="routes-@ws\/web">/);
    expect(html).toMatch(/<g class="bar over" data-label="\/charts" data-value="260" data-limit="200">/);
    expect(html).toMatch(/<figure class="chart" id="coverage-@ws\/web">/);
    // Coverage under its threshold is the bad side; a route under its budget is the good side.
    expect(html).toContain('<g class="bar over" data-label="lines" data-value="66.66" data-limit="80">');
    expect(html).toContain('<g class="bar" data-label="/" data-value="120" data-limit="200">');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // self-contained: no script, no network
  });

  it('a run of one project keeps the others from the last summary (stale once they changed), and every project keeps its history', async () => {
    execFileSync('git', ['init', '-q'], { cwd: ws.root });
    ws.write('libs/ui/src/index.ts', 'export const a = 1;\n');
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], { cwd: ws.root });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'one', '--date=2025-12-31T00:00:00Z'], {
      cwd: ws.root,
      env: { ...process.env, GIT_COMMITTER_DATE: '2025-12-31T00:00:00Z' },
    });
    await postTasksExecution({}, context([task('@ws/web', 'apps/web'), task('@ws/ui', 'libs/ui')]));
    // A later run of the app alone, with a new result; then the same result replayed from the cache.
    const later = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    ws.write('dist/ready/apps/web/ready.json', { ...later, score: 71, generatedAt: '2026-01-02T00:00:00.000Z' });
    await postTasksExecution({}, context([task('@ws/web', 'apps/web')]));
    await postTasksExecution({}, context([task('@ws/web', 'apps/web', 'ready', 'local-cache')]));
    const summary = JSON.parse(readFileSync(join(ws.root, 'dist/ready/summary.json'), 'utf8'));
    expect(summary.projects.map((p: { project: string }) => p.project)).toEqual(['@ws/web']);
    expect(summary.earlier).toEqual([
      {
        project: '@ws/ui',
        projectRoot: 'libs/ui',
        score: 100,
        level: 'silver',
        status: 'earlier',
        measuredAt: '2026-01-01T00:00:00.000Z',
        headline: 'ready',
      },
    ]);
    expect(summary.history['@ws/web'].map((h: { score: number }) => h.score)).toEqual([62, 71]);
    expect(summary.history['@ws/ui'].map((h: { score: number }) => h.score)).toEqual([100]);
    const html = readFileSync(join(ws.root, 'dist/ready/index.html'), 'utf8');
    expect(html).toContain('<td class="history">62 → 71</td>');
    expect(html).toMatch(/<table id="earlier">[\s\S]*<tr data-project="@ws\/ui">[\s\S]*<td class="status earlier">earlier<\/td>/);
    expect(html).toMatch(
      /<table id="levels">[\s\S]*<th scope="row" class="level level-silver">silver<\/th><td>lint, coverage, images, env, security-headers<\/td>/,
    );
    const md = readFileSync(join(ws.root, 'dist/ready/summary.md'), 'utf8');
    expect(md).toContain('Score before → now: @ws/web 62 → 71.');
    expect(md).toContain('Not in this run (their last report): @ws/ui 100 (silver, unchanged since 2026-01-01 00:00 UTC).');
    // An edit to the library after its report: its last result is stale now.
    ws.write('libs/ui/src/index.ts', 'export const a = 2;\n');
    await postTasksExecution({}, context([task('@ws/web', 'apps/web', 'ready', 'local-cache')]));
    expect(JSON.parse(readFileSync(join(ws.root, 'dist/ready/summary.json'), 'utf8')).earlier[0].status).toBe('stale');
  });

  it('does nothing after a run without ready tasks', async () => {
    await postTasksExecution({}, context([task('@ws/web', 'apps/web', 'build')]));
    expect(() => readFileSync(join(ws.root, 'dist/ready/summary.json'))).toThrow();
    expect(readFileSync(stepSummary(), 'utf8')).toBe('# earlier step\n');
  });

  it('marks a project this run did not measure: stale with the time of its old result, or not measured, naming the task that failed first', async () => {
    // An earlier run's report of the same project: it says nothing about this run.
    ws.write('dist/ready/apps/admin/ready.json', report('@ws/admin', 'apps/admin', [check('tests', 'pass')], 100, 'pass'));
    await postTasksExecution(
      { readyTargetName: 'ready' },
      context([
        task('@ws/web', 'apps/web', 'ready', 'local-cache'),
        task('@ws/admin', 'apps/admin', 'coverage-report', 'failure'),
        task('@ws/admin', 'apps/admin', 'ready', 'skipped'),
        task('@ws/docs', 'apps/docs', 'ready', 'stopped'),
        // Skipped over a workspace package's build that failed: none of its own tasks failed.
        task('@ws/ui', 'libs/ui', 'build', 'failure'),
        task('@ws/shop', 'apps/shop', 'ready', 'skipped'),
      ]),
    );
    const summary = JSON.parse(readFileSync(join(ws.root, 'dist/ready/summary.json'), 'utf8'));
    expect(summary.projects).toEqual([
      expect.objectContaining({
        project: '@ws/admin',
        status: 'stale',
        score: 100,
        measuredAt: '2026-01-01T00:00:00.000Z',
        failures: [
          'not measured in this run: @ws/admin:coverage-report failed first (run it to see why); the result shown is stale, measured 2026-01-01 00:00 UTC',
        ],
      }),
      expect.objectContaining({
        project: '@ws/docs',
        status: 'not measured',
        score: null,
        checks: {},
        failures: ['not measured in this run: the ready task wrote no report (stopped)'],
      }),
      expect.objectContaining({
        project: '@ws/shop',
        status: 'not measured',
        failures: ['not measured in this run: @ws/admin:coverage-report, @ws/ui:build failed first (run it to see why)'],
      }),
      expect.objectContaining({ project: '@ws/web', status: 'fail', measuredAt: null }),
    ]);
    const md = readFileSync(join(ws.root, 'dist/ready/summary.md'), 'utf8');
    expect(md).toContain('| @ws/admin | 100 | silver | stale (2026-01-01 00:00 UTC) |');
    expect(md).toContain('**@ws/admin**: not measured in this run: @ws/admin:coverage-report failed first');
    expect(readFileSync(join(ws.root, 'dist/ready/index.html'), 'utf8')).toContain('<td class="status stale">stale</td>');
  });

  it('a ready task that failed before writing (bad options) leaves an older report stale, and a run that measured nothing writes nothing', async () => {
    const runStart = Date.parse('2026-06-01T00:00:00Z');
    ws.write('dist/ready/summary.md', '# the last good summary\n').write('dist/ready/index.html', '<p>last good</p>');
    const failedEarly = { ...context([task('@ws/web', 'apps/web', 'ready', 'failure')]), startTime: runStart } as PostTasksExecutionContext;
    await postTasksExecution({}, failedEarly);
    expect(readFileSync(join(ws.root, 'dist/ready/summary.md'), 'utf8')).toBe('# the last good summary\n');
    expect(readFileSync(join(ws.root, 'dist/ready/index.html'), 'utf8')).toBe('<p>last good</p>');
    expect(readFileSync(stepSummary(), 'utf8')).toBe('# earlier step\n');
    // With one project measured now, the other is shown stale, never as this run's.
    ws.write('dist/ready/libs/ui/ready.json', {
      ...report('@ws/ui', 'libs/ui', [check('lint', 'pass')], 100, 'pass'),
      generatedAt: '2026-06-01T00:00:05.000Z',
    });
    await postTasksExecution({}, {
      ...context([task('@ws/web', 'apps/web', 'ready', 'failure'), task('@ws/ui', 'libs/ui', 'ready', 'success')]),
      startTime: runStart,
    } as PostTasksExecutionContext);
    const summary = JSON.parse(readFileSync(join(ws.root, 'dist/ready/summary.json'), 'utf8'));
    expect(summary.projects.map((p: { project: string; status: string }) => [p.project, p.status])).toEqual([
      ['@ws/ui', 'pass'],
      ['@ws/web', 'stale'],
    ]);
    expect(readFileSync(stepSummary(), 'utf8')).toContain('stale (2026-01-01 00:00 UTC)');
  });
});
