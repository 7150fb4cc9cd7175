export interface DynamicImportGeneratorSchema {
  project?: string;
  all?: boolean;
  /** Extra heavy modules, comma-separated. */
  modules?: string;
  /** Local components to split, comma-separated `path/to/File.tsx#ExportName` (project-relative or workspace-relative). */
  components?: string;
  ssr?: 'keep' | 'false';
  skipFormat?: boolean;
}
