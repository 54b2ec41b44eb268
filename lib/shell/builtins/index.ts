import type { CommandFn } from '../io';
import { awk } from './awk';
import { clear, echo, envCmd, exit, exportCmd, history, sleep, unset } from './basic';
import { date } from './date';
import { cat, cd, cp, ls, mkdir, mv, pwd, rm, tee, touch } from './files';
import { base64, cut, sort, tr, uniq } from './filters';
import { grep } from './grep';
import { openssl } from './openssl';
import { printf, seq } from './printf';
import { sed } from './sed';
import { SYSTEM_BUILTINS } from './system';
import { TEST_BUILTINS } from './test';
import { head, tail, wc } from './text';

export { shellBuiltins, BASH_BUILTINS, KEYWORDS } from './shell';

/** Commands available in the master node's shell besides kubectl (and the interpreter-bound ones). */
export const BUILTINS: Record<string, CommandFn> = {
  echo, clear, history, sleep, export: exportCmd, env: envCmd, printenv: envCmd, unset, exit,
  cat, cd, cp, ls, mkdir, mv, pwd, rm, tee, touch, grep, head, tail, wc, sort, uniq, cut, tr, base64, sed, printf, seq, date, awk, openssl,
  ...SYSTEM_BUILTINS,
  ...TEST_BUILTINS,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
};
