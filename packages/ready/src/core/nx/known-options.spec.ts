import { ExecutorContext, logger } from '@nx/devkit';
import { assertKnownGeneratorOptions, closestOption, refuseUnknownOptions, unknownOptionsProblem } from './known-options';

const context = (executor: string, targetName: string) =>
  ({ projectName: 'web', targetName, target: { executor: `@plinto/ready:${executor}` } }) as unknown as ExecutorContext;

describe('unknown options: one line naming the closest known one', () => {
  let error: jest.SpyInstance;
  beforeEach(() => (error = jest.spyOn(logger, 'error').mockImplementation(() => undefined)));
  afterEach(() => error.mockRestore());

  it('finds the option a slip meant: case, a dash, a swapped or missing letter', () => {
    const ready = ['minScore', 'updateBaseline', 'checks', 'outputPath'];
    expect(closestOption('updatebaseline', ready)).toBe('updateBaseline');
    expect(closestOption('update-baseline', ready)).toBe('updateBaseline');
    expect(closestOption('minScroe', ready)).toBe('minScore');
    expect(closestOption('chekcs', ready)).toBe('checks');
    expect(closestOption('colour', ready)).toBeNull();
  });

  it('an executor refuses an option no target of the plugin knows, and ignores one another target of the run takes', () => {
    expect(refuseUnknownOptions({ minScore: 0, updatebaseline: true }, context('ready', 'ready'))).toEqual({ success: false });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(
      /^Unknown option --updatebaseline \(did you mean --updateBaseline\?\) for "nx run web:ready": nothing was run\. Its options: .*--updateBaseline/,
    );
    // `nx run-many -t ready,coverage-gate --minScore=0` gives minScore to coverage-gate too.
    expect(refuseUnknownOptions({ minScore: 0, thresholds: {} }, context('coverage-gate', 'coverage-gate'))).toBeNull();
    // What Nx adds itself, and kebab-case spellings of known names, are not slips.
    expect(refuseUnknownOptions({ _: [], __overrides_unparsed__: [], 'update-baseline': true }, context('ready', 'ready'))).toBeNull();
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('a generator refuses any option it does not list, naming it', () => {
    expect(() => assertKnownGeneratorOptions({ projet: 'web' }, 'env')).toThrow(
      /^Unknown option --projet \(did you mean --project\?\) for "nx g @plinto\/ready:env": nothing was run\./,
    );
    expect(() => assertKnownGeneratorOptions({ project: 'web', skipInstall: true }, 'env')).not.toThrow();
    expect(unknownOptionsProblem({ a: 1, b: 2 }, ['x'], 'cmd')).toBe(
      'Unknown options --a, --b for "cmd": nothing was run. Its options: --x.',
    );
  });
});
