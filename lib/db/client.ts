import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { databaseFile, env } from '@/lib/env';
import { PrismaClient } from './generated/client';
import { existsSync } from 'node:fs';
import { defaultMigrationsDir, migrate } from './migrate';

/**
 * One PrismaClient per process (cached on globalThis so Next's dev reloads and the custom
 * server share it). The first use applies pending migrations, so a fresh checkout just works.
 */

type PrismaCache = { client: PrismaClient; url: string };
const globalForPrisma = globalThis as typeof globalThis & { __kubelabPrisma?: PrismaCache };

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: databaseFile(url) });
  return new PrismaClient({ adapter });
}

/** The shared client for env.DATABASE_URL (or process.env.DATABASE_URL when changed by tests). */
export function getPrisma(): PrismaClient {
  const url = process.env.DATABASE_URL ?? env.DATABASE_URL;
  const cached = globalForPrisma.__kubelabPrisma;
  if (cached && cached.url === url) return cached.client;
  if (cached) void cached.client.$disconnect();
  if (existsSync(defaultMigrationsDir())) migrate({ file: databaseFile(url) });
  const client = createPrismaClient(url);
  globalForPrisma.__kubelabPrisma = { client, url };
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  const cached = globalForPrisma.__kubelabPrisma;
  globalForPrisma.__kubelabPrisma = undefined;
  if (cached) await cached.client.$disconnect();
}
