export interface InitGeneratorSchema {
  minScore?: number;
  skipFormat?: boolean;
  skipPackageJson?: boolean;
  keepExistingVersions?: boolean;
}
