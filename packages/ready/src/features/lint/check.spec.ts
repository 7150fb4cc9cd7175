import { CheckContext, CheckOutcome } from '../../core/contracts/check';
import { TempWorkspace } from '../../testing/temp-workspace';
import { lintCheck } from './check';

describe('lint check', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace().write('apps/web/package.json', { name: 'web' }).write('apps/web/app/page.tsx', 'export default () => null;\n');
  });
  afterEach(() => ws.cleanup());
  const run = (output: string | null, root = 'apps/web') =>
    lintCheck.run({
      workspaceRoot: ws.root,
      projectName: 'web',
      projectRoot: root,
      resultsDir: `dist/ready/${root}`,
      targets: output === null ? {} : { lint: {} },
      runTarget: async () => ({ success: false, output: output ?? '' }),
    } as CheckContext) as Promise<CheckOutcome>;

  it("says why next lint failed when it stopped at its interactive 'How would you like to configure ESLint?', with the fix", async () => {
    const r = await run('? How would you like to configure ESLint? https://nextjs.org/docs/basic-features/eslint\n');
    expect(r.status).toBe('fail');
    expect(r.details[0].message).toMatch(/found no ESLint configuration in apps\/web and asked, interactively/);
    expect(r.fix).toMatch(/^add an ESLint config to apps\/web/);
  });

  it('never fails without a reason: a target that printed nothing says so', async () => {
    expect((await run('')).details).toEqual([{ message: 'nx run web:lint failed and printed nothing' }]);
  });

  it('does not apply to a package with no code to lint; a project with code and no lint target fails', async () => {
    ws.write('packages/tsconfig/package.json', { name: '@repo/typescript-config' }).write('packages/tsconfig/base.json', '{}');
    expect(await run(null, 'packages/tsconfig')).toMatchObject({ status: 'skip', skipped: 'does not apply' });
    expect(await run(null)).toMatchObject({ status: 'fail', metric: { text: 'no lint target' } });
  });
});
