/** What the smoke target writes beside the project's other results (read by the ready checks). */
export const SMOKE_FILE = 'smoke.json';
/** What the smoke-record target writes: the build folder served, the record ready's smoke checks read. */
export const SMOKE_RECORD_FILE = 'smoke-record.json';
