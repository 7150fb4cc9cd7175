import { TargetConfiguration } from '@nx/devkit';
import { NormalizedPluginOptions } from '../core/nx/plugin-options';
import { READY_JSON_FILE, READY_MD_FILE } from '../core/contracts/report';
import { RESULTS_OUTPUT_PATH, RESULTS_ROOT, ROOT_PROJECT_FOLDER } from '../core/contracts/results';
import { AUDIT_NOTE_FILE, AUDIT_RESULT_FILE } from '../features/audit/files';
import { BUILD_MANIFEST_FILE, BUILD_PRODUCTION_FILE, BUILD_RUN_FILE, DEPLOY_PACKAGE_FILE } from '../features/build/files';
import { COVERAGE_GATE_FILE, TESTS_FILE } from '../features/coverage/files';
import { SMOKE_FILE, SMOKE_RECORD_FILE } from '../features/smoke/files';
import { ProjectFacts } from './inference-facts';
import type { TestRunnerConfig } from '../core/workspace/project-facts';
import { BASELINE_FILE } from '../features/readiness/baseline';

/**
 * The results folder as a target's `outputPath` option and as its outputs: dist/ready/{projectRoot},
 * or dist/ready/_root for a project at the workspace root (never dist/ready itself, the summary's).
 */
const resultsOption = (facts: ProjectFacts) => (facts.root === '.' ? `${RESULTS_ROOT}/${ROOT_PROJECT_FOLDER}` : RESULTS_OUTPUT_PATH);
const resultsOutput = (facts: ProjectFacts) => `{workspaceRoot}/${resultsOption(facts)}`;

/**
 * The named input every inferred project defines (`readyNamedInputs`): its files less its
 * readiness baseline. `^ready-sources` in place of `^default`: committing a library's baseline
 * must not re-run the tests or the build of every app that depends on it.
 */
export const READY_SOURCES = 'ready-sources';

/** The named inputs every project the plugin infers targets for defines. */
export function readyNamedInputs(): Record<string, string[]> {
  return { [READY_SOURCES]: ['{projectRoot}/**/*', `!{projectRoot}/${BASELINE_FILE}`] };
}

/**
 * The project's files, the configs it extends from outside, and the sources of what it depends on.
 * The readiness baseline is ready's input alone: committing it must not re-run the tests or the build.
 */
function projectInputs(
  facts: ProjectFacts,
  externalDependencies: string[],
  { baseline }: { baseline: boolean },
): NonNullable<TargetConfiguration['inputs']> {
  const inputs: NonNullable<TargetConfiguration['inputs']> = [
    '{projectRoot}/**/*',
    ...(baseline ? [] : [`!{projectRoot}/${BASELINE_FILE}`]),
    `^${READY_SOURCES}`,
    ...facts.externalTsConfigs.map((f) => `{workspaceRoot}/${f}`),
  ];
  if (externalDependencies.length > 0) inputs.push({ externalDependencies });
  return inputs;
}

/**
 * Outputs of ready's dependencies that its checks read: the test run's record and coverage map,
 * and the build manifests, trace and chunks of the Next.js build. Hashing them makes ready's cache
 * exact: a new test or build result reruns ready; the same one replays it.
 */
const READY_DEPENDENCY_OUTPUTS = `**/{${TESTS_FILE},${SMOKE_RECORD_FILE},coverage-final.json,${AUDIT_RESULT_FILE},${BUILD_RUN_FILE},build-manifest.json,app-path-routes-manifest.json,*_client-reference-manifest.js,trace}`;

/** The plugin's targets for one project: `ready` everywhere, the test targets where tests run, the build targets on Next.js apps. */
export function buildTargets(facts: ProjectFacts, options: NormalizedPluginOptions): Record<string, TargetConfiguration> {
  return {
    [options.readyTargetName]: readyTarget(facts, options),
    ...(facts.tests
      ? {
          [options.coverageReportTargetName]: coverageReportTarget(facts, facts.tests, options),
          [options.coverageGateTargetName]: coverageGateTarget(facts, facts.tests, options),
        }
      : {}),
    ...(facts.nextConfig
      ? {
          [options.buildRecordTargetName]: buildRecordTarget(facts, options),
          [options.securityAuditTargetName]: securityAuditTarget(facts),
          [options.buildProductionTargetName]: buildProductionTarget(facts, options),
          [options.smokeTargetName]: smokeTarget(facts, options),
          [options.smokeRecordTargetName]: smokeRecordTarget(facts, options),
        }
      : {}),
  };
}

