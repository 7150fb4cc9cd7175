/**
 * The real-code suite: Next.js application sources published on the npm registry (create-next-app
 * 14 and 16 templates, create-t3-app's output, Blitz's templates), assembled at test time into a
 * package-based npm-workspaces repository outside this one (so no package of ours leaks into its
 * module resolution), with every generator run over every app as a user would, twice.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const realCode = require('../../../tools/real-code.cjs');

const DIR = join(tmpdir(), 'plinto-ready-real-code');

interface App {
  app: string;
  label: string;
  project: string;
  root: string;
  counts: Record<string, any>;
}
interface Suite {
  ws: string;
  apps: App[];
  runs: Array<{ generator: string; code: number; output: string; changed: string; secondCode: number; secondChanged: string }>;
  before: Record<string, Record<string, number>>;
  after: Record<string, Record<string, number>>;
  changedFiles: string[];
  envChecks: Record<
    string,
    { module: string; ok: boolean; error: string; envFile: { ok: boolean; error: string; names: string[]; differs: string[] } }
  >;
  classes: Array<{ codemod: string; klass: string; expected: Record<string, string>; got: Record<string, string> }>;
  churn: { dependencyOrderKept: boolean; dependenciesAdded: string[]; gitignoreDiff: string };
  build: { code: number; output: string };
}

describe('real code from the npm registry', () => {
  let suite: Suite;
  beforeAll(
    () => {
      const tarball = readdirSync(join(REPO_ROOT, 'dist')).find((f) => /^plinto-ready-.*\.tgz$/.test(f));
      suite = realCode.runRealCodeSuite(DIR, join(REPO_ROOT, 'dist', tarball!), (m: string) => process.stdout.write(`[real code] ${m}\n`));
    },
    30 * 60 * 1000,
  );
  afterAll(() => {
    if (process.env.PLINTO_E2E_KEEP !== '1') rmSync(DIR, { recursive: true, force: true });
  });

  it('assembles every source as an Nx project of a package-based workspace', () => {
    expect(suite.apps.map((a) => a.app)).toEqual(realCode.SOURCES.map((s: { app: string }) => s.app));
    for (const a of suite.apps) expect(existsSync(join(suite.ws, a.root, 'tsconfig.json'))).toBe(true);
  });

  it('every generator finishes on every app, with no stack trace', () => {
    for (const r of suite.runs) {
      expect({ generator: r.generator, code: r.code }).toEqual({ generator: r.generator, code: 0 });
      expect(r.output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    }
  });

  it('a second run of each generator changes nothing', () => {
    for (const r of suite.runs)
      expect({ generator: r.generator, changed: r.secondChanged }).toEqual({ generator: r.generator, changed: '' });
  });

  it('every source file a generator changed still parses', () => {
    const sources = suite.changedFiles.filter((f) => /\.[cm]?[jt]sx?$/.test(f));
    for (const file of sources) {
      const text = readFileSync(join(suite.ws, file), 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : undefined);
      const syntax = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      expect({ file, syntax: syntax.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) }).toEqual({ file, syntax: [] });
    }
  });

  it('type errors never rise, file by file (tsc with each app’s own tsconfig)', () => {
    for (const a of suite.apps) {
      const before = suite.before[a.app];
      for (const [file, n] of Object.entries(suite.after[a.app])) {
        expect({ file, errors: n }).toEqual({ file, errors: Math.min(n, before[file] ?? 0) });
      }
    }
  });

  it('the env schema accepts the written .env.production, with placeholder secrets and the platform variables', () => {
    // t3's own env.js and the modules the generator writes: at least those two kinds are loaded.
    expect(Object.keys(suite.envChecks)).toEqual(expect.arrayContaining(['t3-app']));
    for (const [app, check] of Object.entries(suite.envChecks)) {
      expect({ app, module: check.module, ok: check.ok, error: check.ok ? '' : check.error }).toEqual({
        app,
        module: check.module,
        ok: true,
        error: '',
      });
    }
  });

  it('no placeholder changes what a read evaluates to: each module loaded with and without .env.production gives the same values', () => {
    expect(Object.keys(suite.envChecks)).toEqual(expect.arrayContaining(['t3-app', 'classes-app']));
    for (const [app, check] of Object.entries(suite.envChecks)) {
      expect({ app, ok: check.envFile.ok, error: check.envFile.ok ? '' : check.envFile.error }).toEqual({ app, ok: true, error: '' });
      expect(check.envFile.names.length).toBeGreaterThan(0);
      expect({ app, differs: check.envFile.differs }).toEqual({ app, differs: [] });
    }
  });

  it('every case of every class in the classes app comes out as expected.json says', () => {
    const classes = Object.keys(realCode.EXPECTED.env).length + Object.keys(realCode.EXPECTED['dynamic-import']).length;
    expect(suite.classes).toHaveLength(classes);
    for (const c of suite.classes) expect({ klass: c.klass, got: c.got }).toEqual({ klass: c.klass, got: c.expected });
  });

  it('the rewired classes app still builds with only its .env.production, and no unrelated churn', () => {
    expect({ code: suite.build.code, output: suite.build.code === 0 ? '' : suite.build.output.slice(-3000) }).toEqual({
      code: 0,
      output: '',
    });
    expect(suite.churn.dependencyOrderKept).toBe(true);
    expect(suite.churn.gitignoreDiff).toBe('');
  });

  it('no conversion falls in a class a careful reviewer rejects', () => {
    for (const file of suite.changedFiles.filter((f) => /\.[jt]sx?$/.test(f))) {
      const text = readFileSync(join(suite.ws, file), 'utf8');
      if (/from ['"]next\/image['"]/.test(text)) {
        // not rendered into a page: email/OG markup, route handlers, noscript
        expect({ file, offPage: /renderToStaticMarkup|renderToString|satori\(|ImageResponse|<noscript/.test(text) }).toEqual({
          file,
          offPage: false,
        });
        expect({ file, unsupported: /import \w+ from ['"][^'"]+\.(svg|tiff?|heic|jxl)['"]/.test(text) }).toEqual({
          file,
          unsupported: false,
        });
      }
      // next/dynamic in a file that may be a Server Component splits nothing out of the client bundle:
      // a file under app/ that it splits says 'use client', or calls hooks (which only client modules can)
      if (/from ['"]next\/dynamic['"]/.test(text) && /\/app\//.test(file))
        expect({ file, client: /^['"]use client['"]/m.test(text) || /\buse[A-Z]\w*\(/.test(text) }).toEqual({ file, client: true });
    }
    for (const check of Object.values(suite.envChecks)) {
      const module = readFileSync(join(suite.ws, check.module), 'utf8');
      expect(module).not.toMatch(/z\.enum\(\[\s*['"][^'"]*['"]\s*\]\)/); // an enum of the one value compared to
    }
    // what stays out of .env.production: platform, tooling and npm's variables
    for (const a of suite.apps) {
      const file = join(suite.ws, a.root, '.env.production');
      if (!existsSync(file)) continue;
      expect({ app: a.app, keys: readFileSync(file, 'utf8').match(/^(VERCEL\w*|CI|NETLIFY|SKIP_ENV_VALIDATION|npm_\w+)=/gm) }).toEqual({
        app: a.app,
        keys: null,
      });
    }
  });
});
