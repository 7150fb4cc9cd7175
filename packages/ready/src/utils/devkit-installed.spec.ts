import { readFileSync } from 'node:fs';
import { missingDevkitMessage } from './devkit-installed';

describe('a missing @nx/devkit peer', () => {
  it('is one line naming what to install, pinned to the workspace nx version', () => {
    const resolve = (id: string) => {
      if (id === 'nx/package.json') return require.resolve('nx/package.json');
      throw new Error(`Cannot find module '${id}'`);
    };
    const nx = (JSON.parse(readFileSync(require.resolve('nx/package.json'), 'utf8')) as { version: string }).version;
    const message = missingDevkitMessage(resolve)!;
    expect(message).toContain(`@plinto/ready needs @nx/devkit@${nx}, a peer dependency the package manager did not install`);
    expect(message).toContain(`npm i -D @nx/devkit@${nx}`);
    expect(message).not.toContain('\n');
  });

  it('says nothing where it is installed', () => {
    expect(missingDevkitMessage()).toBeNull();
  });
});
