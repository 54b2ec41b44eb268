import { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumOf, migrate, MigrationError, readMigrations } from './migrate';

let dir: string;
let migrationsDir: string;
let file: string;

function addMigration(name: string, sql: string) {
  mkdirSync(path.join(migrationsDir, name), { recursive: true });
  writeFileSync(path.join(migrationsDir, name, 'migration.sql'), sql);
}

function rows() {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM "_prisma_migrations" ORDER BY migration_name').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kubelab-migrate-'));
  migrationsDir = path.join(dir, 'migrations');
  file = path.join(dir, 'sub', 'test.db');
  mkdirSync(migrationsDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrate', () => {
  it('applies the real migrations to a fresh database with Prisma bookkeeping', () => {
    cpSync(path.resolve('prisma/migrations'), migrationsDir, { recursive: true });
    const result = migrate({ file, migrationsDir });
    expect(result.applied.length).toBeGreaterThan(0);
    const [row] = rows();
    const sql = readMigrations(migrationsDir)[0]!.sql;
    expect(row).toMatchObject({ checksum: checksumOf(sql), logs: null, rolled_back_at: null, applied_steps_count: 1 });
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof row!.finished_at).toBe('number');
    const db = new Database(file, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => (t as { name: string }).name);
    db.close();
    expect(tables).toEqual(expect.arrayContaining(['User', 'LessonProgress', 'Attempt', 'LabSnapshot', 'LoginThrottle']));
  });

  it('adds ExerciseHelp on top of an already-migrated database (upgrade path)', () => {
    const all = readMigrations(path.resolve('prisma/migrations'));
    const init = all.find((m) => m.name.endsWith('_init'))!;
    addMigration(init.name, init.sql);
    expect(migrate({ file, migrationsDir }).applied).toEqual([init.name]);
    cpSync(path.resolve('prisma/migrations'), migrationsDir, { recursive: true });
    expect(migrate({ file, migrationsDir }).applied).toContain('20261127000000_exercise_help');
    const db = new Database(file, { readonly: true });
    const columns = db.prepare('PRAGMA table_info("ExerciseHelp")').all().map((c) => (c as { name: string }).name);
    db.close();
    expect(columns).toEqual(['id', 'userId', 'courseSlug', 'lessonSlug', 'exerciseId', 'hintsRevealed', 'solutionViewedAt', 'solutionUsedAt', 'updatedAt']);
  });

  it('is idempotent and applies only new folders, in name order', () => {
    addMigration('20240101000000_a', 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);');
    expect(migrate({ file, migrationsDir }).applied).toEqual(['20240101000000_a']);
    expect(migrate({ file, migrationsDir }).applied).toEqual([]);
    addMigration('20240301000000_c', 'CREATE TABLE "C" ("id" INTEGER PRIMARY KEY);');
    addMigration('20240201000000_b', 'CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);');
    expect(migrate({ file, migrationsDir }).applied).toEqual(['20240201000000_b', '20240301000000_c']);
    expect(rows().map((r) => r.migration_name)).toEqual(['20240101000000_a', '20240201000000_b', '20240301000000_c']);
  });

  it('refuses when an applied migration was edited', () => {
    addMigration('20240101000000_a', 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);');
    migrate({ file, migrationsDir });
    addMigration('20240101000000_a', 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY, "x" TEXT);');
    addMigration('20240201000000_b', 'CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);');
    expect(() => migrate({ file, migrationsDir })).toThrow(MigrationError);
    expect(() => migrate({ file, migrationsDir })).toThrow(/20240101000000_a was modified/);
    expect(rows()).toHaveLength(1); // nothing else applied
  });

  it('rolls back every pending migration when one fails', () => {
    addMigration('20240101000000_a', 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);');
    addMigration('20240201000000_b', 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);');
    expect(() => migrate({ file, migrationsDir })).toThrow(/20240201000000_b failed/);
    expect(rows()).toHaveLength(0);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'A'").get()).toBeUndefined();
    db.close();
  });

  it('refuses to continue after a migration Prisma recorded as failed', () => {
    addMigration('20240101000000_a', 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);');
    migrate({ file, migrationsDir });
    const db = new Database(file);
    db.prepare('UPDATE "_prisma_migrations" SET finished_at = NULL').run();
    db.close();
    expect(() => migrate({ file, migrationsDir })).toThrow(/never finished/);
  });
});
