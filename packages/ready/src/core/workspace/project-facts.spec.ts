import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { findTestRunner } from './project-facts';

describe('findTestRunner: tests are found where they are', () => {
  const runnerOf = (files: Record<string, string | object>) => {
    const tree = createTreeWithEmptyWorkspace();
    for (const [file, content] of Object.entries(files)) tree.write(file, typeof content === 'string' ? content : JSON.stringify(content));
    return findTestRunner(tree, 'apps/web');
  };

  it('reads a config file first, then jest under "jest" in package.json, then the runner the test script calls', () => {
    expect(runnerOf({ 'apps/web/jest.config.ts': 'export default {};' })).toEqual({ runner: 'jest', config: 'jest.config.ts' });
    expect(runnerOf({ 'apps/web/package.json': { jest: { testEnvironment: 'node' }, scripts: { test: 'vitest' } } })).toEqual({
      runner: 'jest',
      config: 'package.json',
    });
    expect(runnerOf({ 'apps/web/package.json': { scripts: { test: 'vitest run' } } })).toEqual({ runner: 'vitest', config: null });
    expect(runnerOf({ 'apps/web/package.json': { scripts: { test: 'next lint && pnpm exec vitest --run' } } })).toEqual({
      runner: 'vitest',
      config: null,
    });
    expect(runnerOf({ 'apps/web/package.json': { scripts: { test: 'jest --passWithNoTests' } } })).toEqual({
      runner: 'jest',
      config: null,
    });
  });

  it('finds none where nothing runs tests: no config, no test script, or a script that runs something else', () => {
    expect(runnerOf({ 'apps/web/package.json': { name: 'web' } })).toBeNull();
    expect(runnerOf({ 'apps/web/package.json': { scripts: { test: 'echo "no tests" && exit 0' } } })).toBeNull();
    expect(
      runnerOf({ 'apps/web/package.json': { scripts: { test: 'playwright test' }, devDependencies: { 'ts-jest': '29' } } }),
    ).toBeNull();
    expect(runnerOf({})).toBeNull();
  });
});
