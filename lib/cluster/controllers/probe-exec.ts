import { IMAGE_TOOLS, imageFamily } from '../runtime/http-apps';
import type { ContainerFiles } from './probe-files';

/**
 * An exec probe's command run inside the container (pkg/probe/exec/exec.go: exit 0 is success,
 * anything else failure with the command's combined output as the message). The simulator reads
 * the everyday probe commands: cat, test/[ ], ls, true/false, exit, echo, and `sh -c` scripts
 * joined by `;`, `&&`, `||`. Other programs are not simulated: they count as passing and say so.
 */
export interface ExecOutcome { code: number; output: string; notSimulated?: string }

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash']);
const KNOWN = new Set(['cat', 'test', '[', 'ls', 'true', 'false', 'exit', 'echo', 'curl', 'wget', ...SHELLS]);

/** An HTTP GET to the pod itself: the status, or undefined when nothing listens on the port. */
export type LocalHttp = (port: number, path: string) => { status: number; reason: string } | undefined;

interface Env { files: ContainerFiles; busybox: boolean; tools?: string[]; http?: LocalHttp }

/** `curl [-f] [-s] URL` / `wget [-q] [-O-] URL` against localhost (the usual health-check commands). */
function fetchLocal(name: string, args: string[], env: Env): ExecOutcome {
  const url = args.find((a) => !a.startsWith('-') && /^(https?:\/\/)?(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(a));
  if (!url || !env.http) return { code: 0, output: '', notSimulated: `${name} ${args.join(' ')}`.trim() };
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)!;
  const port = Number(m[2] ?? 80);
  const res = env.http(port, m[3] ?? '/');
  const host = m[1];
  if (name === 'curl') {
    if (!res) return { code: 7, output: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n` };
    const fail = args.some((a) => /^-[a-zA-Z]*f/.test(a) || a === '--fail');
    if (fail && res.status >= 400) return { code: 22, output: `curl: (22) The requested URL returned error: ${res.status}\n` };
    return { code: 0, output: '' };
  }
  if (!res) return { code: 1, output: `wget: can't connect to remote host (127.0.0.1): Connection refused\n` };
  if (res.status >= 400) return { code: 1, output: `wget: server returned error: HTTP/1.1 ${res.status} ${res.reason}\n` };
  return { code: 0, output: '' };
}

/** Shell words of one simple command, quotes removed. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Splits a script at top-level `;`, `&&`, `||` and newlines, keeping the operator before each part. */
function chain(script: string): { op: string; text: string }[] {
  const out: { op: string; text: string }[] = [];
  let cur = '', quote = '', op = ';';
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) { cur += c; if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") { quote = c; cur += c; continue; }
    const two = script.slice(i, i + 2);
    if (two === '&&' || two === '||' || c === ';' || c === '\n') {
      if (cur.trim()) out.push({ op, text: cur.trim() });
      op = c === '\n' ? ';' : (two === '&&' || two === '||' ? two : c);
      if (two === '&&' || two === '||') i++;
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push({ op, text: cur.trim() });
  return out;
}

function fileTest(env: Env, flag: string, path: string | undefined): boolean {
  if (path === undefined) return flag.length > 0 && !flag.startsWith('-');
  if (flag === '-f') return env.files.isFile(path);
  if (flag === '-d') return env.files.isDir(path);
  if (flag === '-s') return (env.files.read(path) ?? '').length > 0;
  return env.files.exists(path);
}

function run(argv: string[], env: Env): ExecOutcome {
  const [cmd, ...args] = argv;
  const name = cmd.split('/').pop()!;
  if (env.tools && !env.tools.includes(name) && !(env.tools.length > 0 && ['exit', 'test', '['].includes(name))) {
    return { code: 126, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown` };
  }
  if (!KNOWN.has(name)) return { code: 0, output: '', notSimulated: cmd };
  switch (name) {
    case 'true': return { code: 0, output: '' };
    case 'false': return { code: 1, output: '' };
    case 'exit': return { code: Number(args[0] ?? 0) || 0, output: '' };
    case 'echo': return { code: 0, output: `${args.join(' ')}\n` };
    case 'test': return { code: fileTest(env, args[0] ?? '', args[1]) ? 0 : 1, output: '' };
    case '[': return { code: fileTest(env, args[0] ?? '', args[1] === ']' ? undefined : args[1]) ? 0 : 1, output: '' };
    case 'cat': {
      let out = '';
      for (const p of args.filter((a) => !a.startsWith('-'))) {
        const text = env.files.read(p);
        if (text !== undefined) { out += text; continue; }
        const why = env.files.isDir(p) ? 'Is a directory' : 'No such file or directory';
        return { code: 1, output: `${out}${env.busybox ? `cat: can't open '${p}': ${why}` : `cat: ${p}: ${why}`}\n` };
      }
      return { code: 0, output: out };
    }
    case 'curl':
    case 'wget': return fetchLocal(name, args, env);
    case 'ls': {
      const missing = args.filter((a) => !a.startsWith('-')).find((p) => !env.files.exists(p));
      if (missing === undefined) return { code: 0, output: '' };
      return { code: env.busybox ? 1 : 2, output: env.busybox ? `ls: ${missing}: No such file or directory\n` : `ls: cannot access '${missing}': No such file or directory\n` };
    }
    default: {
      if (args[0] !== '-c') return { code: 0, output: '' };
      return script(args.slice(1).join(' '), env);
    }
  }
}

function script(text: string, env: Env): ExecOutcome {
  let last: ExecOutcome = { code: 0, output: '' };
  let output = '';
  for (const part of chain(text)) {
    if (part.op === '&&' && last.code !== 0) continue;
    if (part.op === '||' && last.code === 0) continue;
    const argv = words(part.text);
    if (argv.length === 0) continue;
    last = run(argv, env);
    output += last.output;
    if (last.notSimulated || argv[0] === 'exit') break;
  }
  return { ...last, output };
}

export function runExecProbe(command: string[], image: string, files: ContainerFiles, http?: LocalHttp): ExecOutcome {
  const family = imageFamily(image);
  const env: Env = { files, busybox: family === 'busybox' || family === 'curl', tools: family ? IMAGE_TOOLS[family] : undefined, http };
  if (command.length === 0) return { code: 1, output: '' };
  if (SHELLS.has(command[0]) && command[1] === '-c') {
    if (env.tools && !env.tools.includes(command[0].split('/').pop()!)) return run(command, env);
    return script(command.slice(2).join(' '), env);
  }
  return run(command, env);
}
