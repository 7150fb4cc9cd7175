import { GeneratorCallback, Tree, addDependenciesToPackageJson, formatFiles, joinPathFragments, logger } from '@nx/devkit';
import { posix } from 'node:path';
import { Node } from 'ts-morph';
import { MODULE_MARKER, renderEnvModule } from '../../features/env/env-module';
import { mergeDotenv } from '../../features/env/dotenv-file';
import { EnvVariable } from '../../features/env/classify';
import { createCodemodProject } from '../../codemods/project';
import { addImportStatement } from '../../codemods/imports';
import { treeFiles } from '../../utils/project-files';
import { selectProjects } from '../../core/select-projects';
import { envModulePath, loadProjectGraph, scanEnv } from '../../features/env/scan';
import { EnvGeneratorSchema } from './schema';

export const ENV_DEPENDENCIES = { '@t3-oss/env-nextjs': '^0.13.11', zod: '^3.25.76' };

/** Apps only: a library's variables are its apps' variables, attributed to them through the project graph. */
export function envNotApplicable(tree: Tree, root: string, projectType?: string): string | null {
  const isApp = projectType === 'application' || tree.children(root).some((f) => /^next\.config\./.test(f));
  return isApp ? null : 'it is a library; its variables are the variables of the apps that depend on it: run this on those apps';
}

export async function envGenerator(tree: Tree, options: EnvGeneratorSchema): Promise<GeneratorCallback> {
  const projects = selectProjects(tree, options, 'env', (p) => envNotApplicable(tree, p.config.root, p.config.projectType));
  const graph = await loadProjectGraph();
  const lines: string[] = [];
  let addDeps = false;
  for (const p of projects) {
    const root = p.config.root;
    const scan = scanEnv(tree, { name: p.name, root }, graph);
    const envFile = joinPathFragments(root, '.env.production');
    const before = tree.read(envFile, 'utf-8') ?? '';
    const merged = mergeDotenv(before, scan.variables);
    if (merged.text !== before) tree.write(envFile, merged.text);
    lines.push(
      `${p.name}: ${scan.variables.length} variable(s) read in ${scan.projects.join(', ')} (${scan.filesParsed} file(s) parsed)`,
      ...scan.variables.map(
        (v) => `  ${v.side === 'client' ? 'client' : 'server'} ${v.name}${v.secret ? ' (secret)' : ''}: ${v.type}${v.fallback !== null ? `, default ${v.fallback}` : ''}; read at ${v.readAt[0]}${v.readAt.length > 1 ? ` +${v.readAt.length - 1}` : ''}`,
      ),
      `  ${envFile}: ${merged.added.length} added${merged.stale.length > 0 ? `, no longer read: ${merged.stale.join(', ')}` : ''}`,
      ...merged.malformed.map((m) => `  warning ${envFile}:${m.line}: not a KEY=value line, kept as it is: ${m.text}`),
      ...scan.unresolved.map((u) => `  unresolvable ${u.file}:${u.line}: ${u.text} (a dynamic name: declare what it reads by hand)`),
      ...scan.unparsable.map((f) => `  warning ${f}: does not parse, skipped`),
    );
    for (const v of scan.variables.filter((x) => x.side === 'client' && x.secret)) {
      lines.push(`  DANGER ${v.name}: a secret-like name with NEXT_PUBLIC_ is inlined into every browser bundle; rename it without NEXT_PUBLIC_ and read it on the server`);
    }
    if (options.module ?? true) {
      const modulePath = envModulePath(tree, root);
      const existing = tree.read(modulePath, 'utf-8');
      if (existing !== null && !existing.startsWith(MODULE_MARKER)) {
        lines.push(`  ${modulePath} exists and was not written by @plinto/ready: left as it is (merge the variables above by hand)`);
      } else if (scan.variables.length > 0) {
        tree.write(modulePath, renderEnvModule(scan.variables));
        addDeps = true;
        lines.push(`  ${modulePath}: typed env module (server ${scan.variables.filter((v) => v.side === 'server').length}, client ${scan.variables.filter((v) => v.side === 'client').length})`);
        if (options.rewrite) lines.push(...rewriteReads(tree, root, modulePath, scan.variables));
      }
    }
  }
  ensureGitignore(tree);
  logger.info(lines.join('\n'));
  const install = addDeps ? addDependenciesToPackageJson(tree, ENV_DEPENDENCIES, {}, undefined, true) : () => undefined;
  if (!options.skipFormat) await formatFiles(tree);
  return options.skipInstall ? () => undefined : install;
}

/** `.env*.local` holds real values on a developer's machine: never committed. */
export function ensureGitignore(tree: Tree): void {
  const current = tree.read('.gitignore', 'utf-8') ?? '';
  if (current.split(/\r?\n/).some((l) => l.trim() === '.env*.local')) return;
  tree.write('.gitignore', `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}\n# local env files (real values, never committed)\n.env*.local\n`);
}

/** --rewrite: `process.env.X` in the app's own files → `env.X`, importing the module once. */
function rewriteReads(tree: Tree, root: string, modulePath: string, variables: EnvVariable[]): string[] {
  const names = new Set(variables.map((v) => v.name));
  const project = createCodemodProject();
  const out: string[] = [];
  for (const file of treeFiles(tree, root, /\.(tsx?|jsx?)$/, { tests: false }).filter((f) => f !== modulePath && !/next\.config\./.test(f))) {
    const text = tree.read(file, 'utf-8') ?? '';
    if (!text.includes('process.env.')) continue;
    const sf = project.createSourceFile(file, text, { overwrite: true });
    let count = 0;
    const targets = sf.getDescendants().filter(
      (n) => Node.isPropertyAccessExpression(n) && n.getExpression().getText() === 'process.env' && names.has(n.getName()) && !isAssigned(n),
    );
    for (const n of targets.reverse()) {
      n.replaceWithText(`env.${(n as import('ts-morph').PropertyAccessExpression).getName()}`);
      count++;
    }
    if (count > 0) {
      let spec = posix.relative(posix.dirname(file), modulePath).replace(/\.ts$/, '');
      if (!spec.startsWith('.')) spec = `./${spec}`;
      addImportStatement(sf, '{ env }', spec);
      tree.write(file, sf.getFullText());
      out.push(`  rewrote ${count} read(s) in ${file}`);
    }
    project.removeSourceFile(sf);
  }
  return out;
}

function isAssigned(n: Node): boolean {
  const parent = n.getParent();
  return !!parent && Node.isBinaryExpression(parent) && parent.getLeft() === n && parent.getOperatorToken().getText() === '=';
}

export default envGenerator;
