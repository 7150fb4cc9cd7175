export interface EnvGeneratorSchema {
  project?: string;
  all?: boolean;
  module?: boolean;
  rewrite?: boolean;
  skipFormat?: boolean;
  skipInstall?: boolean;
}
