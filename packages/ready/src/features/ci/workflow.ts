import { PACKAGE_MANAGER_COMMANDS as PM, PackageManagerFlavour } from '../../core/workspace/package-manager';
import type { WorkflowContext } from '../../core/workspace/workflow-context';
import { GENERATED_MARKER } from './files';

/** The command the job runs: the ready target of every project the change affects. */
export function readyCommand(context: WorkflowContext, base?: string, head?: string): string {
  const range = base && head ? ` --base=${base} --head=${head}` : '';
  return `${PM[context.packageManager].exec} affected -t ${context.target}${range} --parallel=${context.parallel} --output-style=static`;
}

const REMOTE_CACHE_GITHUB = [
  '# Remote cache (optional): uncomment one, and add the secret in the repository settings.',
  '# Nx Cloud:',
  '# NX_CLOUD_ACCESS_TOKEN: ${{ secrets.NX_CLOUD_ACCESS_TOKEN }}',
  "# A self-hosted cache server (Nx >= 20.8, Nx's OpenAPI cache specification):",
  '# NX_SELF_HOSTED_REMOTE_CACHE_SERVER: ${{ vars.NX_SELF_HOSTED_REMOTE_CACHE_SERVER }}',
  '# NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: ${{ secrets.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN }}',
];

/** The GitHub Actions job, as the lines under `jobs:` (indented two spaces), so it can be added to a workflow. */
export function githubJob(context: WorkflowContext, jobName: string): string[] {
  const pm = context.packageManager;
  const setupNode = [
    '      - uses: actions/setup-node@v4',
    '        with:',
    'file' in context.node ? `          node-version-file: ${context.node.file}` : `          node-version: ${context.node.version}`,
    ...(pm === 'bun' ? [] : [`          cache: ${pm === 'npm' ? 'npm' : pm === 'pnpm' ? 'pnpm' : 'yarn'}`]),
  ];
  const before: string[] = [];
  if (pm === 'pnpm') {
    before.push(
      '      - uses: pnpm/action-setup@v4',
      ...(context.pnpmVersion ? ['        with:', `          version: ${context.pnpmVersion}`] : []),
    );
  }
  // setup-node's yarn cache asks yarn for its cache folder: berry must be enabled (corepack) first.
  if (pm === 'yarn-berry') before.push('      - run: corepack enable');
  const after: string[] = [];
  if (pm === 'bun') {
    after.push(
      '      - uses: oven-sh/setup-bun@v2',
      '      - uses: actions/cache@v4',
      '        with:',
      '          path: ~/.bun/install/cache',
      `          key: bun-\${{ runner.os }}-\${{ hashFiles('${context.lockfile}') }}`,
    );
  }
  const results = context.resultsRoot;
  return [
    `  ${jobName}:`,
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      # Full history: nx affected compares the change with the last successful run on the branch.',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          fetch-depth: 0',
    ...before,
    ...setupNode,
    ...after,
    `      - run: ${PM[pm].install}`,
    "      # Sets NX_BASE and NX_HEAD: the pull request's base, or the last commit whose workflow passed on the branch.",
    '      - uses: nrwl/nx-set-shas@v4',
    `      # ${context.parallel} tasks at a time: GitHub's standard Linux runner has 2 cores (private repositories) or 4 (public).`,
    `      - name: nx affected -t ${context.target}`,
    `        run: ${readyCommand(context)}`,
    '        env:',
    '          NX_BASE: ${{ env.NX_BASE }}',
    '          NX_HEAD: ${{ env.NX_HEAD }}',
    ...REMOTE_CACHE_GITHUB.map((l) => `          ${l}`),
    '      # One comment per pull request, updated on every push (found by its hidden marker).',
    '      - name: Readiness summary on the pull request',
    `        if: always() && github.event_name == 'pull_request' && hashFiles('${results}/summary.md') != ''`,
    '        # A pull request from a fork gets a read-only token: no comment, and no failed job either.',
    '        continue-on-error: true',
    '        uses: actions/github-script@v7',
    '        with:',
    '          script: |',
    "            const { upsertReadyComment } = require('@plinto/ready/src/ci');",
    `            await upsertReadyComment({ github, context, file: '${results}/summary.md' });`,
    '      - uses: actions/upload-artifact@v4',
    '        if: always()',
    '        with:',
    `          name: ${jobName}-report`,
    `          path: ${results}/`,
    '          if-no-files-found: ignore',
  ];
}

