/** What the smoke target writes beside the project's other results (read by the ready checks). */
export const SMOKE_FILE = 'smoke.json';
