export interface HeadersGeneratorSchema {
  project?: string;
  all?: boolean;
  csp?: 'report-only' | 'enforce';
  hstsPreload?: boolean;
  skipFormat?: boolean;
}
