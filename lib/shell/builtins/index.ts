import type { CommandFn } from '../io';
import { clear, echo, envCmd, exit, exportCmd, history, sleep, unset } from './basic';
import { cat, cd, ls, mkdir, pwd, rm, touch } from './files';
import { grep, head, tail, wc } from './text';

/** Commands available in the master node's shell besides kubectl. */
export const BUILTINS: Record<string, CommandFn> = {
  echo, clear, history, sleep, export: exportCmd, env: envCmd, printenv: envCmd, unset, exit,
  cat, cd, ls, mkdir, pwd, rm, touch, grep, head, tail, wc,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
};
