import { z } from 'zod';

/**
 * The terminal wire protocol: JSON text frames over one WebSocket per open terminal.
 * This file is shared by the server and the browser, so it imports nothing but zod.
 */
export const TERMINAL_PATH = '/api/terminal';
/** Largest frame the server accepts (a generous paste); larger frames close the socket. */
export const MAX_FRAME_BYTES = 1024 * 1024;

export const labKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,80}\/[a-z0-9][a-z0-9-]{0,80}$/, 'lab key must be "<course>/<lesson>"');

export const clientMessageSchema = z.discriminatedUnion('t', [
  /** Raw keystrokes or pasted text, exactly as xterm.js reports them. */
  z.object({ t: z.literal('in'), d: z.string().max(MAX_FRAME_BYTES) }),
  z.object({ t: z.literal('resize'), cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }),
  z.object({ t: z.literal('ping'), id: z.number() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  /** Terminal output (already CRLF-translated, with ANSI sequences). */
  | { t: 'out'; d: string }
  /** Sent once the lab is attached; `restored` tells whether a saved lab was loaded. */
  | { t: 'ready'; restored: boolean }
  /** A command finished; `mutated` is true when the lab changed (the page may refresh status). */
  | { t: 'done'; exitCode: number; mutated: boolean }
  | { t: 'pong'; id: number }
  | { t: 'error'; message: string };

export function encodeServerMessage(m: ServerMessage): string {
  return JSON.stringify(m);
}

export function parseClientMessage(raw: string): ClientMessage | null {
  try {
    const r = clientMessageSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
