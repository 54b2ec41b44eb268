import type { CommandContext, CommandFn } from '../io';
import { globMatch } from '../glob';
import { compile } from './regex';

class TestError extends Error {}

const UNARY_FILE = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h']);
const INT_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

function integer(s: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
  return Number(s);
}

/**
 * Evaluates test(1) / `[` / `[[` arguments: string and integer comparisons, file tests on the
 * home filesystem, `!`, `-a`/`-o` (test) or `&&`/`||` (`[[`, when quoted), and parentheses.
 */
function evaluate(ctx: CommandContext, args: string[], extended: boolean): boolean {
  const vfs = ctx.env.vfs;
  let i = 0;
  const fileTest = (op: string, f: string): boolean => {
    const p = ctx.env.resolve(f);
    if (op === '-d') return vfs.isDir(p);
    if (op === '-f') return vfs.isFile(p);
    if (op === '-s') return vfs.isFile(p) && vfs.size(p) > 0;
    if (op === '-L' || op === '-h') return false;
    return vfs.exists(p);
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!') { i++; return !primary(); }
    if (a === '(') {
      i++;
      const v = or();
      if (args[i++] !== ')') throw new TestError("`)' expected");
      return v;
    }
    const op = args[i + 1];
    const rhs = args[i + 2];
    if (op !== undefined && rhs !== undefined && !['-a', '-o', '&&', '||', ')'].includes(op)) {
      i += 3;
      if (op === '=' || op === '==') return extended ? globMatch(rhs, a) : a === rhs;
      if (op === '!=') return extended ? !globMatch(rhs, a) : a !== rhs;
      if (op === '<') return a < rhs;
      if (op === '>') return a > rhs;
      if (op === '=~' && extended) {
        const re = compile(rhs, { ere: true });
        if (!re) throw new TestError(`${rhs}: invalid regular expression`);
        return re.test(a);
      }
      if (INT_OPS.has(op)) {
        const [x, y] = [integer(a), integer(rhs)];
        return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op]!;
      }
      i -= 3;
    }
    if (op !== undefined && (a === '-z' || a === '-n' || UNARY_FILE.has(a))) {
      i += 2;
      if (a === '-z') return op === '';
      if (a === '-n') return op !== '';
      return fileTest(a, op);
    }
    i++;
    return a !== '';
  };
  const and = (): boolean => {
    let v = primary();
    while (args[i] === (extended ? '&&' : '-a')) { i++; const r = primary(); v = v && r; }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[i] === (extended ? '||' : '-o')) { i++; const r = and(); v = v || r; }
    return v;
  };
  if (args.length === 0) return false;
  const v = or();
  if (i < args.length) throw new TestError(`${args[i]}: ${extended ? 'syntax error' : 'too many arguments'}`);
  return v;
}

function makeTest(name: 'test' | '[' | '[['): CommandFn {
  return (ctx) => {
    let args = ctx.argv.slice(1);
    const close = name === '[' ? ']' : name === '[[' ? ']]' : undefined;
    if (close) {
      if (args[args.length - 1] !== close) {
        ctx.io.stderr(`bash: ${name}: missing \`${close}'\n`);
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return evaluate(ctx, args, name === '[[') ? 0 : 1;
    } catch (e) {
      if (!(e instanceof TestError)) throw e;
      ctx.io.stderr(`bash: ${name}: ${e.message}\n`);
      return 2;
    }
  };
}

export const TEST_BUILTINS: Record<string, CommandFn> = {
  test: makeTest('test'),
  '[': makeTest('['),
  '[[': makeTest('[['),
};
