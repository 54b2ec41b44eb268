import type { CommandFn } from '../io';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

/** strftime in UTC (the lab machines run in UTC), covering what people pass to `date +...`. */
export function formatDate(ms: number, fmt: string): string {
  const d = new Date(ms);
  const f: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()), y: () => pad(d.getUTCFullYear() % 100), m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()), e: () => pad(d.getUTCDate(), 2, ' '), H: () => pad(d.getUTCHours()),
    I: () => pad((d.getUTCHours() + 11) % 12 + 1), M: () => pad(d.getUTCMinutes()), S: () => pad(d.getUTCSeconds()),
    N: () => pad(d.getUTCMilliseconds() * 1e6, 9), s: () => String(Math.floor(ms / 1000)), p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    a: () => DAYS[d.getUTCDay()], A: () => FULL_DAYS[d.getUTCDay()], b: () => MONTHS[d.getUTCMonth()], h: () => MONTHS[d.getUTCMonth()],
    B: () => FULL_MONTHS[d.getUTCMonth()], Z: () => 'UTC', z: () => '+0000', u: () => String(d.getUTCDay() || 7), w: () => String(d.getUTCDay()),
    j: () => pad(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1, 3), n: () => '\n', t: () => '\t', '%': () => '%',
  };
  f.F = () => `${f.Y()}-${f.m()}-${f.d()}`;
  f.T = () => `${f.H()}:${f.M()}:${f.S()}`;
  f.D = () => `${f.m()}/${f.d()}/${f.y()}`;
  f.R = () => `${f.H()}:${f.M()}`;
  f.c = () => `${f.a()} ${f.b()} ${f.e()} ${f.T()} ${f.Y()}`;
  return fmt.replace(/%(-?)([A-Za-z%])/g, (all, dash: string, k: string) => {
    const v = f[k]?.();
    if (v === undefined) return all;
    return dash ? v.replace(/^[0 ]+(?=.)/, '') : v;
  });
}

/** `date` on the simulated clock: default format, `+FORMAT`, `-u`, `-R`, `-I`, `-d @EPOCH`. */
export const date: CommandFn = ({ argv, io, env }) => {
  let ms = env.cluster.now();
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('+')) fmt = a.slice(1);
    else if (a === '-u' || a === '--utc') continue;
    else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a === '--iso-8601') fmt = '%F';
    else if (a === '-d' || a.startsWith('--date')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const parsed = v?.startsWith('@') ? Number(v.slice(1)) * 1000 : v === 'now' ? ms : Date.parse(v ?? '');
      if (Number.isNaN(parsed)) { io.stderr(`date: invalid date '${v ?? ''}'\n`); return 1; }
      ms = parsed;
    } else {
      io.stderr(`date: invalid date '${a}'\n`);
      return 1;
    }
  }
  io.stdout(`${formatDate(ms, fmt)}\n`);
  return 0;
};
