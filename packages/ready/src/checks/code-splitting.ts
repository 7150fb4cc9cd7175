import { FsTree } from '@nx/devkit/internal';
import { frameworkOf, splitProject } from '../generators/dynamic-import/dynamic-import';
import { Check } from '../core/check';

/**
 * Static imports of heavy client libraries that `nx g @plinto/ready:dynamic-import` could split
 * out of the first load: the generator's own conversion on a tree that is never written back.
 */
export const codeSplittingCheck: Check = {
  id: 'code-splitting',
  title: 'Heavy components split out of the first load',
  defaultWeight: 10,
  run(context) {
    const tree = new FsTree(context.workspaceRoot, false);
    const framework = frameworkOf(tree, context.projectRoot);
    if (framework !== 'next' && framework !== 'react') {
      return { status: 'skip', score: 0, metric: null, details: [{ message: `Not applicable: ${framework}.` }], fix: null };
    }
    const r = splitProject(tree, { name: context.projectName, root: context.projectRoot }, { modules: [], components: new Map(), ssr: 'keep' });
    const count = r.changes.length;
    return {
      status: count > 0 ? 'warn' : 'pass',
      score: Math.max(0, 100 - 10 * count),
      metric: { value: count, unit: 'static heavy imports', text: `${count} heavy import(s) to split${r.skips.length > 0 ? `, ${r.skips.length} left to a person` : ''}` },
      details: [
        ...r.changes.map((c) => ({ file: c.file, line: c.line, message: `static import to split: ${c.message}` })),
        ...r.skips.map((s) => ({ file: s.file, line: s.line, message: `left alone: ${s.message}` })),
      ],
      fix: count > 0 ? `nx g @plinto/ready:dynamic-import --project=${context.projectName}` : null,
    };
  },
};
