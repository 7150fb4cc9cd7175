import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { TempWorkspace } from './testing/temp-workspace';

const PACKAGE = resolve(__dirname, '..');
const DEPCRUISE = resolve(PACKAGE, '../../node_modules/.bin/depcruise');
const CONFIG = resolve(PACKAGE, '.dependency-cruiser.cjs');

/** The rules `npm run lint` enforces, run on a source tree; the names of the rules it breaks. */
function violations(cwd: string): string[] {
  const r = spawnSync(DEPCRUISE, ['--config', CONFIG, '--output-type', 'json', 'src'], { cwd, encoding: 'utf8' });
  const json = JSON.parse(r.stdout) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
  return json.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('layers (adapters → features → codemods → core → utils)', () => {
  it('hold in the package as it is', () => {
    expect(violations(PACKAGE)).toEqual([]);
  });

  it('fail the lint for each kind of import that crosses them', () => {
    const ws = new TempWorkspace();
    try {
      ws.write('src/utils/errors.ts', 'export const e = 1;\n');
      ws.write('src/core/check.ts', "import { f } from '../features/images/images';\nexport const c = f;\n");
      ws.write('src/features/images/images.ts', "import { g } from '../../generators/next-image/next-image';\nexport const f = g;\n");
      ws.write('src/generators/next-image/next-image.ts', "import { x } from '../../executors/ready/executor';\nexport const g = x;\n");
      ws.write('src/generators/env/env.ts', "import { g } from '../next-image/next-image';\nexport const h = g;\n");
      // executor → core closes a cycle: core → features → generators → executors → core.
      ws.write('src/executors/ready/executor.ts', "import { c } from '../../core/check';\nexport const x = c;\n");
      ws.write('src/codemods/a.ts', "import { f } from '../features/images/images';\nexport const a = f;\n");
      ws.write('src/utils/format.ts', "import { c } from '../core/check';\nexport const k = c;\n");
      expect(violations(ws.root)).toEqual([
        'adapter-to-other-adapter: src/generators/next-image/next-image.ts → src/executors/ready/executor.ts',
        'codemod-upward: src/codemods/a.ts → src/features/images/images.ts',
        'core-upward: src/core/check.ts → src/features/images/images.ts',
        'feature-to-adapter: src/features/images/images.ts → src/generators/next-image/next-image.ts',
        // A cycle is reported once, at the edge where dependency-cruiser enters it.
        'no-circular: src/core/check.ts → src/features/images/images.ts',
        'sibling-executor-or-generator: src/generators/env/env.ts → src/generators/next-image/next-image.ts',
        'utils-upward: src/utils/format.ts → src/core/check.ts',
      ]);
    } finally {
      ws.cleanup();
    }
  });

  it('allow a feature into another only through the edges the config names, and keep core/nx for the adapters', () => {
    const ws = new TempWorkspace();
    try {
      ws.write('src/features/build/check.ts', 'export const withoutBuild = 1;\n');
      ws.write('src/features/images/images.ts', 'export const f = 1;\n');
      ws.write('src/core/nx/plugin-options.ts', 'export const o = 1;\n');
      // Named in FEATURE_EDGES: the audit check skips like the build checks.
      ws.write('src/features/audit/check.ts', "import { withoutBuild } from '../build/check';\nexport const a = withoutBuild;\n");
      // Not named: the same import from another file of the audit feature, and an edge nobody declared.
      ws.write('src/features/audit/audit.ts', "import { withoutBuild } from '../build/check';\nexport const b = withoutBuild;\n");
      ws.write('src/features/env/scan.ts', "import { f } from '../images/images';\nexport const e = f;\n");
      ws.write('src/features/images/options.ts', "import { o } from '../../core/nx/plugin-options';\nexport const p = o;\n");
      expect(violations(ws.root)).toEqual([
        'adapter-only-core: src/features/images/options.ts → src/core/nx/plugin-options.ts',
        'feature-sideways: src/features/audit/audit.ts → src/features/build/check.ts',
        'feature-sideways: src/features/env/scan.ts → src/features/images/images.ts',
      ]);
    } finally {
      ws.cleanup();
    }
  });
});
