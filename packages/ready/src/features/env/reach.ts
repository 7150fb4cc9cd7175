import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { ReadTree, treeFiles, treeOverlay } from '../../core/workspace/files';
import { listProjectTsConfigs, readTsConfig } from '../../core/workspace/tsconfig';

const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

export interface ScannedProject {
  name: string;
  root: string;
  /** The name its package.json gives it, where it has one (what other projects import it by). */
  packageName?: string;
}

/**
 * The files whose environment reads the app runs: all of the app's own, and of each workspace
 * library only the files the app's import graph reaches (through relative imports, tsconfig
 * aliases and package names, re-exports included), never a library file nothing imports (a shared
 * UI package's payment form the app never renders). A library the graph reaches only through its
 * build output, or through an import that does not resolve, is read whole: what it runs cannot be
 * told apart, and leaving it out would hide what it reads.
 */
export function filesTheAppRuns(tree: ReadTree, app: ScannedProject, libs: ScannedProject[]): Map<string, string[]> {
  const out = new Map<string, string[]>([[app.root, treeFiles(tree, app.root, SOURCE, { tests: false })]]);
  if (libs.length === 0) return out;
  const inside = (file: string, root: string) => root === '.' || file === root || file.startsWith(`${root}/`);
  // Innermost root first: a library nested in another's folder owns its files.
  const owners = [app, ...libs].sort((a, b) => b.root.length - a.root.length);
  const ownerOf = (file: string) => owners.find((p) => inside(file, p.root));
  const optionsOf = compilerOptionsByProject(tree);
  const host = treeResolutionHost(tree);
  const reached = new Map<string, Set<string>>(libs.map((l) => [l.root, new Set<string>()]));
  const whole = new Set<string>();
  const queue = [...out.get(app.root)!];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.pop()!;
    const owner = ownerOf(file);
    if (!owner) continue;
    const text = tree.read(file, 'utf-8') ?? '';
    const imports = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    for (const spec of imports) {
      const resolved = ts.resolveModuleName(spec, join(tree.root, file), optionsOf(owner.root), host).resolvedModule;
      const target = resolved ? relative(tree.root, resolved.resolvedFileName).replace(/\\/g, '/') : null;
      // Under node_modules: another package (one installed inside a library's folder is not its code),
      // or a workspace library through a link not resolved to its folder, then read whole.
      if (target?.includes('node_modules/')) {
        const linked = libs.find((l) => importsPackage(spec, l));
        if (linked) whole.add(linked.root);
        continue;
      }
      const lib = target ? libs.find((l) => inside(target, l.root)) : libs.find((l) => importsPackage(spec, l));
      if (!lib || whole.has(lib.root)) continue;
      // A library met through a declaration (its build's types), or an import of it that does not resolve: read whole.
      if (!target || DECLARATION.test(target) || !SOURCE.test(target) || ownerOf(target) !== lib) {
        whole.add(lib.root);
        continue;
      }
      reached.get(lib.root)!.add(target);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const lib of libs) {
    const files = whole.has(lib.root) ? treeFiles(tree, lib.root, SOURCE, { tests: false }) : [...reached.get(lib.root)!].sort();
    out.set(lib.root, files);
  }
  return out;
}

/**
 * Module resolution over the tree (a generator's pending files included), and over the disk
 * outside it; symbolic links (a workspace package in node_modules) resolved to where they point.
 */
function treeResolutionHost(tree: ReadTree): ts.ModuleResolutionHost {
  const rel = (abs: string) => relative(tree.root, abs).replace(/\\/g, '/');
  const inTree = (r: string) => !r.startsWith('..') && !posixAbsolute(r);
  return {
    fileExists: (f) => (inTree(rel(f)) ? tree.isFile(rel(f)) : ts.sys.fileExists(f)),
    readFile: (f) => (inTree(rel(f)) ? (tree.read(rel(f), 'utf-8') ?? undefined) : ts.sys.readFile(f)),
    directoryExists: (d) => (inTree(rel(d)) ? rel(d) === '' || (tree.exists(rel(d)) && !tree.isFile(rel(d))) : ts.sys.directoryExists(d)),
    realpath: (p) => ts.sys.realpath?.(p) ?? p,
    getCurrentDirectory: () => tree.root,
  };
}

const posixAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:/.test(p);

/** Does an import specifier name the library's package (`@ws/ui`, `@ws/ui/button`)? */
function importsPackage(spec: string, lib: ScannedProject): boolean {
  const names = [lib.packageName, lib.name].filter((n): n is string => !!n);
  return names.some((n) => spec === n || spec.startsWith(`${n}/`));
}

/**
 * Each project's compiler options for resolving its imports (its first tsconfig that reads, with
 * its aliases), read once; a project without one resolves as a bundler does.
 */
function compilerOptionsByProject(tree: ReadTree): (root: string) => ts.CompilerOptions {
  const cache = new Map<string, ts.CompilerOptions>();
  const overlay = treeOverlay(tree);
  const fallback: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    allowJs: true,
    jsx: ts.JsxEmit.Preserve,
  };
  return (root) => {
    let options = cache.get(root);
    if (!options) {
      options = fallback;
      for (const config of listProjectTsConfigs(tree.root, root)) {
        try {
          const read = readTsConfig(config, tree.root, overlay, { files: false }).options;
          options = { ...fallback, ...read, allowJs: true };
          if (read.moduleResolution === undefined) options.moduleResolution = fallback.moduleResolution;
          break;
        } catch {
          // a broken tsconfig: the next one, or the fallback
        }
      }
      cache.set(root, options);
    }
    return options;
  };
}
