export { makeCurl } from './curl';
export { makeWget } from './wget';
export { makeNslookup } from './nslookup';
export { httpFetch, parseUrl } from './http-client';
export type { NetOrigin } from './http-client';
export { makeDig } from './dig';
