import { diskTree } from '../../core/workspace/files';
import { addDevDependencyCommand } from '../../core/workspace/package-manager';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { listProjectTsConfigs, readTsConfig } from '../../core/workspace/tsconfig';

/**
 * Errors about how project references are set up (TS6305–TS6310: "may not disable emit", "must
 * have composite"…), which `tsc -p` raises for Nx's generated spec configs and `tsc --build` does
 * not: they say nothing about the code, so they are not counted as type errors.
 */
const PROJECT_REFERENCE_SETUP = /error TS63(05|06|07|10):/;

export interface TscConfigRun {
  /** Workspace-relative tsconfig. */
  config: string;
  /** `error TS…` lines, project-reference set-up errors left out. */
  errors: string[];
}

export type TscRun = { configs: TscConfigRun[] } | { skipped: string; fix: string | null };

/** The workspace's own tsc (--noEmit) over each of the project's tsconfigs that compile files. */
export function runTsc(workspaceRoot: string, projectRoot: string): TscRun {
  const configs = listProjectTsConfigs(workspaceRoot, projectRoot).filter(
    (c) => !readTsConfig(c, workspaceRoot, undefined, { files: false }).compilesNothing,
  );
  if (configs.length === 0) return { skipped: 'No tsconfig that compiles files.', fix: null };
  let tsc: string;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [join(workspaceRoot, projectRoot), workspaceRoot] });
  } catch {
    return {
      skipped: 'typescript is not installed in the workspace.',
      fix: addDevDependencyCommand(diskTree(workspaceRoot), ['typescript']),
    };
  }
  return {
    configs: configs.map((config) => {
      const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', config], {
        cwd: workspaceRoot,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      const errors = `${r.stdout ?? ''}${r.stderr ?? ''}`
        .split('\n')
        .filter((l) => /error TS\d+/.test(l) && !PROJECT_REFERENCE_SETUP.test(l));
      return { config: relative(workspaceRoot, config), errors };
    }),
  };
}
