export interface CiGeneratorSchema {
  /** github (the default) or gitlab; anything else is reported as not supported yet. */
  provider?: string;
  parallel?: number;
  job?: string;
  skipFormat?: boolean;
}
