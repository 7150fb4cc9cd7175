/** The coverage feature's files: its records in the project's results folder, its baseline in the project. */
export const TESTS_FILE = 'tests.json';
export const COVERAGE_GATE_FILE = 'coverage-gate.json';
export const BASELINE_FILE = 'coverage-baseline.json';
