import { ProjectGraph } from '@nx/devkit';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ReadTree } from '../../core/workspace/files';
import { isNextConfigFile } from '../../core/workspace/project-facts';
import { looksLikeRealSecret } from './classify';
import { parseDotenv } from './dotenv-file';
import { envModulePath, scanEnv } from './scan';
import { documentedEnvironment } from './documented';

export interface EnvProblem {
  file: string;
  line: number;
  message: string;
}

export interface EnvMeasure {
  variables: number;
  /** Reads declared nowhere, secrets in the client bundle, real secrets in committed files. */
  problems: EnvProblem[];
  /** Reads whose variable name is computed at run time. */
  unresolved: EnvProblem[];
  /** The generated env module nothing imports: its schema checks nothing at start. */
  notWired: EnvProblem | null;
}

/** Env files of the project that git tracks: the ones whose values are shared with everyone. */
function committedEnvFiles(workspaceRoot: string, projectRoot: string): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--', `${projectRoot}/.env*`, '.env*'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean);
  } catch {
    // Not a git checkout: every env file that is not .local would be committed.
    return [posix.join(projectRoot, '.env.production'), posix.join(projectRoot, '.env'), '.env'].filter((f) =>
      existsSync(join(workspaceRoot, f)),
    );
  }
}

/**
 * Every variable the code reads (the app and the libraries it depends on) is declared in
 * .env.production, .env or the env module; no secret-like name is NEXT_PUBLIC_; no committed env
 * file holds a value that looks like a real secret.
 */
export function measureEnv(tree: ReadTree, project: { name: string; root: string }, graph: ProjectGraph | null): EnvMeasure {
  const workspaceRoot = tree.root;
  const scan = scanEnv(tree, project, graph);
  // Given a value (a placeholder too), or listed commented out as an optional one (`# X=`).
  const documented = documentedEnvironment(tree, project.root);
  const declared = new Set<string>([...documented.values.keys(), ...documented.commented]);
  const moduleText = tree.read(envModulePath(tree, project.root), 'utf-8') ?? '';
  for (const m of moduleText.matchAll(/\b([A-Z_][A-Z0-9_]*)\s*:\s*process\.env\.\1\b/g)) declared.add(m[1]);
  const problems: EnvProblem[] = [];
  for (const v of scan.variables) {
    const [file, line] = v.readAt[0].split(':');
    const ownedElsewhere = v.optional === 'platform' || v.optional === 'tooling';
    if (!declared.has(v.name) && !ownedElsewhere && !v.readAt.every((r) => isNextConfigFile(r.split(':')[0]))) {
      problems.push({
        file,
        line: Number(line),
        message: `${v.name} is read but declared nowhere (.env.production, .env, an example file such as .env.example, or the env module)`,
      });
    }
    if (v.side === 'client' && v.secret)
      problems.push({ file, line: Number(line), message: `${v.name}: a secret-like name with NEXT_PUBLIC_ ships to every browser` });
  }
  for (const file of committedEnvFiles(workspaceRoot, project.root)) {
    const abs = join(workspaceRoot, file);
    if (!existsSync(abs)) continue;
    for (const e of parseDotenv(readFileSync(abs, 'utf8')).entries) {
      if (e.value && looksLikeRealSecret(e.value, e.key)) {
        problems.push({
          file,
          line: e.line,
          message: `${e.key} holds what looks like a real secret in a committed file: rotate it and move it to the deployment environment`,
        });
      }
    }
  }
  const unresolved = scan.unresolved.map((u) => ({
    file: u.file,
    line: u.line,
    message: `unresolvable read ${u.text}: declare what it reads by hand`,
  }));
  const notWired =
    scan.module && !scan.module.imported
      ? {
          file: scan.module.file,
          line: 1,
          message: `${scan.module.file} is generated but nothing imports it: its schema checks nothing when the app starts (import it where the app starts, or rerun the generator with --rewrite)`,
        }
      : null;
  return { variables: scan.variables.length, problems, unresolved, notWired };
}
