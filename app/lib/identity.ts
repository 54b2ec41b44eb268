import { headers } from 'next/headers';
import { cache } from 'react';
import { identifyRequest, type Identity } from '@/lib/auth';
import { getUserRole, type Role } from '@/lib/db';

/**
 * The learner behind the current request (session JWT, else guest cookie), for server
 * components and server actions; the same rules server.ts applies on the WebSocket upgrade.
 * Cached per request, so the layout and the page share one lookup.
 */
export const getViewer = cache(async (): Promise<Identity | null> => {
  return identifyRequest((await headers()).get('cookie'));
});

/** The viewer's role, read from the database on each request (so a changed list applies at once). */
export const getViewerRole = cache(async (): Promise<Role> => {
  const viewer = await getViewer();
  return viewer && !viewer.isGuest ? getUserRole(viewer.userId) : 'learner';
});
