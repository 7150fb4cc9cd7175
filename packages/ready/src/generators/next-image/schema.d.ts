export interface NextImageGeneratorSchema {
  project?: string;
  all?: boolean;
  strategy?: 'static-import' | 'dimensions';
  remotePatterns?: boolean;
  skipFormat?: boolean;
}
