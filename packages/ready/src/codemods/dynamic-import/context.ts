/** What the dynamic-import codemod knows about a file beyond its text. */
export interface DynamicImportContext {
  /** Workspace-relative path of the file. */
  file: string;
  framework: 'next' | 'react';
  /** Heavy modules: the default list plus --modules. */
  modules: readonly string[];
  /** Local component files named by --components (workspace-relative, without extension) → export names. */
  components: ReadonlyMap<string, ReadonlySet<string>>;
  ssr: 'keep' | 'false';
  /**
   * The Next.js project has an app router (an app/ or src/app/ folder). Then a file without
   * 'use client' outside pages/ may be a Server Component wherever it lives (components/, lib/):
   * what imports it decides, which this file alone cannot tell. Unset: only files under app/.
   */
  appRouter?: boolean;
  /**
   * Every project file that imports this one is a client module ('use client', hooks, pages
   * router, or itself imported only from client modules): it is bundled for the browser, never a
   * Server Component, though it says nothing of it. Found by the project's import graph.
   */
  clientByImporters?: boolean;
  /**
   * Weighs a listed module by what it really adds to the client bundle (the list is a hint, the
   * measurement the judge): heavy or not, and the figure in words for the report. Unset: the list decides.
   */
  weigh?(specifier: string, names: readonly string[]): { heavy: boolean; note: string; measured?: boolean };
  /**
   * The source text of a project module this file imports (relative, or through a tsconfig alias),
   * or null when the specifier names a package or nothing found: what a parent component does with its children.
   */
  readModule?(specifier: string): string | null;
  /** The workspace-relative path a tsconfig `paths` alias (`@/app/chart`) stands for, or null. */
  resolveAlias?(specifier: string): string | null;
}
