import { TargetConfiguration } from '@nx/devkit';
import { NormalizedPluginOptions } from './options';
import { ProjectFacts } from './project-facts';

const RESULTS = '{workspaceRoot}/dist/ready/{projectRoot}';

/** The inputs every readiness target shares: the project's files and the configs it extends. */
function projectInputs(facts: ProjectFacts, externalDependencies: string[]) {
  const inputs: TargetConfiguration['inputs'] = [
    '{projectRoot}/**/*',
    ...facts.externalTsConfigs.map((f) => `{workspaceRoot}/${f}`),
  ];
  if (externalDependencies.length > 0) inputs.push({ externalDependencies });
  return inputs;
}

export function buildTargets(facts: ProjectFacts, options: NormalizedPluginOptions): Record<string, TargetConfiguration> {
  const deps = (names: string[]) => facts.externalDependencies.filter((d) => names.includes(d));
  const targets: Record<string, TargetConfiguration> = {};

  targets[options.readyTargetName] = {
    executor: '@plinto/ready:ready',
    cache: true,
    inputs: projectInputs(facts, deps(['typescript', '@plinto/ready'])),
    outputs: [`${RESULTS}/ready.json`, `${RESULTS}/ready.md`],
    options: {
      outputPath: 'dist/ready/{projectRoot}',
      minScore: options.minScore,
      ...(Object.keys(options.weights).length > 0 ? { weights: options.weights } : {}),
    },
    metadata: {
      technologies: ['typescript'],
      description: 'Score the project 0–100 on production readiness and write ready.json / ready.md',
    },
  };

  if (facts.jestConfig) {
    targets[options.coverageGateTargetName] = {
      executor: '@plinto/ready:coverage-gate',
      cache: true,
      inputs: [...projectInputs(facts, deps(['typescript', '@plinto/ready'])), '{workspaceRoot}/jest.preset.js', { externalDependencies: ['jest'] }],
      outputs: [`${RESULTS}/coverage-gate.json`, '{workspaceRoot}/coverage/{projectRoot}'],
      options: {
        jestConfig: `{projectRoot}/${facts.jestConfig}`,
        testTarget: options.testTargetName,
        outputPath: 'dist/ready/{projectRoot}',
        thresholds: {
          lines: options.coverage.lines,
          statements: options.coverage.statements,
          functions: options.coverage.functions,
          branches: options.coverage.branches,
        },
      },
      metadata: {
        technologies: ['jest'],
        description: 'Run the tests with coverage and hold each metric to its threshold',
      },
    };
  }

  if (facts.nextConfig) {
    targets[options.buildProductionTargetName] = {
      executor: '@plinto/ready:build-production',
      cache: true,
      dependsOn: [options.buildTargetName],
      inputs: projectInputs(facts, deps(['typescript', 'next', '@plinto/ready'])),
      outputs: [`${RESULTS}/build-production.json`, `${RESULTS}/build-manifest.json`, `${RESULTS}/deploy.tar.gz`],
      options: {
        outputPath: 'dist/ready/{projectRoot}',
        budgets: { firstLoadJsKb: options.budgets.firstLoadJsKb },
      },
      metadata: {
        technologies: ['next'],
        description: 'After the production build: route budgets, scoped audit, build manifest, deployment package',
      },
    };
  }
  return targets;
}
