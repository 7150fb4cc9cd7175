/** The coverage-gate target on the real Next.js app: thresholds, adding a test, changed lines, cache. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP, APP_ROOT, WS, commitAll, readWsJson, resetWorkspace, run, runOk, writeWsFile } from './harness';

const PRICING = `export function net(price: number, discount: number): number {
  const off = price * discount;
  return price - off;
}

export function gross(price: number, vat: number): number {
  const tax = price * vat;
  return price + tax;
}

export function label(price: number): string {
  const rounded = Math.round(price * 100) / 100;
  return rounded.toFixed(2) + ' EUR';
}

export function free(price: number): boolean {
  const zero = price === 0;
  return zero;
}
`;

const HALF_TEST = `import { net, gross } from '../app/pricing';

describe('pricing', () => {
  it('nets and grosses', () => {
    expect(net(100, 0.1)).toBe(90);
    expect(gross(100, 0.2)).toBe(120);
  });
});
`;

const REST_TEST = `import { label, free } from '../app/pricing';

describe('pricing labels', () => {
  it('labels and spots free items', () => {
    expect(label(1.005)).toBe('1.00 EUR');
    expect(free(0)).toBe(true);
  });
});
`;

describe('coverage-gate', () => {
  beforeAll(() => {
    resetWorkspace();
    // The generated page test covers page.tsx in full; pricing.ts is half tested.
    writeWsFile(`${APP_ROOT}/app/pricing.ts`, PRICING);
    writeWsFile(`${APP_ROOT}/specs/pricing.spec.ts`, HALF_TEST);
    commitAll('pricing, half tested');
  });
  afterAll(() => resetWorkspace());

  const gate = () => readWsJson(`dist/ready/${APP_ROOT}/coverage-gate.json`);

  it('fails an app under 80 %, naming the metric and its numbers, as jest measured them', () => {
    const r = run(`npx nx run ${APP}:coverage-gate --skip-nx-cache`);
    expect(r.code).not.toBe(0);
    const report = gate();
    const summary = readWsJson(`coverage/${APP_ROOT}/coverage-summary.json`).total;
    expect(report.metrics.lines).toMatchObject({
      pct: summary.lines.pct,
      covered: summary.lines.covered,
      total: summary.lines.total,
      verdict: 'fail',
    });
    expect(report.metrics.lines.pct).toBeLessThan(80);
    expect(report.metrics.lines.pct).toBeGreaterThan(40);
    expect(r.output).toContain(`lines: ${report.metrics.lines.note}`);
    expect(report.metrics.lines.note).toMatch(/^[\d.]+ % is [\d.]+ points under 80 %$/);
    expect(report.leastCovered[0].file).toBe(`${APP_ROOT}/app/pricing.ts`);
    expect(r.output).toContain('coverage gate failed');
    expect(r.output).toContain(`nx run ${APP}:coverage-report`);
  });

  it('ready judges the same test run the same way in its coverage check', () => {
    run(`npx nx run ${APP}:ready --checks=coverage,tests`);
    const checks = readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks;
    const coverage = checks.find((c: any) => c.id === 'coverage');
    // Its headline figure is the metric that decided the failure, as the gate measured it.
    const metric = coverage.metric.unit.replace('% ', '') as 'lines' | 'statements' | 'functions' | 'branches';
    expect(coverage).toMatchObject({ status: 'fail', metric: { value: gate().metrics[metric].pct } });
    expect(gate().metrics[metric].verdict).toBe('fail');
    expect(coverage.fix).toContain(`${APP_ROOT}/app/pricing.ts`);
    expect(checks.find((c: any) => c.id === 'tests')).toMatchObject({ status: 'pass' });
  });

  it('adding a test makes it pass, and a second run comes from the cache with its result restored', () => {
    writeWsFile(`${APP_ROOT}/specs/pricing-labels.spec.ts`, REST_TEST);
    commitAll('test the rest of pricing');
    const first = runOk(`npx nx run ${APP}:coverage-gate`);
    expect(first.output).toContain('coverage gate passed');
    const passed = gate();
    expect(passed.status).toBe('pass');
    rmSync(join(WS, 'dist'), { recursive: true, force: true });
    const second = runOk(`npx nx run ${APP}:coverage-gate`);
    expect(second.output).toMatch(/local cache|Nx read the output from the cache/);
    expect(gate()).toEqual(passed);
  });

  it('a change that adds an uncovered line fails the changed-lines rule, with file:line', () => {
    writeWsFile(
      `${APP_ROOT}/app/pricing.ts`,
      PRICING + `\nexport function refund(price: number): number {\n  const back = -price;\n  return back;\n}\n`,
    );
    commitAll('refunds, untested');
    const r = run(`npx nx run ${APP}:coverage-gate --base=HEAD~1 --skip-nx-cache`);
    expect(r.code).not.toBe(0);
    const changed = gate().changedLines;
    expect(changed).toMatchObject({ base: 'HEAD~1', verdict: 'fail' });
    // next/jest's transform maps a statement to the never-called function's first line too.
    expect(changed.uncovered).toEqual([
      { file: `${APP_ROOT}/app/pricing.ts`, line: 21, reason: 'not run by any test' },
      { file: `${APP_ROOT}/app/pricing.ts`, line: 22, reason: 'not run by any test' },
      { file: `${APP_ROOT}/app/pricing.ts`, line: 23, reason: 'not run by any test' },
    ]);
    expect(r.output).toContain(`${APP_ROOT}/app/pricing.ts:21`);
    expect(changed).toMatchObject({ covered: 0, total: 3, pct: 0 });
  });

  it('failing tests are reported as failing tests, not as coverage', () => {
    writeWsFile(`${APP_ROOT}/specs/broken.spec.ts`, "describe('broken', () => { it('fails', () => expect(1).toBe(2)); });\n");
    const r = run(`npx nx run ${APP}:coverage-gate --skip-nx-cache`);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/1 of \d+ test\(s\) failed in apps\/web: fix the failing tests/);
    rmSync(join(WS, APP_ROOT, 'specs/broken.spec.ts'));
  });

  it('an unknown base ref is one clear error', () => {
    const r = run(`npx nx run ${APP}:coverage-gate --base=no-such-branch --skip-nx-cache`);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('The base "no-such-branch" is not a commit in this repository');
  });
});
