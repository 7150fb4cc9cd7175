import { ExecutorContext, runExecutor } from '@nx/devkit';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TargetRun } from '../../core/contracts/check';

/**
 * Runs a target of the project from inside an executor and says whether it passed. Commands of
 * nx:run-commands targets (how Nx infers lint and typecheck) run directly with their cwd and env,
 * their output captured; any other executor runs in-process through Nx's own runExecutor.
 */
export async function runProjectTarget(context: ExecutorContext, target: string): Promise<TargetRun> {
  const project = context.projectsConfigurations.projects[context.projectName!];
  const config = project.targets?.[target];
  const options = (config?.options ?? {}) as {
    command?: string;
    commands?: Array<string | { command: string }>;
    cwd?: string;
    env?: Record<string, string>;
  };
  if (config?.executor === 'nx:run-commands' && (options.command || options.commands)) {
    const commands = options.command ? [options.command] : (options.commands ?? []).map((c) => (typeof c === 'string' ? c : c.command));
    let output = '';
    for (const command of commands) {
      const r = spawnSync(command, {
        shell: true,
        cwd: join(context.root, options.cwd ?? '.'),
        env: { ...process.env, ...options.env },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      output += `${r.stdout ?? ''}${r.stderr ?? ''}`;
      if (r.status !== 0) return { success: false, output };
    }
    return { success: true, output };
  }
  let success = true;
  for await (const result of await runExecutor<{ success: boolean }>({ project: context.projectName!, target }, {}, context)) {
    success = success && result.success;
  }
  return { success, output: '' };
}
