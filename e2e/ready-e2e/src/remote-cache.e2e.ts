/**
 * Two machines, one remote cache: two checkouts of the sample workspace in different folders, each
 * with its own local Nx cache, share a loopback server implementing Nx's self-hosted cache OpenAPI
 * specification. What the first checkout ran, the second replays from the remote cache, with the
 * same bytes; a change to the library reruns exactly the tasks whose inputs it touched, in both.
 */
import { ChildProcess, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  APP,
  APP_ROOT,
  LIB,
  LIB_ROOT,
  REPO_ROOT,
  TAG_CREATED,
  WS,
  commitAll,
  resetWorkspace,
  runOk,
  sh,
  startServer,
  stopServer,
} from './harness';

const TARGETS = 'ready,coverage-gate,build-production';
const TOKEN = 'e2e-remote-cache-token';
const PORT = 40_000 + (process.pid % 20_000);
const SERVER = `http://127.0.0.1:${PORT}`;

/** What Nx said of each task of a run: ran, or replayed from the local or the remote cache. */
type Status = 'ran' | 'local' | 'remote';
function taskStatuses(output: string): Map<string, Status> {
  const statuses = new Map<string, Status>();
  for (const line of stripVTControlCharacters(output).split('\n')) {
    const m = /^> nx run (\S+:\S+)(?: --\S+)*\s*(\[(local|remote) cache\])?/.exec(line.trim());
    if (!m) continue;
    const status: Status = m[3] === 'remote' ? 'remote' : m[3] === 'local' ? 'local' : 'ran';
    // build-record's nested `nx run <app>:build` prints its own line; the outer run's status wins.
    if (!statuses.has(m[1])) statuses.set(m[1], status);
  }
  return statuses;
}

/** The run's own tasks: the app's build runs nested inside build-record, not as a task of the outer run. */
const outerTasks = (statuses: Map<string, Status>) => new Map([...statuses].filter(([task]) => task !== `${APP}:build`));

const select = (statuses: Map<string, Status>, status: Status) =>
  [...statuses]
    .filter(([, s]) => s === status)
    .map(([t]) => t)
    .sort();

