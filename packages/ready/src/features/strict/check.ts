import { defineCheck, CheckDetail, checkTree, skip, projectArg } from '../../core/contracts/check';
import { treeFiles } from '../../core/workspace/files';
import { strictByDefault } from '../../core/workspace/tsconfig';
import { STRICT_SUPPRESSION_TAG } from '../../codemods/strict/tag';

export const typescriptStrictCheck = defineCheck(
  { id: 'typescript-strict', title: 'TypeScript strict mode', defaultWeight: 20 },
  async (context) => {
    // Loaded when the check runs: reading tsconfigs brings the TypeScript compiler.
    const { measureStrictness } = await import('./measure');
    const m = measureStrictness(checkTree(context), context.projectName, context.projectRoot);
    const fix = `nx g @plinto/ready:strict --project=${projectArg(context)}`;
    const details: CheckDetail[] = m.off.map((o) => ({ file: o.file, message: `${o.flag} ${o.why}` }));
    if (!m.installed) {
      details.push({
        message: `typescript is not installed for this project; assumed ${m.version} (strict ${strictByDefault(m.version) ? 'on' : 'off'} by default)`,
      });
    }
    const { suppressions } = m;
    if (suppressions.count > 0) {
      details.push(
        {
          message: `${suppressions.count} "${STRICT_SUPPRESSION_TAG}" suppression(s) left in ${suppressions.files} file(s): strict-mode debt to pay down`,
        },
        ...suppressions.list.map((s) => ({
          file: s.file,
          line: s.line,
          message: `suppressed ${s.code ?? 'error'}${s.message ? `: ${s.message}` : ''}`,
        })),
      );
    }
    if (m.pairs === 0) {
      return skip(
        m.tsconfigs === 0
          ? treeFiles(checkTree(context), context.projectRoot, /\.tsx?$/).length > 0
            ? `No tsconfig in ${context.projectRoot}, although it has TypeScript files: its TypeScript settings cannot be checked. Add a tsconfig.json to the project.`
            : `No tsconfig in ${context.projectRoot}: not a TypeScript project, nothing to check.`
          : 'Every tsconfig of the project is solution-style (compiles no file itself).',
      );
    }
    const offFlags = [...new Set(m.off.map((o) => o.flag))];
    const off = m.off.length;
    // One count for the text, the value and the score: (effective tsconfig, flag) pairs.
    const text =
      off === 0
        ? suppressions.count > 0
          ? `strict on, ${suppressions.count} suppression(s) left`
          : 'strict on'
        : `${off} of ${m.pairs} strict flags off` +
          (m.effectiveConfigs > 1 ? ` across ${m.effectiveConfigs} tsconfigs` : '') +
          (offFlags.length <= 3 ? ` (${offFlags.join(', ')})` : '');
    return {
      status: off > 0 ? 'fail' : suppressions.count > 0 ? 'warn' : 'pass',
      // The share of (tsconfig, flag) pairs that are on; suppressions cost a point each, at most half.
      score: off > 0 ? Math.round((100 * (m.pairs - off)) / m.pairs) : 100 - Math.min(50, suppressions.count),
      metric:
        off > 0 || suppressions.count === 0
          ? { value: off, unit: 'flags off', text }
          : { value: suppressions.count, unit: 'suppressions', text },
      details,
      // Once strict is on, running strict again changes nothing: the step is the listed suppressions.
      fix:
        off > 0
          ? fix
          : suppressions.count > 0
            ? `fix the code under each suppression listed in ready.md (file:line, error code) and delete its "// @ts-expect-error ${STRICT_SUPPRESSION_TAG}" line`
            : null,
      ratchet: {
        'flags off': { value: off, better: 'lower' },
        suppressions: { value: suppressions.count, better: 'lower' },
      },
    };
  },
);
