import { getPrisma } from './client';

/**
 * Lab snapshots: one JSON document per (user, lab key), e.g. `{ cluster, shell }`.
 * lib/db does not know the shape; callers validate what they read back.
 */

export type LabSnapshotRecord = { labKey: string; data: string; updatedAt: Date };

/** The stored row: `data` is the JSON text exactly as saved. */
export async function getLabSnapshot(userId: string, labKey: string): Promise<LabSnapshotRecord | null> {
  return getPrisma().labSnapshot.findUnique({
    where: { userId_labKey: { userId, labKey } },
    select: { labKey: true, data: true, updatedAt: true },
  });
}

/** The parsed snapshot, or null when there is none (or it is not valid JSON). */
/** Stores a lab's saved text (lib/terminal/lab-setup.ts's labText; the store does not read it). */
export async function saveLabSnapshot(userId: string, labKey: string, data: string): Promise<void> {
  await getPrisma().labSnapshot.upsert({
    where: { userId_labKey: { userId, labKey } },
    create: { userId, labKey, data },
    update: { data },
  });
}

export async function deleteLabSnapshot(userId: string, labKey: string): Promise<boolean> {
  const { count } = await getPrisma().labSnapshot.deleteMany({ where: { userId, labKey } });
  return count > 0;
}

export async function listLabKeys(userId: string): Promise<{ labKey: string; updatedAt: Date }[]> {
  return getPrisma().labSnapshot.findMany({
    where: { userId },
    select: { labKey: true, updatedAt: true },
    orderBy: { updatedAt: 'desc' },
  });
}
