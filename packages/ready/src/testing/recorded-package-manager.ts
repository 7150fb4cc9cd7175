import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RecordedAnswer {
  /** What the package manager printed, recorded from a real run or its documented format. */
  stdout: string;
  exitCode?: number;
}

/**
 * Puts `npm`, `pnpm`, `yarn` and `bun` on the PATH that print a recorded audit answer, so unit tests
 * exercise the real child-process path of the audit without the network. `calls()` counts the runs.
 */
export function recordedPackageManager(answer: RecordedAnswer): { calls: () => number; restore: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plinto-ready-pm-'));
  const answerFile = join(dir, 'answer.json');
  const callsFile = join(dir, 'calls');
  writeFileSync(answerFile, JSON.stringify(answer));
  writeFileSync(callsFile, '');
  const script = [
    `#!${process.execPath}`,
    `const fs = require('node:fs');`,
    `fs.appendFileSync(${JSON.stringify(callsFile)}, process.argv.slice(2).join(' ') + '\\n');`,
    `const a = JSON.parse(fs.readFileSync(${JSON.stringify(answerFile)}, 'utf8'));`,
    `process.stdout.write(a.stdout, () => process.exit(a.exitCode ?? 0));`,
  ].join('\n');
  for (const pm of ['npm', 'pnpm', 'yarn', 'bun']) {
    writeFileSync(join(dir, pm), script);
    chmodSync(join(dir, pm), 0o755);
  }
  const path = process.env.PATH;
  process.env.PATH = `${dir}${delimiter}${path ?? ''}`;
  const count = () => readFileSync(callsFile, 'utf8').split('\n').filter(Boolean).length;
  let restored: number | null = null;
  return {
    calls: () => restored ?? count(),
    restore: () => {
      restored = count();
      process.env.PATH = path;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