describe('a real remote cache between two checkouts', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ready-remote-'));
  const origin = join(scratch, 'origin.git');
  const checkouts = { a: join(scratch, 'a'), b: join(scratch, 'b') };
  let server: ChildProcess | undefined;
  /** Which targets of which project Nx caches, as the plugin inferred them. */
  let cacheable: (task: string) => boolean;

  const envOf = (dir: string) => ({
    NX_SELF_HOSTED_REMOTE_CACHE_SERVER: SERVER,
    NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: TOKEN,
    // Each checkout its own local cache and workspace data (Nx 23 shares them between checkouts of
    // one repository by default): as on two machines.
    NX_CACHE_DIRECTORY: join(dir, '.nx', 'cache'),
    NX_WORKSPACE_DATA_DIRECTORY: join(dir, '.nx', 'workspace-data'),
  });
  const runIn = (name: keyof typeof checkouts, command: string) => runOk(command, { cwd: checkouts[name], env: envOf(checkouts[name]) });
  let runs = 0;
  const affected = (name: keyof typeof checkouts) => {
    const r = runIn(name, `npx nx affected -t ${TARGETS} --base=${TAG_CREATED} --head=HEAD --output-style=static`);
    writeFileSync(join(scratch, `run-${++runs}-${name}.log`), r.output);
    return r;
  };
  const requests = () =>
    readFileSync(join(scratch, 'cache', 'requests.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { method: string; hash: string; status: number });
  const read = (name: keyof typeof checkouts, path: string) => readFileSync(join(checkouts[name], path));
  /** The summary files, with the time they were written left out. */
  const withoutTimes = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');

  beforeAll(async () => {
    resetWorkspace();
    // The app uses the library, so a change to the library reaches the app's tasks through Nx's graph.
    const web = JSON.parse(readFileSync(join(WS, APP_ROOT, 'package.json'), 'utf8'));
    web.dependencies[LIB] = '*';
    writeFileSync(join(WS, APP_ROOT, 'package.json'), JSON.stringify(web, null, 2) + '\n');
    // The team's committed baselines: ready passes on what it knows, so its results are cached.
    runOk('npx nx run-many -t ready --updateBaseline --output-style=static');
    commitAll('web uses ui; readiness baselines');
    sh(`git clone -q --bare ${WS} ${origin}`);
    for (const dir of Object.values(checkouts)) {
      sh(`git clone -q ${origin} ${dir}`, scratch);
      // The install, shared by hard links (nothing writes into node_modules): what `npm ci` gives.
      sh(`cp -al ${join(WS, 'node_modules')} ${join(dir, 'node_modules')}`);
    }
    mkdirSync(join(scratch, 'cache'));
    server = await startServer(
      `env READY_CACHE_TOKEN=${TOKEN} node ${join(REPO_ROOT, 'e2e/ready-e2e/remote-cache-server.mjs')} ${PORT} ${join(scratch, 'cache')}`,
      scratch,
      `${SERVER}/health`,
    );
    const targets = (project: string) =>
      JSON.parse(runIn('a', `npx nx show project ${project} --json`).stdout).targets as Record<string, { cache?: boolean }>;
    const caches: Record<string, Record<string, { cache?: boolean }>> = { [APP]: targets(APP), [LIB]: targets(LIB) };
    cacheable = (task) => {
      const [project, target] = [task.slice(0, task.lastIndexOf(':')), task.slice(task.lastIndexOf(':') + 1)];
      return caches[project]?.[target]?.cache === true;
    };
  });
  afterAll(() => {
    stopServer(server);
    if (process.env.PLINTO_E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
    resetWorkspace();
  });

  let first: Map<string, Status>;

  it('the first checkout runs every task and uploads every cacheable one', () => {
    runIn('a', 'npx nx reset');
    first = taskStatuses(affected('a').output);
    // The targets asked for and what they depend on: tests, build (through build-record), audit.
    for (const task of [`${APP}:ready`, `${APP}:coverage-report`, `${APP}:build-record`, `${APP}:build`, `${APP}:security-audit`]) {
      expect(first.get(task)).toBe('ran');
    }
    expect(first.get(`${APP}:coverage-gate`)).toBe('ran');
    expect(first.get(`${APP}:build-production`)).toBe('ran');
    expect(first.get(`${LIB}:ready`)).toBe('ran');
    expect(select(first, 'local')).toEqual([]);
    expect(select(first, 'remote')).toEqual([]);
    const uploaded = requests().filter((r) => r.method === 'PUT' && r.status === 200);
    expect(uploaded.length).toBe([...first.keys()].filter(cacheable).length);
  });

  it('the second checkout replays every cacheable task from the remote cache, with the same bytes', () => {
    runIn('b', 'npx nx reset');
    const before = requests().length;
    // The build runs inside build-record (a nested `nx run`): replayed with build-record's own
    // result, it is never a task of its own there, and its line in the replayed output says nothing.
    const second = outerTasks(taskStatuses(affected('b').output));
    const cached = [...outerTasks(first).keys()].filter(cacheable).sort();
    expect(cached).toEqual(
      expect.arrayContaining([`${APP}:ready`, `${APP}:build-record`, `${APP}:coverage-report`, `${APP}:build-production`]),
    );
    expect(select(second, 'remote')).toEqual(cached);
    // What Nx does not cache runs again: the audit (advisories change daily).
    expect(select(second, 'ran')).toEqual([...outerTasks(first).keys()].filter((t) => !cacheable(t)).sort());
    const fetched = requests()
      .slice(before)
      .filter((r) => r.method === 'GET' && r.status === 200);
    expect(fetched.length).toBe(cached.length);

    const results = (root: string) => [
      `dist/ready/${root}/ready.json`,
      `dist/ready/${root}/ready.md`,
      `dist/ready/${root}/coverage-gate.json`,
      `dist/ready/${root}/tests.json`,
      `coverage/${root}/coverage-final.json`,
    ];
    const restored = [
      ...results(APP_ROOT),
      ...results(LIB_ROOT),
      `dist/ready/${APP_ROOT}/build-production.json`,
      `dist/ready/${APP_ROOT}/build-manifest.json`,
      // Written again by build-record in the second checkout, from the replayed build: nothing of the machine in it.
      `dist/ready/${APP_ROOT}/build-run.json`,
      `${APP_ROOT}/.next/build-manifest.json`,
      `${APP_ROOT}/.next/app-path-routes-manifest.json`,
      `${APP_ROOT}/.next/trace`,
    ];
    for (const path of restored) {
      expect({ path, exists: existsSync(join(checkouts.b, path)) }).toEqual({ path, exists: true });
      expect({ path, same: read('a', path).equals(read('b', path)) }).toEqual({ path, same: true });
    }
    // The workspace summary and dashboard are written again from the restored reports; the summary
    // also says where each project's result came from.
    for (const path of ['dist/ready/summary.md', 'dist/ready/index.html']) {
      expect({ path, text: withoutTimes(read('b', path).toString()) }).toEqual({ path, text: withoutTimes(read('a', path).toString()) });
    }
    const summaries = (['a', 'b'] as const).map((c) => JSON.parse(read(c, 'dist/ready/summary.json').toString()));
    expect(summaries[1].projects.map((p: any) => p.taskStatus)).toEqual(['remote-cache', 'remote-cache']);
    const asRun = (s: any) =>
      JSON.parse(withoutTimes(JSON.stringify({ ...s, projects: s.projects.map((p: any) => ({ ...p, taskStatus: null })) })));
    expect(asRun(summaries[1])).toEqual(asRun(summaries[0]));
    expect(read('b', 'dist/ready/summary.md').toString()).toContain(`| ${APP} |`);
  });

  it('a change to the library reruns exactly the tasks whose inputs it touched, in both checkouts', () => {
    const ui = join(checkouts.a, LIB_ROOT, 'src/lib/ui.tsx');
    writeFileSync(ui, readFileSync(ui, 'utf8') + '\n// version 2: a change the tests do not see\n');
    execSync('git commit -qam "ui: a version" && git push -q origin HEAD', {
      cwd: checkouts.a,
      env: { ...process.env, ...envOf(checkouts.a) },
    });
    const touched = runIn('a', 'npx nx show projects --affected --base=HEAD~1 --head=HEAD').stdout.trim().split('\n').sort();
    expect(touched).toEqual([APP, LIB].sort());

    const third = taskStatuses(affected('a').output);
    const rerun = select(outerTasks(third), 'ran').filter(cacheable);
    // Every cacheable task of the library reran, and of the app those that read the library (its build through build-record).
    expect(rerun).toEqual(
      expect.arrayContaining([`${LIB}:coverage-report`, `${LIB}:ready`, `${LIB}:coverage-gate`, `${APP}:build-record`, `${APP}:ready`]),
    );
    expect(third.get(`${APP}:build`)).toBe('ran');
    // What the change does not reach is replayed from this checkout's cache: the app's coverage gate
    // reads a coverage map that the rerun of its tests wrote again byte for byte (no path, no time).
    expect(select(third, 'local')).toContain(`${APP}:coverage-gate`);
    expect(select(third, 'remote')).toEqual([]);

    sh('git pull -q origin main', checkouts.b);
    const fourth = outerTasks(taskStatuses(affected('b').output));
    // The other checkout replays exactly what the first reran from the remote cache, the rest from its own.
    expect(select(fourth, 'remote')).toEqual(rerun);
    expect(select(fourth, 'local')).toEqual(select(third, 'local'));
    for (const path of [
      `dist/ready/${LIB_ROOT}/ready.json`,
      `dist/ready/${APP_ROOT}/ready.json`,
      `coverage/${LIB_ROOT}/coverage-final.json`,
    ]) {
      expect({ path, same: read('a', path).equals(read('b', path)) }).toEqual({ path, same: true });
    }
  });

  it('the same change measured from two bases is one cache entry: the other checkout replays ready and coverage-gate', () => {
    // Checkout a: a change to the app (a comment: no executable line, so the changed-lines rule passes).
    const page = join(checkouts.a, APP_ROOT, 'app/page.tsx');
    const base1 = sh('git rev-parse HEAD', checkouts.a).trim();
    writeFileSync(page, readFileSync(page, 'utf8') + '\n// a note for the next reader\n');
    sh('git commit -qam "web: a note" && git push -q origin HEAD:refs/heads/note', checkouts.a);
    const measure = (name: keyof typeof checkouts, base: string) => {
      const r = runOk(`npx nx run-many -t ready,coverage-gate -p ${APP} --output-style=static`, {
        cwd: checkouts[name],
        env: { ...envOf(checkouts[name]), NX_BASE: base },
      });
      writeFileSync(join(scratch, `run-${++runs}-${name}-base.log`), r.output);
      return taskStatuses(r.output);
    };
    const inA = measure('a', base1);
    expect([inA.get(`${APP}:ready`), inA.get(`${APP}:coverage-gate`)]).toEqual(['ran', 'ran']);
    // Checkout b: another base (a commit outside every project), then the same change on it.
    sh('git fetch -q origin && git checkout -q -b other origin/main', checkouts.b);
    writeFileSync(join(checkouts.b, 'NOTES.txt'), 'not part of any project\n');
    sh('git add NOTES.txt && git commit -qm "notes"', checkouts.b);
    const base2 = sh('git rev-parse HEAD', checkouts.b).trim();
    sh('git cherry-pick origin/note >/dev/null', checkouts.b);
    expect(base2).not.toBe(base1);
    expect(readFileSync(join(checkouts.b, APP_ROOT, 'app/page.tsx'), 'utf8')).toBe(readFileSync(page, 'utf8'));
    const inB = measure('b', base2);
    // NX_BASE differs, the change does not: one cache entry (the app's diff is hashed, not the base's name).
    expect([inB.get(`${APP}:ready`), inB.get(`${APP}:coverage-gate`)]).toEqual(['remote', 'remote']);
  });
});
