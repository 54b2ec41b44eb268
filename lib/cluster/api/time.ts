/** RFC 3339 with second precision, as metav1.Time serialises (`2025-01-02T03:04:05Z`). */
export function rfc3339(ms: number): string {
  const s = Math.floor(ms / 1000);
  // Controllers stamp many objects within one simulated second: format each second once.
  if (s !== lastSecond) { lastSecond = s; lastText = new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'); }
  return lastText;
}
let lastSecond = NaN;
let lastText = '';

/** metav1.MicroTime (`2025-01-02T03:04:05.123456Z`), used by events.k8s.io eventTime. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

export function parseTime(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}
