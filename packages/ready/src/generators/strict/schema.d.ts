export interface StrictGeneratorSchema {
  project?: string;
  all?: boolean;
  /** `all` or a comma-separated list of strict flags. */
  flags?: string;
  fix?: boolean;
}
