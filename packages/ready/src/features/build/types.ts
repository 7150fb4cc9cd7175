export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface RouteSize {
  /** The URL path, e.g. "/" or "/gallery". */
  route: string;
  router: 'app' | 'pages';
  /** JS a modern browser downloads on first load: the shared files plus the route's own chunks. */
  firstLoadJs: { raw: number; gzip: number };
  /** Legacy-browser polyfills (`noModule`): downloaded by browsers without ES modules only. */
  polyfills: { raw: number; gzip: number };
  chunks: ChunkSize[];
  budgetKb: number;
  overBudget: boolean;
}

export interface AuditResult {
  status: 'pass' | 'fail' | 'unavailable';
  level: AuditLevel;
  /** Why the audit could not run, when it could not. */
  reason: string | null;
  /** Vulnerable packages among this project's external dependencies, at any level. */
  vulnerabilities: Array<{ name: string; severity: AuditLevel; direct: boolean; title: string | null }>;
  /** How many external packages the project graph attributes to this project. */
  packagesInScope: number;
}

export type AuditLevel = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export interface BuildProductionReport {
  schemaVersion: 1;
  project: string;
  projectRoot: string;
  status: 'pass' | 'fail';
  generatedAt: string;
  nextDir: string;
  build: { seconds: number | null; maxSeconds: number; slow: boolean };
  routes: RouteSize[];
  budgets: { firstLoadJsKb: number; routes: Record<string, number> };
  audit: AuditResult;
  deployPackage: { path: string; entry: string; files: number; bytes: number } | { skipped: string };
  failures: string[];
}