/** The project's external dependencies among `names` (those the workspace installs). */
const dependenciesOf = (facts: ProjectFacts, names: string[]) => facts.externalDependencies.filter((d) => names.includes(d));

function readyTarget(facts: ProjectFacts, options: NormalizedPluginOptions): TargetConfiguration {
  const runsTests = options.readyRunsTests && facts.tests !== null;
  const runsBuild = options.readyRunsBuild && facts.nextConfig !== null;
  const runsSmoke = options.readyRunsSmoke && facts.nextConfig !== null;
  return {
    executor: '@plinto/ready:ready',
    // The backup check reads the newest restore verification from storage, and judges its age by
    // the clock: no input of Nx's can hash either, so a project with backups is never replayed.
    cache: !facts.backups,
    dependsOn: [
      ...(runsTests ? [options.coverageReportTargetName] : []),
      // Through build-record, not the build itself: a build that fails is reported, not a reason to skip ready.
      ...(runsBuild ? [options.buildRecordTargetName, options.securityAuditTargetName] : []),
      // A recorded smoke run, never the smoke gate: routes that fail are reported, not a reason to skip ready.
      ...(runsSmoke ? [options.smokeRecordTargetName] : []),
    ],
    inputs: [
      ...projectInputs(facts, dependenciesOf(facts, ['typescript', '@plinto/ready', 'eslint']), { baseline: true }),
      ...facts.rootInputs.map((f) => `{workspaceRoot}/${f}`),
      // Changed-lines coverage: the project's diff against NX_BASE as a digest, never NX_BASE itself,
      // so the same change measured from two bases is one cache entry (plugin/base-diff.ts).
      { runtime: facts.baseDiffCommand },
      ...(runsTests || runsBuild || runsSmoke ? [{ dependentTasksOutputFiles: READY_DEPENDENCY_OUTPUTS, transitive: false }] : []),
    ],
    // The baseline too: a replayed `ready --updateBaseline` must restore the baseline it wrote. (It is
    // an input as well, so any other replay restores the very file the hash was taken over.)
    outputs: [`${resultsOutput(facts)}/${READY_JSON_FILE}`, `${resultsOutput(facts)}/${READY_MD_FILE}`, `{projectRoot}/${BASELINE_FILE}`],
    options: {
      outputPath: resultsOption(facts),
      minScore: options.minScore,
      ...(options.minLevel ? { minLevel: options.minLevel } : {}),
      ...(options.levels ? { levels: options.levels } : {}),
      ...(Object.keys(options.weights).length > 0 ? { weights: options.weights } : {}),
      coverage: { ...options.coverage },
      budgets: { firstLoadJsKb: options.budgets.firstLoadJsKb },
      ...(runsBuild ? { buildRecorded: true } : {}),
      ...(runsSmoke ? { smokeRecorded: true } : {}),
      targetNames: {
        ...(options.readyTargetName !== 'ready' ? { ready: options.readyTargetName } : {}),
        test: options.testTargetName,
        build: options.buildTargetName,
        coverageReport: options.coverageReportTargetName,
        buildProduction: options.buildProductionTargetName,
        ...(runsSmoke ? { smoke: options.smokeTargetName, smokeRecord: options.smokeRecordTargetName } : {}),
      },
    },
    metadata: {
      technologies: ['typescript'],
      description: 'Score the project 0–100 on production readiness and write ready.json / ready.md',
    },
  };
}

