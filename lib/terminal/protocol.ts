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
/** Fast-forward the lab's simulated clock (detail: LabAdvanceDetail). */
export const LAB_ADVANCE_EVENT = 'kubelab:advance';
export interface LabAdvanceDetail {
  seconds: number;
}
/** Largest single fast-forward (one hour of simulated time). */
export const MAX_ADVANCE_SECONDS = 3600;
/** Raised by the terminal once the server has put the lab back to its starting state. */
export const LAB_RESET_DONE_EVENT = 'kubelab:reset-done';
export interface LabRunDetail {
  /** Shell text sent as one bracketed paste followed by Enter (a script may span lines). */
  text: string;
}
/**
 * The editor pane and the terminal share the terminal's socket: the terminal re-raises the
 * editor's server messages (`ready`, `fs`, `open-editor`) as LAB_SERVER_EVENT (detail: the
 * ServerMessage), and sends what the editor raises as LAB_FS_REQUEST_EVENT (detail: an fs-*
 * ClientMessage).
 */
export const LAB_SERVER_EVENT = 'kubelab:server-message';
export const LAB_FS_REQUEST_EVENT = 'kubelab:fs-request';
/** A lesson's "편집기에서 열기" (detail: LabEditorOpenDetail): the editor opens the text as a new file. */
export const LAB_EDITOR_OPEN_EVENT = 'kubelab:editor-open';
export interface LabEditorOpenDetail {
  text: string;
  /** Suggested file name (e.g. `stateful-db.yaml` from metadata.name); the editor keeps it unique. */
  name?: string;
}
/** The learner's home directory; the editor pane reads and writes only below it. */
export const LAB_HOME = '/root';
/** Largest file the editor pane may save (UTF-8 bytes); with JSON escaping it fits in one frame. */
export const MAX_EDITOR_FILE_BYTES = 512 * 1024;

/** Largest frame the server accepts (a generous paste); larger frames close the socket. */
export const MAX_FRAME_BYTES = 1024 * 1024;

export type ClientMessage =
  /** Raw keystrokes or pasted text, exactly as xterm.js reports them. */
  | { t: 'in'; d: string }
  | { t: 'resize'; cols: number; rows: number }
  | { t: 'ping'; id: number }
  /** Put the lab back to its starting state (saved snapshot deleted, setup run again). */
  | { t: 'reset' }
  /** Fast-forward simulated time by `seconds` (1..MAX_ADVANCE_SECONDS); the lab stays ahead of the wall clock. */
  | { t: 'advance'; seconds: number }
  /** Editor pane: list the home directory's files (reply: fs list). */
  | { t: 'fs-list' }
  /** Editor pane: read a file (absolute path under /root; reply: fs read, or fs error). */
  | { t: 'fs-read'; path: string }
  /** Editor pane: save a file (reply: fs written to the sender, fs changed to every terminal). */
  | { t: 'fs-write'; path: string; content: string };

/** A file of the lab's home directory. */
export interface LabFileInfo {
  path: string;
  size: number;
}

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
  | { t: 'fs'; op: 'list'; files: LabFileInfo[] }
  /** `content` null: no such file (the editor opens an empty buffer, as vi does). */
  | { t: 'fs'; op: 'read'; path: string; content: string | null }
  | { t: 'fs'; op: 'written'; path: string; files: LabFileInfo[] }
  /** Files changed by a command or another editor; open tabs re-read `changed` paths. */
  | { t: 'fs'; op: 'changed'; changed: string[]; files: LabFileInfo[] }
  | { t: 'fs'; op: 'error'; path?: string; message: string }
  /** `vi FILE` and friends: show the editor pane with FILE open ('' = just show the pane). */
  | { t: 'open-editor'; path: string }
  | { t: 'error'; message: string };

export function encodeServerMessage(m: ServerMessage): string {
  return JSON.stringify(m);
}
