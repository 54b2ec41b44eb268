/**
 * Seeded pseudo-random numbers (sfc32 seeded by a cyrb128 string hash). The whole
 * generator state is four uint32 words so a cluster snapshot can carry it.
 */
export type PrngState = [number, number, number, number];

export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  state(): PrngState;
}

function hashSeed(seed: string): PrngState {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createPrng(seed: string | PrngState): Prng {
  let [a, b, c, d] = typeof seed === 'string' ? hashSeed(seed) : seed;
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}

// Alphabet without vowels and confusable characters, as in
// staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go (SafeEncodeString).
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Random suffix like the API server's generateName (5 chars) or a pod-template-hash. */
export function randomSuffix(prng: Prng, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[prng.int(SAFE_ALPHABET.length)];
  return out;
}

export function randomHex(prng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += prng.int(16).toString(16);
  return out;
}

/** RFC 4122 version-4 shaped UID, like k8s.io/apimachinery/pkg/util/uuid. */
export function randomUid(prng: Prng): string {
  const h = randomHex(prng, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[prng.int(4)];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
