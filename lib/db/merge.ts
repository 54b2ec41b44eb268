import { getPrisma } from './client';

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}
function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}

/**
 * Signing in to an existing account while holding a guest identity: the guest's progress,
 * attempts and labs move to the account (the newer lab wins a clash) and the guest row goes.
 * Returns false when `guestId` is not a guest (nothing to merge).
 */
export async function mergeGuestIntoUser(guestId: string, userId: string): Promise<boolean> {
  if (guestId === userId) return false;
  return getPrisma().$transaction(async (tx) => {
    const guest = await tx.user.findUnique({ where: { id: guestId } });
    if (!guest?.isGuest) return false;

    for (const row of await tx.lessonProgress.findMany({ where: { userId: guestId } })) {
      const key = { userId_courseSlug_lessonSlug: { userId, courseSlug: row.courseSlug, lessonSlug: row.lessonSlug } };
      const mine = await tx.lessonProgress.findUnique({ where: key });
      if (!mine) {
        await tx.lessonProgress.update({ where: { id: row.id }, data: { userId } });
        continue;
      }
      const completed = [mine.completedAt, row.completedAt].filter((d): d is Date => d !== null);
      await tx.lessonProgress.update({
        where: key,
        data: {
          openedAt: minDate(mine.openedAt, row.openedAt),
          lastOpenedAt: maxDate(mine.lastOpenedAt, row.lastOpenedAt),
          completedAt: completed.length ? completed.reduce(minDate) : null,
        },
      });
    }

    await tx.attempt.updateMany({ where: { userId: guestId }, data: { userId } });

    for (const help of await tx.exerciseHelp.findMany({ where: { userId: guestId } })) {
      const { courseSlug, lessonSlug, exerciseId } = help;
      const key = { userId_courseSlug_lessonSlug_exerciseId: { userId, courseSlug, lessonSlug, exerciseId } };
      const mine = await tx.exerciseHelp.findUnique({ where: key });
      if (!mine) {
        await tx.exerciseHelp.update({ where: { id: help.id }, data: { userId } });
        continue;
      }
      const earliest = (a: Date | null, b: Date | null) => (a && b ? minDate(a, b) : (a ?? b));
      await tx.exerciseHelp.update({
        where: key,
        data: {
          hintsRevealed: Math.max(mine.hintsRevealed, help.hintsRevealed),
          solutionViewedAt: earliest(mine.solutionViewedAt, help.solutionViewedAt),
          solutionUsedAt: earliest(mine.solutionUsedAt, help.solutionUsedAt),
        },
      });
    }

    for (const lab of await tx.labSnapshot.findMany({ where: { userId: guestId } })) {
      const key = { userId_labKey: { userId, labKey: lab.labKey } };
      const mine = await tx.labSnapshot.findUnique({ where: key });
      if (mine && mine.updatedAt >= lab.updatedAt) continue;
      if (mine) await tx.labSnapshot.delete({ where: key });
      await tx.labSnapshot.update({ where: { id: lab.id }, data: { userId } });
    }

    await tx.user.delete({ where: { id: guestId } }); // cascades what was not moved
    return true;
  });
}
