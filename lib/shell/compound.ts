import { globMatch } from './glob';
import type { Interpreter } from './interpreter';
import { LoopControl, type CommandIO } from './io';
import type { CompoundCommand, Script, Word } from './parser/ast';
import { expandWord, expandWords } from './parser/expand';

type LoopStep = 'next' | 'break';

/** Runs a loop body once; `break`/`continue` aimed at this loop end it here. */
async function body(sh: Interpreter, script: Script, io: CommandIO): Promise<LoopStep> {
  try {
    await sh.runScript(script, io);
    return 'next';
  } catch (e) {
    if (!(e instanceof LoopControl)) throw e;
    if (e.levels > 1) { e.levels--; throw e; }
    sh.status = 0;
    return e.kind === 'break' ? 'break' : 'next';
  }
}

/** `for`, `while`/`until`: each iteration passes the RunGuard (limits, Ctrl-C, event-loop yield). */
async function loop(sh: Interpreter, cmd: Extract<CompoundCommand, { type: 'for' | 'while' }>, io: CommandIO): Promise<number> {
  let status = 0;
  sh.loopDepth++;
  try {
    if (cmd.type === 'for') {
      const items = cmd.items ? await expandWords(cmd.items, sh.expandContext(io)) : [];
      for (const item of items) {
        if (!(await sh.guard.tick())) return sh.stoppedStatus();
        sh.env.vars.set(cmd.name, item);
        const step = await body(sh, cmd.body, io);
        status = sh.status;
        if (step === 'break') break;
      }
      return status;
    }
    for (;;) {
      if (!(await sh.guard.tick())) return sh.stoppedStatus();
      const cond = await sh.runScript(cmd.cond, io);
      if (sh.guard.aborted) return sh.stoppedStatus();
      if ((cond === 0) === cmd.until) return status;
      const step = await body(sh, cmd.body, io);
      status = sh.status;
      if (step === 'break') return status;
    }
  } finally {
    sh.loopDepth--;
  }
}

/** Evaluates arithmetic source (after parameter expansion) to its value. */
async function arith(sh: Interpreter, source: string, io: CommandIO): Promise<number> {
  const word: Word = { parts: [{ kind: 'arith', source, quoted: true }] };
  return Number(await expandWord(word, sh.expandContext(io)));
}

/** `for ((init; cond; step))`: an empty condition is true. */
async function cFor(sh: Interpreter, cmd: Extract<CompoundCommand, { type: 'cfor' }>, io: CommandIO): Promise<number> {
  let status = 0;
  sh.loopDepth++;
  try {
    await arith(sh, cmd.init, io);
    for (;;) {
      if (!(await sh.guard.tick())) return sh.stoppedStatus();
      if (cmd.cond.trim() && (await arith(sh, cmd.cond, io)) === 0) return status;
      const step = await body(sh, cmd.body, io);
      status = sh.status;
      if (step === 'break') return status;
      await arith(sh, cmd.step, io);
    }
  } finally {
    sh.loopDepth--;
  }
}

/** Executes a compound command whose redirections are already applied to `io`. */
export async function runCompound(sh: Interpreter, cmd: CompoundCommand, io: CommandIO): Promise<number> {
  switch (cmd.type) {
    case 'group':
      return sh.runScript(cmd.body, io);
    case 'subshell':
      return sh.subshell(() => sh.runScript(cmd.body, io));
    case 'for':
    case 'while':
      return loop(sh, cmd, io);
    case 'cfor':
      return cFor(sh, cmd, io);
    case 'arith':
      return (await arith(sh, cmd.source, io)) !== 0 ? 0 : 1;
    case 'function':
      sh.functions.set(cmd.name, cmd.body);
      return 0;
    case 'if': {
      for (const clause of cmd.clauses) {
        const cond = await sh.runScript(clause.cond, io);
        if (sh.guard.aborted) return sh.stoppedStatus();
        if (cond === 0) return sh.runScript(clause.body, io);
      }
      return cmd.elseBody ? sh.runScript(cmd.elseBody, io) : 0;
    }
    case 'case': {
      const ctx = sh.expandContext(io);
      const word = await expandWord(cmd.word, ctx);
      for (const arm of cmd.arms) {
        for (const p of arm.patterns) {
          if (globMatch(await expandWord(p, ctx), word)) {
            return arm.body.items.length ? sh.runScript(arm.body, io) : 0;
          }
        }
      }
      return 0;
    }
  }
}