/** A whole GitHub Actions workflow with the ready job. */
export function githubWorkflow(context: WorkflowContext, jobName: string): string {
  return [
    GENERATED_MARKER,
    '# It runs the readiness checks of every project a change affects. Edit it freely: a second run',
    '# of the generator adds its job only when the job is missing, and never rewrites it.',
    'name: ready',
    '',
    'on:',
    '  push:',
    `    branches: [${context.branch}]`,
    '  pull_request:',
    '',
    'permissions:',
    '  contents: read',
    '  # nx-set-shas reads the workflow runs of the branch; the summary comment writes to the pull request.',
    '  actions: read',
    '  pull-requests: write',
    '',
    'concurrency:',
    '  group: ready-${{ github.ref }}',
    '  cancel-in-progress: true',
    '',
    'jobs:',
    ...githubJob(context, jobName),
    '',
  ].join('\n');
}

/** GitLab CI: the ready job, with the install cached by the lockfile. */
export function gitlabCi(context: WorkflowContext, jobName: string): string {
  const pm = context.packageManager;
  const image = 'version' in context.node ? `node:${context.node.version}` : 'node:lts';
  const cachePaths: Record<PackageManagerFlavour, string> = {
    npm: '.npm/',
    pnpm: '.pnpm-store/',
    'yarn-classic': '.yarn-cache/',
    'yarn-berry': '.yarn/cache/',
    bun: '.bun-cache/',
  };
  const setup: Record<PackageManagerFlavour, string[]> = {
    npm: ['npm config set cache .npm --location=project'],
    pnpm: ['corepack enable', 'pnpm config set store-dir .pnpm-store'],
    'yarn-classic': ['yarn config set cache-folder .yarn-cache'],
    'yarn-berry': ['corepack enable'],
    bun: ['npm install -g bun', 'export BUN_INSTALL_CACHE_DIR=.bun-cache'],
  };
  return [
    GENERATED_MARKER,
    '# It runs the readiness checks of every project a merge request affects. Edit it freely: a second',
    '# run of the generator adds its job only when the job is missing, and never rewrites it.',
    `${jobName}:`,
    `  image: ${image}`,
    '  rules:',
    '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
    '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
    '  variables:',
    '    # Full history: nx affected compares the change with its base.',
    '    GIT_DEPTH: 0',
    ...[
      '# Remote cache (optional): uncomment one, and add the token as a masked CI/CD variable.',
      '# NX_CLOUD_ACCESS_TOKEN: $NX_CLOUD_ACCESS_TOKEN',
      "# A self-hosted cache server (Nx >= 20.8, Nx's OpenAPI cache specification):",
      '# NX_SELF_HOSTED_REMOTE_CACHE_SERVER: https://cache.example.com',
      '# NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: $NX_CACHE_TOKEN',
    ].map((l) => `    ${l}`),
    '  cache:',
    '    key:',
    '      files:',
    `        - ${context.lockfile}`,
    '    paths:',
    `      - ${cachePaths[pm]}`,
    '  before_script:',
    ...setup[pm].map((l) => `    - ${l}`),
    `    - ${PM[pm].install}`,
    '  script:',
    "    # The merge request's base, or on the default branch the commit before the push.",
    '    - export NX_HEAD=$CI_COMMIT_SHA',
    '    - export NX_BASE=${CI_MERGE_REQUEST_DIFF_BASE_SHA:-$CI_COMMIT_BEFORE_SHA}',
    '    - if [ -z "$NX_BASE" ] || [ "$NX_BASE" = "0000000000000000000000000000000000000000" ]; then export NX_BASE=HEAD~1; fi',
    `    - ${readyCommand(context, '$NX_BASE', '$NX_HEAD')}`,
    '  after_script:',
    '    # The summary as one merge-request note, updated on every push. It needs READY_GITLAB_TOKEN, a',
    '    # project access token with the api scope, as a masked CI/CD variable (the job token cannot write notes).',
    `    - node -e "require('@plinto/ready/src/ci').gitlabComment('${context.resultsRoot}/summary.md')" || true`,
    '  artifacts:',
    '    when: always',
    '    expose_as: readiness report',
    '    paths:',
    `      - ${context.resultsRoot}/`,
    '',
  ].join('\n');
}
