/**
 * Go's time.Duration.String() for a millisecond-truncated duration, as the kubelet prints
 * pull times (pkg/kubelet/images/image_manager.go truncates to time.Millisecond):
 * 850 → "850ms", 3233 → "3.233s", 3200 → "3.2s", 65000 → "1m5s".
 */
export function goDuration(ms: number): string {
  ms = Math.floor(ms);
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = ms % 60_000;
  const sec = Math.floor(rest / 1000);
  const frac = String(rest % 1000).padStart(3, '0').replace(/0+$/, '');
  let out = `${sec}${frac ? `.${frac}` : ''}s`;
  if (h > 0 || m > 0) out = `${m}m${out}`;
  if (h > 0) out = `${h}h${out}`;
  return out;
}
