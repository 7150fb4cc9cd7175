import { ExecutorContext, logger } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import coverageReportExecutor from './executor';

describe('coverage-report executor', () => {
  let ws: TempWorkspace;
  let errors: jest.SpyInstance;
  beforeEach(() => {
    ws = new TempWorkspace();
    errors = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    errors.mockRestore();
    ws.cleanup();
  });

  it('a missing jest config is one clear error, recorded: the task succeeds so the project is still reported', async () => {
    const context = {
      root: ws.root,
      projectName: 'calc',
      projectsConfigurations: { version: 2, projects: { calc: { root: 'libs/calc' } } },
    } as unknown as ExecutorContext;
    const result = await coverageReportExecutor({ jestConfig: 'libs/calc/jest.config.ts', outputPath: 'dist/ready/libs/calc' }, context);
    expect(result.success).toBe(true);
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining('libs/calc/jest.config.ts does not exist, so project "calc" has no tests to measure'),
    );
    expect(JSON.parse(readFileSync(join(ws.root, 'dist/ready/libs/calc/tests.json'), 'utf8'))).toMatchObject({
      passed: false,
      error: expect.stringContaining('libs/calc/jest.config.ts does not exist'),
    });
  });
});
