export interface ReadyExecutorSchema {
  /** Folder of ready.json and ready.md, workspace-relative; `{projectRoot}` is replaced. */
  outputPath?: string;
  /** The target fails when the project's score is under this. */
  minScore?: number;
  /** Weight of each check in the score, by check id; unlisted checks keep their default weight. */
  weights?: Record<string, number>;
  /** Ids of the checks to run; all when unset. */
  checks?: string[];
}
