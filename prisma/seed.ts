// Upserts the course catalog (Course/Lesson rows) from the content folder.
// Run: `npx tsx prisma/seed.ts` (also `prisma db seed` through prisma.config.ts).
// server.ts calls the same `seed()` from lib/db on start.
import { disconnectPrisma, seed } from '../lib/db';

seed()
  .then((r) => console.log(`seeded ${r.courses} course(s), ${r.lessons} lesson(s); ${r.instructors} instructor(s)`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectPrisma());
