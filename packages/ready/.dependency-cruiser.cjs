// The layers of @plinto/ready, enforced (npm run lint): adapters → features → codemods → core → utils.
// Paths are relative to this folder (packages/ready), which is where `depcruise` runs.
const ADAPTERS = '(executors|generators|migrations|plugin)';

/**
 * The only imports from one feature into another, each with its reason. Anything else two features
 * share goes down into core/ (as the audit record's type and the workflow context did), or is
 * composed by the adapter that uses both (as the backup generator hands the env scan to the plan).
 */
const FEATURE_EDGES = [
  {
    from: 'audit/check.ts',
    to: 'build/check.ts',
    why: 'security-audit is reported with the build it ships in: it skips like the other build checks when there is no build',
  },
  {
    from: 'smoke/check.ts',
    to: 'build/check.ts',
    why: 'the smoke checks judge the app served from the build: they skip like the other build checks when there is none',
  },
  { from: 'summary/check-data.ts', to: 'build/check.ts', why: 'the dashboard draws bundle-size data: the type that check exports' },
  { from: 'summary/check-data.ts', to: 'coverage/check.ts', why: 'the summary merges coverage data: the type that check exports' },
];
const FEATURES_WITH_EDGES = [...new Set(FEATURE_EDGES.map((e) => e.from))];
const escape = (path) => path.replace(/[.]/g, '\\.');

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
      name: 'feature-sideways',
      severity: 'error',
      comment:
        'A feature imports another feature only through an edge FEATURE_EDGES names with its reason: move what both need into core/, or let the adapter compose them.',
      from: { path: '^src/features/([^/]+)/', pathNot: FEATURES_WITH_EDGES.map((f) => `^src/features/${escape(f)}$`) },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    ...FEATURES_WITH_EDGES.map((from) => ({
      name: 'feature-sideways',
      severity: 'error',
      comment: `${from} imports other features only through: ${FEATURE_EDGES.filter((e) => e.from === from)
        .map((e) => `${e.to} (${e.why})`)
        .join('; ')}.`,
      from: { path: `^src/features/${escape(from)}$` },
      to: {
        path: '^src/features/',
        pathNot: [
          `^src/features/${escape(from.split('/')[0])}/`,
          ...FEATURE_EDGES.filter((e) => e.from === from).map((e) => `^src/features/${escape(e.to)}$`),
        ],
      },
    })),
    {
      name: 'adapter-only-core',
      severity: 'error',
      comment: 'core/nx/ holds what only the Nx adapters use (plugin options, project selection): features and codemods never import it.',
      from: { path: '^src/(features|codemods|core/(contracts|workspace))/' },
      to: { path: '^src/core/nx/' },
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
