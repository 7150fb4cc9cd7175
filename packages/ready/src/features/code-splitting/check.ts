import { defineCheck, checkTree, skip, projectArg } from '../../core/contracts/check';

/**
 * Static imports of heavy client libraries that `nx g @plinto/ready:dynamic-import` could split
 * out of the first load: the generator's own feature function, in analysis mode, over the files on disk.
 */
export const codeSplittingCheck = defineCheck(
  { id: 'code-splitting', title: 'Heavy components split out of the first load', defaultWeight: 10 },
  async (context) => {
    // Loaded when the check runs: the codemod brings the TypeScript parser and esbuild.
    const { splitProject, splittingNotApplicable } = await import('./split-project');
    const tree = checkTree(context);
    const why = splittingNotApplicable(tree, context.projectRoot);
    if (why) return skip(`Not applicable: ${why}.`);
    const r = splitProject(
      tree,
      { name: context.projectName, root: context.projectRoot },
      { modules: [], components: new Map(), ssr: 'keep' },
      'analyze',
    );
    const count = r.changes.length;
    return {
      status: count > 0 ? 'warn' : 'pass',
      score: Math.max(0, 100 - 10 * count),
      metric: {
        value: count,
        unit: 'static heavy imports',
        text: `${count} heavy import(s) to split${r.skips.length > 0 ? `, ${r.skips.length} left to a person` : ''}`,
      },
      details: [
        ...r.changes.map((c) => ({ file: c.file, line: c.line, message: `static import to split: ${c.message}` })),
        ...r.skips.map((s) => ({ file: s.file, line: s.line, message: `left alone: ${s.message}` })),
      ],
      fix: count > 0 ? `nx g @plinto/ready:dynamic-import --project=${projectArg(context)}` : null,
      ratchet: { 'heavy imports to split': { value: count, better: 'lower' } },
    };
  },
);
