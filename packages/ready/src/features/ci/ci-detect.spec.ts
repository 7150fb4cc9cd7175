import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { ciRunsReady, targetsOf } from './ci-detect';

const github = (run: string) => `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

describe('CI that runs ready', () => {
  const detect = (files: Record<string, string>, target = 'ready') => {
    const tree = createTreeWithEmptyWorkspace();
    for (const [f, t] of Object.entries(files)) tree.write(f, t);
    return ciRunsReady(tree, target);
  };

  it.each([
    'npx nx affected -t ready',
    'npx nx affected -t lint,test,ready --parallel=3',
    'pnpm exec nx affected -t lint test ready',
    'yarn nx affected --targets=build,ready',
    'npx nx affected --target ready --base=origin/main',
    'npx nx run-many -t ready --all',
    'bunx nx run-many --targets lint,ready',
    'node node_modules/.bin/nx affected -t "ready"',
    'npx nx affected \\\n  -t ready',
  ])('recognises %j in a workflow', (command) => {
    const text = command.includes('\n') ? github(`|\n          ${command.replace('\n', '\n          ')}`) : github(command);
    expect(detect({ '.github/workflows/ci.yml': text }).runningReady).toEqual(['.github/workflows/ci.yml']);
  });

  it.each([
    ['another target', github('npx nx affected -t lint,readiness')],
    [
      'a commented-out step',
      'on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n      # - run: npx nx affected -t ready\n',
    ],
    ['a single project run', github('npx nx run web:ready')],
    ['only an echo of the words', github('echo "remember to run nx ready"')],
  ])('does not count %s', (_, text) => {
    expect(detect({ '.github/workflows/ci.yml': text })).toMatchObject({ files: ['.github/workflows/ci.yml'], runsReady: false });
  });

  it('follows a root package.json script, and reads GitLab includes, Jenkinsfiles and a renamed target', () => {
    expect(
      detect({
        '.github/workflows/ci.yml': github('npm run ci:ready'),
        'package.json': JSON.stringify({ scripts: { 'ci:ready': 'nx affected -t ready' } }),
      }).runsReady,
    ).toBe(true);
    expect(
      detect({
        '.gitlab-ci.yml': 'include:\n  - local: .gitlab/ready.yml\n',
        '.gitlab/ready.yml': 'ready:\n  script:\n    - npx nx affected -t ready\n',
      }),
    ).toEqual({
      files: ['.gitlab-ci.yml', '.gitlab/ready.yml'],
      runningReady: ['.gitlab/ready.yml'],
      runsReady: true,
    });
    expect(detect({ Jenkinsfile: "pipeline {\n  // sh 'npx nx affected -t ready'\n}\n" }).runsReady).toBe(false);
    expect(detect({ Jenkinsfile: "pipeline { stages { stage('r') { steps { sh 'npx nx affected -t ready' } } } }\n" }).runsReady).toBe(
      true,
    );
    expect(detect({ '.github/workflows/ci.yml': github('npx nx affected -t readiness') }, 'readiness').runsReady).toBe(true);
  });

  it('reads every spelling of the target list Nx accepts', () => {
    expect(targetsOf(' -t lint,test ready --parallel=3')).toEqual(['lint', 'test', 'ready']);
    expect(targetsOf(' --targets=build,ready --base=main')).toEqual(['build', 'ready']);
    expect(targetsOf(' --target ready')).toEqual(['ready']);
    expect(targetsOf(' --all')).toEqual([]);
  });
});
