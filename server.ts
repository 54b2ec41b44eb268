/**
 * KubeLab's HTTP server: Next.js's request handler plus the terminal WebSocket endpoint.
 * Usage: `tsx server.ts` (production build required) or `tsx server.ts --dev`.
 * On start it migrates and seeds the SQLite database, so a fresh clone needs no manual step.
 */
import { env } from '@/lib/env';
import { createServer } from 'node:http';
import next from 'next';
import { identifyRequest } from '@/lib/auth';
import { getLabSetup, getLesson, type Exercise } from '@/lib/content';
import { gradeExercise } from '@/lib/grading';
import { deleteLabSnapshot, deleteStaleGuests, getLabSnapshot, migrate, recordLessonOpened, saveLabSnapshot, seed } from '@/lib/db';
import { attachTerminalServer, LabRegistry, LiveStatus } from '@/lib/terminal';

const dev = process.argv.includes('--dev');

async function main(): Promise<void> {
  await migrate();
  await seed();
  // Housekeeping: guests from more than a day ago that never used a lab or a lesson.
  await deleteStaleGuests(new Date(Date.now() - 24 * 60 * 60 * 1000));

  const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Exercises per lab; content does not change under a production server.
  const exerciseCache = new Map<string, Promise<Exercise[]>>();
  const exercisesOf = (labKey: string): Promise<Exercise[]> => {
    let hit = exerciseCache.get(labKey);
    if (!hit || dev) {
      const [course, lesson] = labKey.split('/');
      hit = getLesson(course, lesson).then((l) => l?.exercises ?? []);
      exerciseCache.set(labKey, hit);
    }
    return hit;
  };
  /** Live status: grade the lab's exercises on its live cluster (read-only), coalesced per lab. */
  const live = new LiveStatus(async (session) => {
    const exercises = await exercisesOf(session.labKey);
    return exercises.length === 0 ? null : exercises.map((exercise) => gradeExercise(exercise, session.cluster));
  });

  const registry = new LabRegistry({
    onMutated: (session) => live.changed(session),
    // A fresh lab (first visit, "실습 초기화") starts from its lab.yaml `setup`.
    labSetup: getLabSetup,
    store: {
      load: async (userId, labKey) => (await getLabSnapshot(userId, labKey))?.data ?? null,
      save: (userId, labKey, data) => saveLabSnapshot(userId, labKey, data),
      delete: async (userId, labKey) => void (await deleteLabSnapshot(userId, labKey)),
    },
  });
  const terminals = attachTerminalServer({
    registry,
    identify: identifyRequest,
    labExists: async (labKey) => {
      const [course, lesson] = labKey.split('/');
      return (await getLesson(course, lesson)) !== null;
    },
    onConnect: (session) => {
      // A guest's first visit renders before the guest exists; the terminal attaching records it.
      const [courseSlug, lessonSlug] = session.labKey.split('/');
      recordLessonOpened({ userId: session.userId, courseSlug, lessonSlug }).catch((err) => console.error(err));
      live.now(session).catch((err) => console.error(err));
    },
    onReset: (session) => void live.now(session).catch((err) => console.error(err)),
  });
  const nextUpgrade = dev ? app.getUpgradeHandler() : null;

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end('Internal Server Error');
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (terminals.handleUpgrade(req, socket, head)) return;
    if (nextUpgrade) void nextUpgrade(req, socket, head);
    else socket.destroy();
  });

  const shutdown = () => {
    terminals.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  server.listen(env.PORT, env.HOSTNAME, () => {
    console.log(`KubeLab ready on http://localhost:${env.PORT} (${dev ? 'development' : 'production'})`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
