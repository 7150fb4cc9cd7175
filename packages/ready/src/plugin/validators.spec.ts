import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLUGIN_OPTIONS_SCHEMA, executorSchema, optionProblems, validatorName } from './validate-options';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validatorModules } = require('../../../../tools/validators.cjs') as { validatorModules(): Map<string, string> };

describe('the option validators compiled ahead of time (ajv standalone)', () => {
  const modules = validatorModules();

  it.each([...modules.keys()].map((path) => [path.split('/src/')[1], path]))('%s is what its schema compiles to today', (_name, path) => {
    // A schema changed without `npm run validators`: the graph would check options against the old one.
    expect(readFileSync(path, 'utf8')).toBe(modules.get(path));
  });

  it('has one for the plugin entry and one for each executor', () => {
    const names = [...modules.keys()].map((p) => p.split('/').pop()!.replace(/\.js$/, '')).sort();
    expect(names).toEqual(
      [
        'plugin-options',
        'build-production',
        'build-record',
        'coverage-gate',
        'coverage-report',
        'db-backup',
        'db-restore-verify',
        'ready',
        'security-audit',
        'smoke',
      ].sort(),
    );
    expect(validatorName(PLUGIN_OPTIONS_SCHEMA)).toBe('plugin-options');
    expect(validatorName(executorSchema('coverage-gate'))).toBe('coverage-gate');
    expect(modules.has(join(__dirname, 'validators', 'coverage-gate.js'))).toBe(true);
  });

  it('rejects what the schema rejects and accepts what it accepts', () => {
    expect(optionProblems(executorSchema('ready'), { minScore: 'eighty' })).toEqual([expect.stringContaining('minScore')]);
    expect(optionProblems(executorSchema('ready'), { minScore: 80 })).toEqual([]);
    expect(optionProblems(PLUGIN_OPTIONS_SCHEMA, { readyTargetName: 42 })).toEqual([expect.stringContaining('readyTargetName')]);
  });
});
