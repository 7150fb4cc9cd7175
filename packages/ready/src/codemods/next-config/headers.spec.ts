import { join } from 'node:path';
import { CodemodFixtureMeta, describeCodemodFixtures } from '../../testing/codemod-fixtures';
import { HeadersContext, headersCodemod, secureHeaders } from './headers';

interface Meta extends CodemodFixtureMeta {
  csp?: HeadersContext['csp'];
  hstsPreload?: boolean;
  /** Headers the team's headers() sets, kept and reported. */
  kept?: string[];
  poweredByKept?: boolean;
}

describeCodemodFixtures(headersCodemod, join(__dirname, '__fixtures__', 'headers'), {
  context: (meta: Meta) => ({ file: meta.file, csp: meta.csp ?? 'report-only', hstsPreload: meta.hstsPreload ?? false }),
  expectations: (fixture, result, text) => {
    const kept = result.warnings.filter((w) => w.reason === 'kept').map((w) => w.message.split(':')[0]);
    expect(kept).toEqual(fixture.meta.kept ?? []);
    expect(result.warnings.some((w) => w.reason === 'powered-by-kept')).toBe(fixture.meta.poweredByKept ?? false);
    if ((fixture.meta.skips ?? []).length > 0) return;
    // Afterwards every header of the secure set is in the config, as the team's or as added.
    const context = { csp: fixture.meta.csp ?? 'report-only', hstsPreload: fixture.meta.hstsPreload ?? false } as const;
    for (const h of secureHeaders(context)) {
      const name = (fixture.meta.kept ?? []).find((k) => k.replace(/-Report-Only$/, '') === h.key.replace(/-Report-Only$/, '')) ?? h.key;
      expect(text).toContain(`'${name}'`.replace(/'/g, text.includes(`"${name}"`) ? '"' : "'"));
    }
  },
});
