// The layers of @plinto/ready, enforced (npm run lint): adapters → features → codemods → core → utils.
// Paths are relative to this folder (packages/ready), which is where `depcruise` runs.
const ADAPTERS = '(executors|generators|migrations|plugin)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: break it by moving what both sides need one layer down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'adapter-to-other-adapter',
      severity: 'error',
      comment:
        'Nx adapters (executors, generators, migrations, plugin) import only downward, never each other: move the shared code into features/ or core/.',
      from: { path: `^src/${ADAPTERS}/` },
      to: { path: `^src/${ADAPTERS}/`, pathNot: '^src/$1/' },
    },
    {
      name: 'sibling-executor-or-generator',
      severity: 'error',
      comment: 'An executor, generator or migration never reaches into a sibling: what both need belongs in features/.',
      from: { path: '^src/(executors|generators|migrations)/([^/]+)/' },
      to: { path: '^src/$1/', pathNot: '^src/$1/$2/' },
    },
    {
      name: 'feature-to-adapter',
      severity: 'error',
      comment: 'features/ is under the adapters: it never imports an executor, generator, migration, check or the plugin.',
      from: { path: '^src/features/' },
      to: { path: `^src/(${ADAPTERS.slice(1, -1)}|index\\.ts$)` },
    },
    {
      name: 'codemod-upward',
      severity: 'error',
      comment: 'codemods/ are pure transforms: they import core/ and utils/ only.',
      from: { path: '^src/codemods/' },
      to: { path: `^src/(features|${ADAPTERS.slice(1, -1)}|index\\.ts$)` },
    },
    {
      name: 'core-upward',
      severity: 'error',
      comment: 'core/ holds contracts and project facts: it imports utils/ (and libraries) only.',
      from: { path: '^src/core/' },
      to: { path: `^src/(codemods|features|${ADAPTERS.slice(1, -1)}|index\\.ts$)` },
    },
    {
      name: 'utils-upward',
      severity: 'error',
      comment: 'utils/ are small helpers with no knowledge of the plugin: they import nothing of it.',
      from: { path: '^src/utils/' },
      to: { path: '^src/(?!utils/)' },
    },
    {
      name: 'testing-in-production-code',
      severity: 'error',
      comment: 'testing/ holds spec helpers; shipped code never imports it.',
      from: { path: '^src/', pathNot: '(\\.spec\\.ts$|^src/testing/)' },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(__fixtures__|/files/)' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
