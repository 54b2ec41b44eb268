import { sortKeys } from '../admission/pod-validation';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * controller.ComputeHash (pkg/controller/controller_utils.go): FNV-32a of the pod template
 * (plus collisionCount), rendered with rand.SafeEncodeString over the decimal digits, which is
 * why template hashes only use the characters 4-9, b, c, d, f (e.g. `6c8b8b8d9f`).
 * Upstream hashes Go's spew dump of the struct; we hash its canonical JSON instead.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let text = JSON.stringify(sortKeys(template ?? {}));
  if (collisionCount) text += String(collisionCount);
  return String(fnv32a(text)).split('').map((c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length]).join('');
}
