import { headers } from 'next/headers';
import { cache } from 'react';
import { identifyRequest, type Identity } from '@/lib/auth';

/**
 * The learner behind the current request (session JWT, else guest cookie), for server
 * components and server actions; the same rules server.ts applies on the WebSocket upgrade.
 * Cached per request, so the layout and the page share one lookup.
 */
export const getViewer = cache(async (): Promise<Identity | null> => {
  return identifyRequest((await headers()).get('cookie'));
});
