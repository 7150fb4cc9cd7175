import { FsTree } from '@nx/devkit/internal';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { looksLikeRealSecret } from '../features/env/classify';
import { parseDotenv } from '../features/env/dotenv-file';
import { envModulePath, scanEnv } from '../features/env/scan';
import { envNotApplicable } from '../generators/env/env';
import { Check, CheckDetail } from '../core/check';

/** Env files of the project that git tracks: the ones whose values are shared with everyone. */
function committedEnvFiles(workspaceRoot: string, projectRoot: string): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--', `${projectRoot}/.env*`, '.env*'], { cwd: workspaceRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter(Boolean);
  } catch {
    // Not a git checkout: every env file that is not .local would be committed.
    return [posix.join(projectRoot, '.env.production'), posix.join(projectRoot, '.env'), '.env'].filter((f) => existsSync(join(workspaceRoot, f)));
  }
}

/**
 * Every variable the code reads (the app and the libraries it depends on) is declared in
 * .env.production, .env or the env module; no secret-like name is NEXT_PUBLIC_; no committed env
 * file holds a value that looks like a real secret.
 */
export const envCheck: Check = {
  id: 'env',
  title: 'Environment variables declared, secrets kept out',
  defaultWeight: 10,
  run(context) {
    const tree = new FsTree(context.workspaceRoot, false);
    const why = envNotApplicable(tree, context.projectRoot, context.projectType);
    if (why) return { status: 'skip', score: 0, metric: null, details: [{ message: `Not an app: ${why}.` }], fix: null };
    const scan = scanEnv(tree, { name: context.projectName, root: context.projectRoot }, context.projectGraph ?? null);
    const declared = new Set<string>();
    for (const name of ['.env.production', '.env']) {
      const text = tree.read(posix.join(context.projectRoot, name), 'utf-8');
      if (text) for (const e of parseDotenv(text).entries) declared.add(e.key);
    }
    const moduleText = tree.read(envModulePath(tree, context.projectRoot), 'utf-8') ?? '';
    for (const m of moduleText.matchAll(/\b([A-Z_][A-Z0-9_]*)\s*:\s*process\.env\.\1\b/g)) declared.add(m[1]);
    const problems: CheckDetail[] = [];
    for (const v of scan.variables) {
      if (!declared.has(v.name) && !v.readAt.every((r) => /next\.config\./.test(r))) {
        const [file, line] = v.readAt[0].split(':');
        problems.push({ file, line: Number(line), message: `${v.name} is read but declared nowhere (.env.production or the env module)` });
      }
      if (v.side === 'client' && v.secret) {
        const [file, line] = v.readAt[0].split(':');
        problems.push({ file, line: Number(line), message: `${v.name}: a secret-like name with NEXT_PUBLIC_ ships to every browser` });
      }
    }
    for (const file of committedEnvFiles(context.workspaceRoot, context.projectRoot)) {
      const abs = join(context.workspaceRoot, file);
      if (!existsSync(abs)) continue;
      for (const e of parseDotenv(readFileSync(abs, 'utf8')).entries) {
        if (e.value && looksLikeRealSecret(e.value)) {
          problems.push({ file, line: e.line, message: `${e.key} holds what looks like a real secret in a committed file: rotate it and move it to the deployment environment` });
        }
      }
    }
    const unresolved = scan.unresolved.map((u) => ({ file: u.file, line: u.line, message: `unresolvable read ${u.text}: declare what it reads by hand` }));
    return {
      status: problems.length > 0 ? 'fail' : unresolved.length > 0 ? 'warn' : 'pass',
      score: Math.max(0, 100 - 20 * problems.length),
      metric: { value: problems.length, unit: 'problems', text: `${scan.variables.length} variables, ${problems.length} problem(s)` },
      details: [...problems, ...unresolved],
      fix: problems.length > 0 ? `nx g @plinto/ready:env --project=${context.projectName}` : null,
    };
  },
};
