import { z } from 'zod';
import { type ClientMessage, LAB_HOME, MAX_ADVANCE_SECONDS, MAX_EDITOR_FILE_BYTES, MAX_FRAME_BYTES } from './protocol';

/** Server-side validation of what browsers send (protocol.ts has the shared types). */
export const labKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,80}\/[a-z0-9][a-z0-9-]{0,80}$/, 'lab key must be "<course>/<lesson>"');

/**
 * A file path the editor pane may touch: absolute, under /root, no `.`/`..`/empty segments,
 * no control characters, at most 1024 characters.
 */
export const labFilePathSchema = z
  .string()
  .max(1024)
  .refine(
    (p) =>
      p.startsWith(`${LAB_HOME}/`) &&
      !/[\u0000-\u001f\u007f]/.test(p) &&
      p.slice(LAB_HOME.length + 1).split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'),
    'path must be a file under /root',
  );

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('in'), d: z.string().max(MAX_FRAME_BYTES) }),
  z.object({ t: z.literal('resize'), cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }),
  z.object({ t: z.literal('ping'), id: z.number() }),
  z.object({ t: z.literal('reset') }),
  z.object({ t: z.literal('advance'), seconds: z.number().int().min(1).max(MAX_ADVANCE_SECONDS) }),
  z.object({ t: z.literal('fs-list') }),
  z.object({ t: z.literal('fs-read'), path: labFilePathSchema }),
  z.object({
    t: z.literal('fs-write'),
    path: labFilePathSchema,
    content: z.string().refine((c) => Buffer.byteLength(c, 'utf8') <= MAX_EDITOR_FILE_BYTES, 'file too large (max 512 KiB)'),
  }),
]) satisfies z.ZodType<ClientMessage>;

export function parseClientMessage(raw: string): ClientMessage | null {
  try {
    const r = clientMessageSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
