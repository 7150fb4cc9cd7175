import { readFileSync } from 'node:fs';

/**
 * @nx/devkit is a peer of the plugin. A package manager that leaves peers out (npm with
 * legacy-peer-deps=true) installs the plugin without it, and every entry point would then die on a
 * bare "Cannot find module '@nx/devkit'" with a stack trace. Imported right after the compile
 * cache by every entry point, this says in one line what to install instead.
 */
export function missingDevkitMessage(resolve: (id: string) => string = require.resolve): string | null {
  try {
    resolve('@nx/devkit');
    return null;
  } catch {
    let nx: string | null = null;
    try {
      nx = (JSON.parse(readFileSync(resolve('nx/package.json'), 'utf8')) as { version?: string }).version ?? null;
    } catch {
      nx = null;
    }
    const spec = nx ? `@nx/devkit@${nx}` : '@nx/devkit';
    return (
      `@plinto/ready needs ${spec}, a peer dependency the package manager did not install (npm does not with legacy-peer-deps=true): ` +
      `add it to the workspace's devDependencies (npm i -D ${spec}, or your package manager's equivalent), then run the command again.`
    );
  }
}

const message = missingDevkitMessage();
if (message) {
  const error = new Error(message);
  // One line, not a stack trace: what to install is the whole message.
  error.stack = message;
  throw error;
}
