import type { CommandFn } from '../io';
import { compile } from './regex';

type Address = { line: number } | { last: true } | { re: RegExp };
interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: string;
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  /** Range state: inside the range. */
  active?: boolean;
}

class SedError extends Error {}

/** Reads `<d>...<d>` from `at` (just after the opening delimiter); `\d` is a literal delimiter. */
function delimited(s: string, at: number, d: string): [string, number] {
  let out = '';
  for (let i = at; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      out += s[i + 1] === d ? d : s[i] + s[i + 1];
      i++;
    } else if (s[i] === d) return [out, i + 1];
    else out += s[i];
  }
  throw new SedError(`-e expression #1, char ${s.length}: unterminated \`s' command`);
}

/** Parses a sed script: `[addr[,addr]][!]cmd` separated by `;` or newlines. */
function parse(script: string, ere: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const regex = (src: string, flags = '') => {
    const re = compile(src, { ere, icase: flags.includes('i') || flags.includes('I'), global: flags.includes('g') });
    if (!re) throw new SedError(`-e expression #1, char ${i}: Invalid regular expression`);
    return re;
  };
  const address = (): Address | undefined => {
    const m = /^\d+/.exec(script.slice(i));
    if (m) { i += m[0].length; return { line: Number(m[0]) }; }
    if (script[i] === '$') { i++; return { last: true }; }
    if (script[i] === '/' || script[i] === '\\') {
      const d = script[i] === '\\' ? script[++i] : '/';
      const [src, next] = delimited(script, i + 1, d);
      i = next;
      return { re: regex(src, script[i] === 'I' ? (i++, 'i') : '') };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: SedCommand = { negate: false, name: '' };
    cmd.from = address();
    if (cmd.from && script[i] === ',') { i++; cmd.to = address(); }
    while (script[i] === ' ') i++;
    if (script[i] === '!') { cmd.negate = true; i++; }
    cmd.name = script[i++] ?? '';
    if (cmd.name === 's' || cmd.name === 'y') {
      const d = script[i];
      const [pat, a] = delimited(script, i + 1, d);
      const [rep, b] = delimited(script, a, d);
      i = b;
      const flags = /^[gpiIe0-9]*/.exec(script.slice(i))![0];
      i += flags.length;
      if (cmd.name === 'y') {
        if (pat.length !== rep.length) throw new SedError("-e expression #1, char " + i + ": strings for `y' command are different lengths");
        cmd.text = pat;
        cmd.replacement = rep;
      } else {
        cmd.re = regex(pat, flags.includes('g') ? flags : `${flags}g`);
        cmd.global = flags.includes('g');
        cmd.nth = Number(/\d+/.exec(flags)?.[0] ?? 1);
        cmd.print = flags.includes('p');
        cmd.replacement = rep;
      }
    } else if ('aic'.includes(cmd.name) && cmd.name) {
      const m = /^\\?\s*(.*)/.exec(script.slice(i).split('\n')[0])!;
      cmd.text = m[1];
      i += script.slice(i).split('\n')[0].length;
    } else if (!'pdqQ=n'.includes(cmd.name) || !cmd.name) {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${cmd.name}'`);
    }
    cmds.push(cmd);
  }
  return cmds;
}

/** `&`, `\1`..`\9`, `\n` of a replacement, for one match. */
function substitute(rep: string, m: RegExpExecArray): string {
  return rep.replace(/\\([0-9&ntn\\])|&/g, (all, c?: string) => {
    if (c === undefined) return m[0];
    if (c === '&') return '&';
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === '\\') return '\\';
    return m[Number(c)] ?? '';
  });
}

function run(cmds: SedCommand[], text: string, quiet: boolean): string {
  const input = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  let out = '';
  const matches = (a: Address, n: number, line: string) =>
    'line' in a ? a.line === n : 'last' in a ? n === input.length : (a.re.lastIndex = 0, a.re.test(line));
  for (let n = 1; n <= input.length; n++) {
    let ps = input[n - 1];
    let deleted = false;
    let append = '';
    let quit = false;
    for (const c of cmds) {
      let hit = true;
      if (c.from && c.to) {
        if (!c.active && matches(c.from, n, ps)) { c.active = true; hit = true; if ('line' in c.to && c.to.line <= n) c.active = false; }
        else if (c.active) { hit = true; if (matches(c.to, n, ps) || ('line' in c.to && c.to.line <= n)) c.active = false; }
        else hit = false;
      } else if (c.from) hit = matches(c.from, n, ps);
      if (hit === c.negate) continue;
      if (c.name === 's') {
        let count = 0;
        let changed = false;
        c.re!.lastIndex = 0;
        ps = ps.replace(c.re!, (...args) => {
          count++;
          const m = args as unknown as RegExpExecArray;
          const groups = args.slice(0, args.findIndex((x) => typeof x === 'number'));
          if (count < c.nth! || (!c.global && count > c.nth!)) return m[0];
          changed = true;
          return substitute(c.replacement!, groups as unknown as RegExpExecArray);
        });
        if (changed && c.print) out += `${ps}\n`;
      } else if (c.name === 'y') {
        ps = [...ps].map((ch) => { const k = c.text!.indexOf(ch); return k < 0 ? ch : c.replacement![k]; }).join('');
      } else if (c.name === 'p') out += `${ps}\n`;
      else if (c.name === '=') out += `${n}\n`;
      else if (c.name === 'd') { deleted = true; break; }
      else if (c.name === 'a') append += `${c.text}\n`;
      else if (c.name === 'i') out += `${c.text}\n`;
      else if (c.name === 'c') { out += `${c.text}\n`; deleted = true; break; }
      else if (c.name === 'q') { quit = true; break; }
      else if (c.name === 'Q') { deleted = true; quit = true; break; }
    }
    if (!deleted && !quiet) out += `${ps}\n`;
    out += append;
    if (quit) break;
  }
  return out;
}

/** GNU sed basics: s///[gpiN], y///, p, d, q, =, a/i/c, addresses (N, $, /re/, ranges, !), -n -e -E -i. */
export const sed: CommandFn = ({ argv, io, env }) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false, ere = false, inPlace = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-e' || a === '--expression') scripts.push(argv[++i] ?? '');
    else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
    else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') ere = true;
    else if (a.startsWith('-i') || a.startsWith('--in-place')) inPlace = true;
    else if (/^-[nErs]+$/.test(a)) { if (a.includes('n')) quiet = true; if (/[Er]/.test(a)) ere = true; }
    else if (a.startsWith('-') && a !== '-') { io.stderr(`sed: invalid option -- '${a.slice(1, 2)}'\n`); return 1; }
    else if (scripts.length === 0 && !files.length) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) { io.stderr('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n'); return 1; }
  let cmds: SedCommand[];
  try {
    cmds = parse(scripts.join('\n'), ere);
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    io.stderr(`sed: ${e.message}\n`);
    return 1;
  }
  if (inPlace && files.length === 0) { io.stderr('sed: no input files\n'); return 1; }
  const texts: string[] = [];
  for (const f of files) {
    const p = env.resolve(f);
    if (!env.vfs.isFile(p)) {
      io.stderr(env.vfs.isDir(p) ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: No such file or directory\n`);
      return 2;
    }
    texts.push(env.vfs.read(p));
  }
  if (inPlace) {
    files.forEach((f, k) => {
      for (const c of cmds) c.active = false;
      env.vfs.write(env.resolve(f), run(cmds, texts[k], quiet));
    });
    return 0;
  }
  io.stdout(run(cmds, files.length ? texts.join('') : io.stdin, quiet));
  return 0;
};
