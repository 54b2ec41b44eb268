/** Text the terminal layer prints around the shell's own output. */

/** The first line of every attached terminal. */
export const GREETING =
  '\x1b[2mKubeLab 실습 터미널 · 시뮬레이션 클러스터 (쿠버네티스 v1.34)\x1b[0m\r\n';

/** `90` → `1분 30초`, `300` → `5분`, `3600` → `1시간`. */
export function formatSkip(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h}시간`, m && `${m}분`, s && `${s}초`].filter(Boolean).join(' ') || '0초';
}

/** Converts the shell's `\n` into the `\r\n` a terminal needs. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
