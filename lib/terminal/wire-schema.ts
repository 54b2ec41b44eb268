import { z } from 'zod';
import { type ClientMessage, MAX_FRAME_BYTES } from './protocol';

/** Server-side validation of what browsers send (protocol.ts has the shared types). */
export const labKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,80}\/[a-z0-9][a-z0-9-]{0,80}$/, 'lab key must be "<course>/<lesson>"');

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('in'), d: z.string().max(MAX_FRAME_BYTES) }),
  z.object({ t: z.literal('resize'), cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }),
  z.object({ t: z.literal('ping'), id: z.number() }),
  z.object({ t: z.literal('reset') }),
]) satisfies z.ZodType<ClientMessage>;

export function parseClientMessage(raw: string): ClientMessage | null {
  try {
    const r = clientMessageSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