function coverageReportTarget(facts: ProjectFacts, tests: TestRunnerConfig, options: NormalizedPluginOptions): TargetConfiguration {
  const { runner, config } = tests;
  // jest is listed unconditionally (Nx's own jest setup installs it at the root); Vitest where the root declares it.
  const runnerPackage = runner === 'jest' ? ['jest'] : dependenciesOf(facts, ['vitest']);
  // coverage/{projectRoot}; for the root project a folder of its own, not all of coverage/.
  const coverageDir = facts.root === '.' ? `coverage/${ROOT_PROJECT_FOLDER}` : 'coverage/{projectRoot}';
  // What the tests wait for (nx.json's target defaults, or the project's own), less the project's own
  // build: a build that fails is build-record's to record, never a reason to leave the tests unmeasured
  // (a Turborepo adoption's `test.dependsOn: ["build"]` did that to every app whose build failed).
  const dependsOn = facts.testDependsOn.filter((d) =>
    typeof d === 'string' ? d !== options.buildTargetName : !(d.target === options.buildTargetName && !d.dependencies && !d.projects),
  );
  // Workspace packages the tests import through their build output are built first, even where
  // nothing in nx.json says so (a Turborepo 1.x adoption's): unbuilt, every suite that imports one
  // fails to load, and that is the workspace's set-up, not the project's tests.
  const depsBuild = `^${options.buildTargetName}`;
  const waitsForDepsBuild = dependsOn.some((d) =>
    typeof d === 'string' ? d === depsBuild : d.target === options.buildTargetName && d.dependencies === true,
  );
  if (facts.builtDependencies.length > 0 && !waitsForDepsBuild) dependsOn.push(depsBuild);
  return {
    executor: '@plinto/ready:coverage-report',
    cache: true,
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    inputs: [
      ...projectInputs(facts, dependenciesOf(facts, ['typescript', '@plinto/ready']), { baseline: false }),
      ...(runner === 'jest' ? ['{workspaceRoot}/jest.preset.js'] : []),
      ...(runnerPackage.length > 0 ? [{ externalDependencies: runnerPackage }] : []),
    ],
    outputs: [`{workspaceRoot}/${coverageDir}`, `${resultsOutput(facts)}/${TESTS_FILE}`],
    options: {
      runner,
      ...(config === null
        ? {}
        : runner === 'jest'
          ? { jestConfig: `{projectRoot}/${config}` }
          : { vitestConfig: `{projectRoot}/${config}` }),
      testTarget: options.testTargetName,
      outputPath: resultsOption(facts),
      ...(facts.root === '.' ? { coverageDirectory: coverageDir } : {}),
    },
    metadata: { technologies: [runner], description: 'Run the tests once with coverage, for coverage-gate and ready' },
  };
}

function coverageGateTarget(facts: ProjectFacts, tests: TestRunnerConfig, options: NormalizedPluginOptions): TargetConfiguration {
  return {
    executor: '@plinto/ready:coverage-gate',
    cache: true,
    dependsOn: [options.coverageReportTargetName],
    inputs: [
      '{projectRoot}/**/*',
      `!{projectRoot}/${BASELINE_FILE}`,
      { runtime: facts.baseDiffCommand },
      { dependentTasksOutputFiles: `**/{${TESTS_FILE},coverage-final.json}`, transitive: false },
      ...(dependenciesOf(facts, ['@plinto/ready']).length > 0 ? [{ externalDependencies: ['@plinto/ready'] }] : []),
    ],
    outputs: [`${resultsOutput(facts)}/${COVERAGE_GATE_FILE}`],
    options: {
      outputPath: resultsOption(facts),
      thresholds: {
        lines: options.coverage.lines,
        statements: options.coverage.statements,
        functions: options.coverage.functions,
        branches: options.coverage.branches,
      },
      changedLines: options.coverage.changedLines,
    },
    metadata: {
      technologies: [tests.runner],
      description: 'Hold coverage to thresholds, a ratchet baseline and changed-lines coverage',
    },
  };
}

/**
 * Cached as the build is (its `cache` flag, over its inputs where the project or nx.json's target
 * defaults name them), so an unchanged build that fails is replayed from its record instead of run
 * again; its outputs name the build folder too, so a replay restores what ready measures.
 * `parallelism: false`: no other task runs beside it, so a run that schedules the build as well
 * (`nx run-many -t build,ready`) never has two builds of the app in its .next folder at once; the
 * one that comes second is Nx's cache hit.
 */
function buildRecordTarget(facts: ProjectFacts, options: NormalizedPluginOptions): TargetConfiguration {
  const inputs = facts.build.inputs
    ? [...facts.build.inputs, `!{projectRoot}/${BASELINE_FILE}`]
    : projectInputs(facts, dependenciesOf(facts, ['typescript', 'next']), { baseline: false });
  return {
    executor: '@plinto/ready:build-record',
    cache: facts.build.cache ?? true,
    parallelism: false,
    // Workspace packages the app consumes through their build output are built first (their builds
    // run in this run, not in the nested one), whatever the build's own dependsOn says.
    ...(facts.builtDependencies.length > 0 ? { dependsOn: [`^${options.buildTargetName}`] } : {}),
    inputs,
    outputs: [`${resultsOutput(facts)}/${BUILD_RUN_FILE}`, '{projectRoot}/.next', '{workspaceRoot}/dist/{projectRoot}/.next'],
    options: { buildTarget: options.buildTargetName, outputPath: resultsOption(facts) },
    metadata: {
      technologies: ['next'],
      description: "Run the project's build and record whether it passed, so ready reports a failing build",
    },
  };
}

