import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once with zod. Everything server-side reads `env.X` from here.
 * A missing NEXTAUTH_SECRET is generated once and kept in `<DATA_DIR>/nextauth-secret`.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port of server.ts'),
  HOSTNAME: z.string().default('0.0.0.0').describe('interface server.ts listens on'),
  DATA_DIR: z.string().default('data').describe('folder for the SQLite file and generated secrets'),
  DATABASE_URL: z.string().startsWith('file:').optional().describe('SQLite URL, default file:<DATA_DIR>/kubelab.db'),
  NEXTAUTH_SECRET: z.string().min(16).optional().describe('JWT/cookie secret; generated when missing'),
  NEXTAUTH_URL: z.string().url().optional(),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  // Parsed into a list by lib/db/roles.ts (which re-reads it, so tests can change it at run time).
  KUBELAB_INSTRUCTORS: z
    .string()
    .optional()
    .refine((v) => !v || v.split(',').map((e) => e.trim()).filter(Boolean).every((e) => /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(e)), 'must be comma-separated e-mail addresses')
    .describe('e-mails of instructor accounts'),
});

export type Env = Required<Pick<z.infer<typeof envSchema>, 'DATABASE_URL' | 'NEXTAUTH_SECRET'>> &
  z.infer<typeof envSchema> & { DATA_DIR: string };

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, 'kubelab.db')}`;
  let secret = e.NEXTAUTH_SECRET;
  if (!secret) {
    const file = path.join(dataDir, 'nextauth-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    secret = readFileSync(file, 'utf8').trim();
  }
  // next-auth and Prisma read these from process.env themselves.
  process.env.NEXTAUTH_SECRET = secret;
  process.env.DATABASE_URL = databaseUrl;
  return { ...e, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret };
}

export const env: Env = loadEnv();

/** Absolute path of the SQLite file behind a `file:` DATABASE_URL. */
export function databaseFile(url: string = env.DATABASE_URL): string {
  return path.resolve(url.replace(/^file:/, ''));
}
