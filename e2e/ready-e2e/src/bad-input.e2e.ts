/** Bad input: one clear sentence naming the file and the fix, a non-zero exit, nothing written. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP, APP_ROOT, LIB, WS, changesSinceStaged, readWsFile, resetWorkspace, run, sh, writeWsFile, wsFileExists } from './harness';

describe('bad input', () => {
  beforeEach(() => resetWorkspace());
  afterAll(() => resetWorkspace());

  it('a tsconfig that does not parse', () => {
    writeWsFile(`${APP_ROOT}/tsconfig.json`, readWsFile(`${APP_ROOT}/tsconfig.json`).replace(/}\s*$/, ''));
    const r = run(`npx nx run ${APP}:ready --skip-nx-cache --excludeTaskDependencies`);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(
      new RegExp(`${APP_ROOT}/tsconfig\\.json:\\d+:\\d+ is not a valid tsconfig \\(.+\\): fix it, then run the command again\\.`),
    );
    expect(r.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
    expect(wsFileExists(`dist/ready/${APP_ROOT}/ready.json`)).toBe(false);
  });

  it('a project without tsconfig: ready still reports, its TypeScript checks skip and say why', () => {
    rmSync(join(WS, APP_ROOT, 'tsconfig.json'));
    rmSync(join(WS, APP_ROOT, 'tsconfig.spec.json'));
    const r = run(`npx nx run ${APP}:ready --skip-nx-cache --excludeTaskDependencies`);
    expect(r.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
    const report = JSON.parse(readWsFile(`dist/ready/${APP_ROOT}/ready.json`));
    expect(report.checks.find((c: { id: string }) => c.id === 'typescript-strict')).toMatchObject({
      status: 'skip',
      details: [
        {
          message: `No tsconfig in ${APP_ROOT}, although it has TypeScript files: its TypeScript settings cannot be checked. Add a tsconfig.json to the project.`,
        },
      ],
    });
  });

  it('a malformed nx.json: the generator names the file and writes nothing', () => {
    writeWsFile('nx.json', '{ "plugins": [ ');
    sh('git add -A');
    const r = run('npx nx g @plinto/ready:init');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('nx.json');
    expect(r.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(changesSinceStaged()).toBe('');
  });

  it('an option a target or a generator does not know fails in one line naming the closest, and nothing runs or is written', () => {
    const ready = run(`npx nx run ${APP}:ready --updatebaseline --skip-nx-cache --excludeTaskDependencies`);
    expect(ready.code).not.toBe(0);
    expect(ready.output).toContain(
      `Unknown option --updatebaseline (did you mean --updateBaseline?) for "nx run ${APP}:ready": nothing was run.`,
    );
    expect(ready.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(wsFileExists(`${APP_ROOT}/ready-baseline.json`)).toBe(false);
    expect(wsFileExists(`dist/ready/${APP_ROOT}/ready.json`)).toBe(false);
    sh('git add -A');
    const env = run('npx nx g @plinto/ready:env --projet=web');
    expect(env.code).not.toBe(0);
    expect(env.output).toContain('Unknown option --projet (did you mean --project?) for "nx g @plinto/ready:env"');
    expect(env.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(changesSinceStaged()).toBe('');
  });

  it('backup takes the short name as every generator does, and refuses a library in one line', () => {
    sh('git add -A');
    const dry = run('npx nx g @plinto/ready:backup --project=web --bucket=backups --dry-run');
    expect({ code: dry.code, output: dry.code === 0 ? '' : dry.output }).toEqual({ code: 0, output: '' });
    expect(dry.output).toMatch(/CREATE docs\/runbooks\/ws-web-restore\.md/);
    expect(dry.output).toMatch(new RegExp(`UPDATE ${APP_ROOT}/(package|project)\\.json`));
    const lib = run(`npx nx g @plinto/ready:backup --project=${LIB} --bucket=backups`);
    expect(lib.code).not.toBe(0);
    expect(lib.output).toContain(`does not apply to project "${LIB}": it is a library`);
    expect(lib.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(changesSinceStaged()).toBe('');
  });
});
