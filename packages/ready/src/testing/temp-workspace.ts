import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway folder on disk, for the code that reads real files (checks, createNodes, executors). */
export class TempWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), 'plinto-ready-'));

  write(path: string, content: string | object): this {
    const target = join(this.root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return this;
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  /** Pretends the workspace installed this TypeScript version (only its package.json matters to us). */
  withTypeScript(version: string): this {
    return this.write('node_modules/typescript/package.json', { name: 'typescript', version });
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
