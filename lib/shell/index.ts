/** Public API of the simulated shell (bash + kubectl); transport-free. */
export { createShell } from './session';
export type { HomeFile, ShellOptions, ShellSession, ShellState } from './session';
export { isCompleteInput } from './parser/parser';
export { splitCommandLines } from './split';
export type { Completion } from './complete';
export { runLabSetup, startLab, SETUP_SETTLE_MS, type SetupFailure } from './lab-setup';
