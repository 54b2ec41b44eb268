// Applies pending prisma/migrations to DATABASE_URL (same bookkeeping as `prisma migrate deploy`).
// Run: `npx tsx scripts/db-migrate.ts`
import { migrate, MigrationError } from '../lib/db';

try {
  const result = migrate({ log: (m) => console.log(m) });
  console.log(
    result.applied.length
      ? `${result.applied.length} migration(s) applied (${result.total} in total)`
      : `database is up to date (${result.total} migration(s))`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? `error: ${error.message}` : error);
  process.exitCode = 1;
}
