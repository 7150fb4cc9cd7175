export interface DynamicImportGeneratorSchema {
  project?: string;
  all?: boolean;
  /** Extra heavy modules (comma-separated on the command line: Nx splits them). */
  modules?: string[];
  /** Local components to split, comma-separated `path/to/File.tsx#ExportName` (project-relative or workspace-relative). */
  components?: string[];
  ssr?: 'keep' | 'false';
  /** Rebuild after writing and print each route's first-load JS before → after (when a build-production result exists). */
  measure?: boolean;
  skipFormat?: boolean;
}
