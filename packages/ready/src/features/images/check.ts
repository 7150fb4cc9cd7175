import { NOT_APPLICABLE_SKIPS, SkipReason } from '../../codemods/next-image/skip-reasons';
import { defineCheck, CheckDetail, checkTree, skip, projectArg } from '../../core/contracts/check';

/**
 * Raw `<img>` that `nx g @plinto/ready:next-image` would convert (fail) or must leave alone (warn,
 * with the reason): the generator's own feature function, in analysis mode, over the files on disk,
 * so the check and the codemod agree element by element.
 */
export const imagesCheck = defineCheck({ id: 'images', title: 'Images use next/image', defaultWeight: 10 }, async (context) => {
  // Loaded when the check runs: the codemod brings the TypeScript parser.
  const { convertImages, imagesNotApplicable } = await import('./convert-project');
  const tree = checkTree(context);
  const notApplicable = imagesNotApplicable(tree, context.projectRoot);
  if (notApplicable) return skip(`next/image does not apply: ${notApplicable}.`);
  const scan = convertImages(
    tree,
    { name: context.projectName, root: context.projectRoot },
    { strategy: 'static-import', remotePatterns: true },
    'analyze',
  );
  const details: CheckDetail[] = [
    ...scan.changes.map((c) => ({ file: c.file, line: c.line, message: `raw <img>: convertible (${c.kind})` })),
    ...scan.skips.map((s) => ({ file: s.file, line: s.line, message: `raw <img> left alone: ${s.message}` })),
    ...scan.warnings.filter((w) => w.reason === 'parse-error').map((w) => ({ file: w.file, message: `contains <img but ${w.message}` })),
  ];
  const count = scan.changes.length;
  // Where next/image does not apply (an Open Graph image route, an email template, …) nothing is left to review.
  const left = scan.skips.filter((s) => !NOT_APPLICABLE_SKIPS.has(s.reason as SkipReason)).length;
  const unparsable = scan.warnings.filter((w) => w.reason === 'parse-error').length;
  return {
    status: count > 0 ? 'fail' : left > 0 || unparsable > 0 ? 'warn' : 'pass',
    // Each convertible raw <img> costs ten points: one is a gap, ten are the whole check.
    score: Math.max(0, 100 - 10 * count),
    metric: {
      value: count,
      unit: 'raw <img>',
      text: `${count} convertible raw <img>` + (left > 0 ? `, ${left} to review by hand` : ''),
    },
    details,
    fix: count > 0 ? `nx g @plinto/ready:next-image --project=${projectArg(context)}` : null,
    ratchet: { 'convertible raw <img>': { value: count, better: 'lower' } },
  };
});
