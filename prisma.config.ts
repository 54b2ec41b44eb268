import { defineConfig } from 'prisma/config';
import { env } from './lib/env';

// Prisma CLI configuration (Prisma 7 keeps the datasource URL here, not in schema.prisma).
// The app applies migrations itself (lib/db/migrate.ts); `prisma migrate deploy` works as well.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: env.DATABASE_URL },
});