/**
 * Not cached: advisories appear every day while the lockfile stays the same. No dependency on the
 * build either, so Nx runs it while the build runs.
 */
function securityAuditTarget(facts: ProjectFacts): TargetConfiguration {
  return {
    executor: '@plinto/ready:security-audit',
    cache: false,
    outputs: [`${resultsOutput(facts)}/${AUDIT_RESULT_FILE}`, `${resultsOutput(facts)}/${AUDIT_NOTE_FILE}`],
    options: { outputPath: resultsOption(facts) },
    metadata: {
      technologies: ['next'],
      description: "The package manager's audit, restricted to the project's packages (runs beside the build)",
    },
  };
}

/**
 * smoke: the built app under requests and load. It runs what build-production packed (or the
 * project's build folder), never builds; cached on that output and its own options, so an unchanged
 * app is a cache hit.
 */
function smokeTarget(facts: ProjectFacts, options: NormalizedPluginOptions): TargetConfiguration {
  return {
    executor: '@plinto/ready:smoke',
    cache: true,
    dependsOn: [options.buildProductionTargetName],
    inputs: [
      // The deploy package (its manifest lists every file's hash) and, for next start, the build's id.
      { dependentTasksOutputFiles: `**/{${BUILD_PRODUCTION_FILE},${DEPLOY_PACKAGE_FILE},BUILD_ID}`, transitive: true },
      { externalDependencies: ['@plinto/ready'] },
    ],
    outputs: [`${resultsOutput(facts)}/${SMOKE_FILE}`],
    options: { outputPath: resultsOption(facts) },
    metadata: {
      technologies: ['next'],
      description: 'The built app under requests and load: every route, latency and errors against budgets, security headers',
    },
  };
}

/**
 * smoke-record: what ready's smoke and security-headers checks read (readyRunsSmoke). The same run
 * as smoke, on the build folder build-record leaves (never through build-production, a gate), and
 * it succeeds whatever it finds: ready reports it, and only gates fail. Budgets come from the
 * executor's options, so nx.json targetDefaults["@plinto/ready:smoke"] sets them for both targets.
 */
function smokeRecordTarget(facts: ProjectFacts, options: NormalizedPluginOptions): TargetConfiguration {
  return {
    executor: '@plinto/ready:smoke',
    cache: true,
    dependsOn: [options.buildRecordTargetName],
    inputs: [
      { dependentTasksOutputFiles: `**/{${BUILD_RUN_FILE},BUILD_ID}`, transitive: false },
      { externalDependencies: ['@plinto/ready'] },
    ],
    outputs: [`${resultsOutput(facts)}/${SMOKE_RECORD_FILE}`],
    options: { outputPath: resultsOption(facts), record: true },
    metadata: {
      technologies: ['next'],
      description: "The built app under requests and load, recorded for ready's smoke and security-headers checks (never fails)",
    },
  };
}

/** The commit checked out, or a word where there is no git: never a failing command, which would stop Nx's hashing. */
const GIT_HEAD = 'git rev-parse HEAD || echo no-git';

function buildProductionTarget(facts: ProjectFacts, options: NormalizedPluginOptions): TargetConfiguration {
  return {
    executor: '@plinto/ready:build-production',
    cache: true,
    // Through build-record, as ready: one run that asks for both builds the app once (two builds
    // of one app at a time would share its .next folder), and a failing build is named.
    dependsOn: [options.buildRecordTargetName, options.securityAuditTargetName],
    inputs: [
      ...projectInputs(facts, dependenciesOf(facts, ['typescript', 'next', '@plinto/ready']), { baseline: false }),
      { dependentTasksOutputFiles: `**/{${AUDIT_RESULT_FILE},${BUILD_RUN_FILE}}`, transitive: false },
      // The build manifest names the commit it was packed from: a replay must not name another one
      // (the build itself stays cached on the files; only the packing runs again on a new commit).
      { runtime: GIT_HEAD },
    ],
    outputs: [
      `${resultsOutput(facts)}/${BUILD_PRODUCTION_FILE}`,
      `${resultsOutput(facts)}/${BUILD_MANIFEST_FILE}`,
      `${resultsOutput(facts)}/${DEPLOY_PACKAGE_FILE}`,
    ],
    options: {
      outputPath: resultsOption(facts),
      budgets: { firstLoadJsKb: options.budgets.firstLoadJsKb },
      buildRecorded: true,
    },
    metadata: {
      technologies: ['next'],
      description: 'After the production build: route budgets, scoped audit, build manifest, deployment package',
    },
  };
}
