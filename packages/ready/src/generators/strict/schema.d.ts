export interface StrictGeneratorSchema {
  project?: string;
  all?: boolean;
  /** `all` or strict flags (comma-separated on the command line: Nx splits them). */
  flags?: string[];
  fix?: boolean;
}
