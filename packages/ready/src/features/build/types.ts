import { AuditResult } from '../../core/contracts/audit';

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface RouteSize {
  /** The URL path, e.g. "/" or "/gallery". */
  route: string;
  router: 'app' | 'pages';
  /**
   * Where the figure comes from: the scripts of the HTML Next prerendered for the route (exact), or
   * the build manifests (dynamic routes, which have no HTML until a request renders them).
   */
  measuredFrom: 'html' | 'manifests';
  /** JS a modern browser downloads on first load: the shared files plus the route's own chunks. */
  firstLoadJs: { raw: number; gzip: number };
  /** Legacy-browser polyfills (`noModule`): downloaded by browsers without ES modules only. */
  polyfills: { raw: number; gzip: number };
  chunks: ChunkSize[];
  /**
   * The figure Next.js 13–15 print in their "First Load JS" column (the page's own entry), and the
   * chunks it leaves out that the browser loads too (the layouts'), where the build lets us know.
   */
  nextFirstLoadJs?: { raw: number; gzip: number; leavesOut: string[] };
  budgetKb: number;
  overBudget: boolean;
}

export interface BuildProductionReport {
  schemaVersion: 1;
  project: string;
  projectRoot: string;
  status: 'pass' | 'fail';
  generatedAt: string;
  nextDir: string;
  /** From the build's own trace (.next/trace); judged only against a maxBuildSeconds the user sets. */
  build: { seconds: number | null; maxSeconds: number | null; slow: boolean };
  routes: RouteSize[];
  budgets: { firstLoadJsKb: number; routes: Record<string, number> };
  audit: AuditResult;
  deployPackage: { path: string; entry: string; files: number; bytes: number } | { skipped: string };
  failures: string[];
}
