import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes several files so that none is left half-written: each goes to a temporary name first and
 * is renamed into place only once every one of them has been written.
 */
export function writeFilesAtomically(root: string, files: Record<string, string>): void {
  const staged: Array<[string, string]> = [];
  for (const [rel, content] of Object.entries(files)) {
    const target = join(root, rel);
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, content);
    staged.push([temp, target]);
  }
  for (const [temp, target] of staged) renameSync(temp, target);
}
