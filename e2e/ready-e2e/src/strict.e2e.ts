/** strict on the real workspace: relax the app, add non-strict code, migrate, then tsc, build and test pass. */
import {
  APP,
  APP_ROOT,
  changesSinceStaged,
  commitAll,
  readWsFile,
  readWsJson,
  resetWorkspace,
  run,
  runOk,
  sh,
  writeWsFile,
} from './harness';

const CART = `export class Cart {
  private items: string[];
  private owner: string;

  add(item) {
    this.items.push(item);
    return this.items.length;
  }

  ownerName() {
    return this.owner.toUpperCase();
  }
}

export function priceLabel(price, currency) {
  return \`\${currency.symbol}\${price.toFixed(2)}\`;
}

export function headerTitle(id: string): string {
  const el = document.getElementById(id);
  return el.title;
}
`;
const BADGE = `export function Badge({ user }: { user: { name: string } | null }) {
  return (
    <span
      title={user.name}
    >
      {user.name}
    </span>
  );
}
`;
const PAGE = `import { priceLabel } from '../legacy/cart';
import { Badge } from '../legacy/badge';

export default function CartPage() {
  return (
    <main>
      <h1>Cart</h1>
      <p>{priceLabel(3, { symbol: 'EUR ' })}</p>
      <Badge user={{ name: 'Ada' }} />
    </main>
  );
}
`;

describe('strict', () => {
  const tsconfig = `${APP_ROOT}/tsconfig.json`;
  beforeAll(() => {
    resetWorkspace();
    // The app opts out of the base's strict mode, with a comment the migration must keep.
    writeWsFile(
      tsconfig,
      readWsFile(tsconfig).replace(
        '"compilerOptions": {',
        '"compilerOptions": {\n    // Legacy code: strict comes later.\n    "strict": false,',
      ),
    );
    writeWsFile(`${APP_ROOT}/app/legacy/cart.ts`, CART);
    writeWsFile(`${APP_ROOT}/app/legacy/badge.tsx`, BADGE);
    writeWsFile(`${APP_ROOT}/app/cart/page.tsx`, PAGE);
    commitAll('non-strict legacy code');
  });
  afterAll(() => resetWorkspace());

  it('the relaxed app compiles, and would not compile with strict on', () => {
    runOk(`npx tsc --noEmit -p ${tsconfig}`);
    const strict = run(`npx tsc --noEmit -p ${tsconfig} --strict`);
    expect(strict.code).not.toBe(0);
    for (const code of ['TS7006', 'TS2564', 'TS18047']) expect(strict.output).toContain(code);
  });

  it('--dry-run writes nothing', () => {
    runOk(`npx nx g @plinto/ready:strict --project=${APP} --dry-run`);
    expect(sh('git status --porcelain')).toBe('');
  });

  it('turns strict on, fixes with code fixes, suppresses the rest, and tsc, nx build and nx test pass', () => {
    const r = runOk(`npx nx g @plinto/ready:strict --project=${APP}`);
    expect(r.output).toContain(`${tsconfig}: "strict": true`);
    expect(r.output).toMatch(/fixed by code fixes: [1-9]\d* \(inferFromUsage \d+, addMissingPropertyDefiniteAssignmentAssertions 2\)/);
    expect(r.output).toMatch(/suppressed: 3 \(TS18047 3\)/);
    const config = readWsFile(tsconfig);
    expect(config).toContain('// Legacy code: strict comes later.');
    expect(config).toContain('"strict": true');
    expect(config).not.toContain('"strict": false');
    const cart = readWsFile(`${APP_ROOT}/app/legacy/cart.ts`);
    expect(cart).toContain('private items!: string[];');
    expect(cart).toContain('add(item: string)');
    expect(cart).toContain("  // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.\n  return el.title;");
    const badge = readWsFile(`${APP_ROOT}/app/legacy/badge.tsx`);
    expect(badge).toContain("      // @ts-expect-error plinto-ready(strict) TS18047: 'user' is possibly 'null'.\n      title={user.name}");
    expect(badge).toContain("      {/* @ts-expect-error plinto-ready(strict) TS18047: 'user' is possibly 'null'. */}\n      {user.name}");
    expect(readWsFile(`${APP_ROOT}/app/cart/page.tsx`)).toBe(PAGE);
    runOk(`npx tsc --noEmit -p ${tsconfig}`);
    runOk(`npx nx build ${APP} --skip-nx-cache`);
    expect(readWsFile(`${APP_ROOT}/.next/server/app/cart.html`)).toContain('EUR 3.00');
    runOk(`npx nx test ${APP} --skip-nx-cache`);
    sh('git add -A');
    const again = runOk(`npx nx g @plinto/ready:strict --project=${APP}`);
    expect(again.output).toContain('nothing to change');
    expect(changesSinceStaged()).toBe('');
    commitAll('strict');
  });

  it('the typescript-strict check reports the suppressions as debt, each at its file:line with its error, never pointing back to strict', () => {
    run(`npx nx run ${APP}:ready --checks=typescript-strict --excludeTaskDependencies`);
    const check = readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks[0];
    expect(check).toMatchObject({ id: 'typescript-strict', status: 'warn' });
    expect(check.fix).toContain('each suppression listed in ready.md');
    expect(check.fix).not.toContain('@plinto/ready:strict');
    expect(check.metric.text).toBe('strict on, 3 suppression(s) left');
    const listed = check.details.filter((d: { line?: number }) => d.line);
    expect(listed).toHaveLength(3);
    for (const d of listed) {
      expect(d.message).toMatch(/^suppressed TS\d+: /);
      expect(readWsFile(d.file).split('\n')[d.line - 1]).toContain('@ts-expect-error plinto-ready(strict)');
    }
  });
});
