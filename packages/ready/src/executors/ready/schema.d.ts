import { CheckOptions } from '../../core/contracts/check';
import { Waiver } from '../../features/readiness/waivers';

export interface ReadyExecutorSchema extends CheckOptions {
  /** Folder of ready.json and ready.md, workspace-relative; `{projectRoot}` is replaced. */
  outputPath?: string;
  /** The target fails when the project's score is under this. */
  minScore?: number;
  /** The target fails under this level (bronze, silver, gold). */
  minLevel?: string;
  /** The checks each level adds, replacing the defaults of the levels given. */
  levels?: Record<string, string[]>;
  /** Weight of each check in the score, by check id; unlisted checks keep their default weight. */
  weights?: Record<string, number>;
  /** Ids of the checks to run; all when unset. */
  checks?: string[];
  waivers?: Waiver[];
  /** Write <projectRoot>/ready-baseline.json from this run; from then on the gate fails only on what gets worse. */
  updateBaseline?: boolean;
}
