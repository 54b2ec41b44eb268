import { ExitRequest, type CommandFn } from '../io';

/** echo with -n/-e/-E, as bash's builtin. */
export const echo: CommandFn = ({ argv, io }) => {
  let i = 1, newline = true, escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]); i++) {
    for (const f of argv[i].slice(1)) { if (f === 'n') newline = false; else escapes = f === 'e'; }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    text = text.replace(/\\(n|t|\\|e|a|r|0)/g, (_, c: string) =>
      ({ n: '\n', t: '\t', '\\': '\\', e: '\x1b', a: '\x07', r: '\r', 0: '' })[c] ?? c);
  }
  io.stdout(newline ? `${text}\n` : text);
  return 0;
};

export const clear: CommandFn = ({ io }) => { io.stdout('\x1b[H\x1b[2J\x1b[3J'); return 0; };

/** `history` prints `%5d  %s` lines like bash; `history -c` clears. */
export const history: CommandFn = ({ argv, io, env }) => {
  if (argv[1] === '-c') { env.history.length = 0; return 0; }
  const n = argv[1] && /^\d+$/.test(argv[1]) ? Number(argv[1]) : env.history.length;
  const start = Math.max(0, env.history.length - n);
  env.history.slice(start).forEach((h, idx) => io.stdout(`${String(start + idx + 1).padStart(5)}  ${h}\n`));
  return 0;
};

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** coreutils sleep: NUMBER[smhd]..., summed; the session's sleep decides what waiting means. */
export const sleep: CommandFn = async ({ argv, io, env, signal }) => {
  if (argv.length < 2) {
    io.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of argv.slice(1)) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m && a !== 'infinity') {
      io.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += m ? Number(m[1]) * UNITS[m[2]] : 365 * 86400;
  }
  await env.sleep(Math.round(total * 1000), signal);
  return signal?.aborted ? 130 : 0;
};

export const exportCmd: CommandFn = ({ argv, io, env }) => {
  if (argv.length === 1 || argv[1] === '-p') {
    for (const [k, v] of [...env.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout(`declare -x ${k}="${v}"\n`);
    return 0;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      io.stderr(`bash: export: \`${a}': not a valid identifier\n`);
      return 1;
    }
    if (eq >= 0) env.vars.set(name, a.slice(eq + 1));
    else if (!env.vars.has(name)) env.vars.set(name, '');
  }
  return 0;
};

export const envCmd: CommandFn = ({ argv, io, env }) => {
  if (argv[0] === 'printenv' && argv.length > 1) {
    const values = argv.slice(1).map((k) => env.vars.get(k));
    for (const v of values) if (v !== undefined) io.stdout(`${v}\n`);
    return values.every((v) => v !== undefined) ? 0 : 1;
  }
  for (const [k, v] of env.vars) io.stdout(`${k}=${v}\n`);
  return 0;
};

export const unset: CommandFn = ({ argv, env }) => {
  for (const a of argv.slice(1)) if (!a.startsWith('-')) env.vars.delete(a);
  return 0;
};

export const exit: CommandFn = ({ argv, env }) => {
  const code = argv[1] === undefined ? Number(env.vars.get('?') ?? 0) : Number(argv[1]) & 255;
  throw new ExitRequest(Number.isNaN(code) ? 2 : code);
};
