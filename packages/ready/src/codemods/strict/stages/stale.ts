import { escapeRegExp } from '../../../utils/regexp';
import { SourceFile } from 'ts-morph';
import { STRICT_SUPPRESSION_TAG } from '../suppress';

const OWN_SUPPRESSION = new RegExp(`^\\s*(\\/\\/|\\{\\/\\*)\\s*@ts-expect-error ${escapeRegExp(STRICT_SUPPRESSION_TAG)}`);

/** Is this line one of our own suppressions (never someone else's `@ts-expect-error`)? */
export function isOwnSuppression(lineText: string): boolean {
  return OWN_SUPPRESSION.test(lineText);
}

/**
 * Stage 4. Removes this command's suppressions that TypeScript reports as unused (TS2578: nothing
 * left to suppress on the next line), and only those: a person's own `@ts-expect-error` stays.
 */
export function removeStaleSuppressions(sf: SourceFile, lines: number[]): void {
  const text = sf.getFullText().split('\n');
  for (const line of [...lines].sort((a, b) => b - a)) {
    if (isOwnSuppression(text[line - 1])) text.splice(line - 1, 1);
  }
  sf.replaceWithText(text.join('\n'));
}
