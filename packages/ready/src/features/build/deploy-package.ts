import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { createHash } from 'node:crypto';
import * as tar from 'tar';
import { globSync } from 'tinyglobby';
import { listFiles } from './next-output';

export interface DeployPackage {
  /** Workspace-relative path of the tarball. */
  path: string;
  /** Path of server.js inside the package: `node <entry>` starts the app. */
  entry: string;
  files: Array<{ path: string; sha256: string; bytes: number }>;
}

/**
 * Where server.js sits in `.next/standalone`. It mirrors the path of the app below the tracing
 * root Next.js chose (`outputFileTracingRoot`, or the folder of the top-most lockfile it found),
 * so it is looked for, not assumed: the one whose path ends with the project root wins.
 */
export function standaloneEntry(workspaceRoot: string, nextDir: string, projectRoot: string): string | null {
  const standalone = join(workspaceRoot, nextDir, 'standalone');
  if (!existsSync(standalone)) return null;
  // Next mirrors the app's path below the tracing root; never inside a dependency or a build folder.
  const servers = globSync('**/server.js', {
    cwd: standalone,
    ignore: ['**/node_modules/**', '**/.next/**'],
    deep: 9,
    followSymbolicLinks: false,
  });
  const suffix = projectRoot === '.' ? 'server.js' : `${projectRoot}/server.js`;
  return servers.find((p) => p === suffix || p.endsWith(`/${suffix}`)) ?? servers.sort((a, b) => a.length - b.length)[0] ?? null;
}

/**
 * The standalone server with `.next/static` and `public/` copied beside it (Next leaves both out
 * of `.next/standalone`), packed with tar into one gzip file; every file's sha256 is listed.
 */
export async function writeDeployPackage(
  workspaceRoot: string,
  nextDir: string,
  projectRoot: string,
  entry: string,
  tarball: string,
): Promise<DeployPackage> {
  const staging = mkdtempSync(join(tmpdir(), 'plinto-ready-deploy-'));
  try {
    cpSync(join(workspaceRoot, nextDir, 'standalone'), staging, { recursive: true, verbatimSymlinks: true });
    const appDir = join(staging, posix.dirname(entry));
    cpSync(join(workspaceRoot, nextDir, 'static'), join(appDir, '.next', 'static'), { recursive: true });
    const publicDir = join(workspaceRoot, projectRoot, 'public');
    if (existsSync(publicDir)) cpSync(publicDir, join(appDir, 'public'), { recursive: true });
    const paths = listFiles(staging);
    const files = paths.map((p) => {
      const bytes = readFileSync(join(staging, p));
      return { path: p, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    });
    const abs = join(workspaceRoot, tarball);
    mkdirSync(dirname(abs), { recursive: true });
    const temp = `${abs}.${process.pid}.tmp`;
    await tar.create({ gzip: true, file: temp, cwd: staging, portable: true }, readdirSync(staging));
    renameSync(temp, abs);
    return { path: tarball, entry, files };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
