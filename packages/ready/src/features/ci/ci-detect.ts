import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CI_FILES = ['.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'Jenkinsfile', '.circleci/config.yml'];
const READY_IN_CI = /nx(\.js)?\s+affected\b[^\n]*(-t|--target|--targets)[=\s]+[\w,-]*\bready\b/;

/** The CI definitions of the workspace, and whether one of them runs `nx affected -t ready`. */
export function ciRunsReady(workspaceRoot: string, readyTarget = 'ready'): { files: string[]; runsReady: boolean } {
  const files = CI_FILES.filter((f) => existsSync(join(workspaceRoot, f)));
  const workflows = join(workspaceRoot, '.github', 'workflows');
  if (existsSync(workflows)) {
    files.push(
      ...readdirSync(workflows)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `.github/workflows/${f}`),
    );
  }
  const pattern = readyTarget === 'ready' ? READY_IN_CI : new RegExp(READY_IN_CI.source.replace('ready', readyTarget));
  return { files, runsReady: files.some((f) => pattern.test(readFileSync(join(workspaceRoot, f), 'utf8'))) };
}
