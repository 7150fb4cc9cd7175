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
});
