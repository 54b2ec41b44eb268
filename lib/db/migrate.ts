import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile, env } from '@/lib/env';

/**
 * A tiny `prisma migrate deploy` for SQLite: applies `prisma/migrations/<name>/migration.sql`
 * in name order and keeps the same `_prisma_migrations` bookkeeping as Prisma's schema engine,
 * so either tool can take over from the other.
 */

export type MigrateOptions = {
  /** Path of the SQLite file (created when missing); default: the file of DATABASE_URL. */
  file?: string;
  /** Folder holding `<timestamp>_<name>/migration.sql`; default `<cwd>/prisma/migrations`. */
  migrationsDir?: string;
  log?: (message: string) => void;
};

export type MigrateResult = { applied: string[]; total: number };

export type MigrationFile = { name: string; sql: string; checksum: string };

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: number | string | null;
  rolled_back_at: number | string | null;
};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function defaultMigrationsDir(): string {
  return path.resolve(process.cwd(), 'prisma', 'migrations');
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** The migration folders on disk, in the order Prisma applies them. */
export function readMigrations(dir: string = defaultMigrationsDir()): MigrationFile[] {
  // turbopackIgnore: read at run time; tracing these paths would pull in the whole project.
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new MigrationError(`Migrations folder not found: ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => statSync(path.join(/*turbopackIgnore: true*/ dir, name)).isDirectory())
    .filter((name) => existsSync(path.join(/*turbopackIgnore: true*/ dir, name, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(/*turbopackIgnore: true*/ dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/**
 * Applies every pending migration inside one IMMEDIATE transaction (all or nothing, and safe
 * against a concurrent migrator). Throws MigrationError when an applied migration was edited,
 * a previous migration failed half-way, or a migration's SQL fails.
 */
export function migrate(options: MigrateOptions = {}): MigrateResult {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const file = path.resolve(/*turbopackIgnore: true*/ options.file ?? databaseFile(process.env.DATABASE_URL ?? env.DATABASE_URL));
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.exec(CREATE_TABLE);
    const run = db.transaction((): string[] => {
      const rows = db
        .prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"')
        .all() as AppliedRow[];
      const applied = new Map<string, AppliedRow>();
      for (const row of rows) {
        if (row.rolled_back_at !== null) continue;
        if (row.finished_at === null) {
          throw new MigrationError(
            `Migration ${row.migration_name} started but never finished (failed earlier). ` +
              'Fix the database by hand, then mark it rolled back or applied.',
          );
        }
        applied.set(row.migration_name, row);
      }
      for (const m of migrations) {
        const row = applied.get(m.name);
        if (row && row.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was modified after it was applied ` +
              `(checksum ${row.checksum.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… on disk). ` +
              'Applied migrations must never change: restore the file and add a new migration instead.',
          );
        }
      }
      const known = new Set(migrations.map((m) => m.name));
      for (const name of applied.keys()) {
        if (!known.has(name)) log(`warning: migration ${name} is in the database but not on disk`);
      }
      const insert = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
      );
      const done: string[] = [];
      for (const m of migrations) {
        if (applied.has(m.name)) continue;
        const startedAt = Date.now();
        try {
          db.exec(m.sql);
        } catch (error) {
          throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
        }
        // Prisma's schema engine stores DateTime as epoch milliseconds on SQLite.
        insert.run(randomUUID(), m.checksum, Date.now(), m.name, startedAt);
        log(`applied migration ${m.name}`);
        done.push(m.name);
      }
      return done;
    });
    const applied = run.immediate();
    return { applied, total: migrations.length };
  } finally {
    db.close();
  }
}
