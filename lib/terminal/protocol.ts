/**
 * The terminal wire protocol: JSON text frames over one WebSocket per open terminal.
 * Shared by the server and the browser, so it holds only types and constants (no imports:
 * it ends up in the lesson page's bundle). Parsing lives in wire-schema.ts, server-side.
 */
export const TERMINAL_PATH = '/api/terminal';
/** Window events the terminal raises for the rest of the page (detail: the ServerMessage + labKey). */
export const LAB_COMMAND_EVENT = 'kubelab:command-done';
export const LAB_STATUS_EVENT = 'kubelab:lab-status';
/** Window events the page raises for the terminal: run a command (detail: LabRunDetail), reset the lab. */
export const LAB_RUN_EVENT = 'kubelab:run';
export const LAB_RESET_EVENT = 'kubelab:reset';
/** Raised by the terminal once the server has put the lab back to its starting state. */
export const LAB_RESET_DONE_EVENT = 'kubelab:reset-done';
export interface LabRunDetail {
  /** Shell text sent as one bracketed paste followed by Enter (a script may span lines). */
  text: string;
}
/** Largest frame the server accepts (a generous paste); larger frames close the socket. */
export const MAX_FRAME_BYTES = 1024 * 1024;

export type ClientMessage =
  /** Raw keystrokes or pasted text, exactly as xterm.js reports them. */
  | { t: 'in'; d: string }
  | { t: 'resize'; cols: number; rows: number }
  | { t: 'ping'; id: number }
  /** Put the lab back to its starting state (saved snapshot deleted, setup run again). */
  | { t: 'reset' };

/** Live grading of the lab's exercises (structural copy of lib/grading's result; client-safe). */
export interface LiveExerciseResult {
  exerciseId: string;
  passed: boolean;
  tasks: { taskId: string; title: string; passed: boolean; message: string }[];
}

export type ServerMessage =
  /** Terminal output (already CRLF-translated, with ANSI sequences). */
  | { t: 'out'; d: string }
  /** Sent once the lab is attached; `restored` tells whether a saved lab was loaded. */
  | { t: 'ready'; restored: boolean }
  /** A command finished; `mutated` is true when the lab changed (the page may refresh status). */
  | { t: 'done'; exitCode: number; mutated: boolean }
  /** The exercises' checks re-run after the lab changed (a command, or simulated time passing). */
  | { t: 'status'; labKey: string; results: LiveExerciseResult[] }
  /** The lab was reset: clear the screen; a fresh `ready` and prompt follow. */
  | { t: 'reset'; labKey: string }
  | { t: 'pong'; id: number }
  | { t: 'error'; message: string };

export function encodeServerMessage(m: ServerMessage): string {
  return JSON.stringify(m);
}
