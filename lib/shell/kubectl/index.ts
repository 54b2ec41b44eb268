import type { CommandFn } from '../io';
import { makeKubectl } from './context';
import { formatError, KubectlError, NotSimulated } from './errors';
import { configHelp } from './config-verb';
import { fullHelp } from './help-texts';
import { FlagError, GLOBAL_FLAGS, parseFlags } from './flags';
import { verbHelp } from './help';
import { HELP_GROUPS, KNOWN_VERBS, SHORT_HELP, VERBS } from './verbs';

const GLOBAL_WITH_VALUE = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** Position of the subcommand: the first operand, skipping global flags and their values. */
function findVerb(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
  }
  return -1;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** cobra's unknown-command error with "Did you mean this?" (distance ≤ 2 or prefix). */
function unknownCommand(verb: string): string {
  const suggestions = KNOWN_VERBS.filter((v) => v !== 'help' && (levenshtein(verb, v) <= 2 || v.startsWith(verb.toLowerCase())))
  // cobra formats this error itself ("Error: ..."), suggestions in command order + a blank line.
  let msg = `Error: unknown command "${verb}" for "kubectl"`;
  if (suggestions.length) msg += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return `${msg}\n`;
}

function rootHelp(): string {
  const lines = ['kubectl controls the Kubernetes cluster manager.', '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', ''];
  for (const [title, verbs] of HELP_GROUPS) {
    if (verbs.length === 0) continue;
    lines.push(`${title}:`);
    const width = Math.max(...verbs.map((v) => v.length)) + 3;
    for (const v of verbs) lines.push(`  ${v.padEnd(width)}${SHORT_HELP[v]}`);
    lines.push('');
  }
  lines.push('Usage:', '  kubectl [flags] [options]', '',
    'Use "kubectl <command> --help" for more information about a given command.',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return `${lines.join('\n')}\n`;
}

/** The kubectl entry point: global flags, verb lookup, flag parsing, error formatting. */
export const kubectl: CommandFn = async ({ argv, io, env, signal }) => {
  const args = argv.slice(1);
  const at = findVerb(args);
  if (at < 0) { io.stdout(rootHelp()); return 0; }
  const verb = args[at];
  const spec = VERBS[verb];
  try {
    if (!spec) {
      if (verb === 'help') { io.stdout(rootHelp()); return 0; }
      if (KNOWN_VERBS.includes(verb)) throw new NotSimulated(`"kubectl ${verb}"`);
      io.stderr(unknownCommand(verb));
      return 1;
    }
    const rest = [...args.slice(0, at), ...args.slice(at + 1)];
    let parsed;
    try {
      parsed = parseFlags(rest, [...spec.flags, ...GLOBAL_FLAGS.filter((g) => !spec.flags.some((f) => f.name === g.name || (f.short && f.short === g.short)))]);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      // Flag errors come from cobra, which prints "Error: ..." (capital E) and a usage hint.
      throw new KubectlError(`Error: ${e.message}\nSee 'kubectl ${verb} --help' for usage.`);
    }
    if (parsed.flags.help) {
      const full = fullHelp(spec.name, parsed.args);
      if (full) io.stdout(full);
      else io.stdout(spec.name === 'config' && !rest.some((a) => !a.startsWith('-')) ? configHelp() : verbHelp(spec));
      return 0;
    }
    return await spec.run(makeKubectl(verb, parsed, io, env, signal));
  } catch (e) {
    // A programming error is not a kubectl message: say so plainly instead of dressing it as "error: ...".
    if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) {
      io.stderr(`kubelab: internal error: ${e.message}\n`);
      return 1;
    }
    io.stderr(formatError(e));
    return e instanceof KubectlError ? e.exitCode : 1;
  }
};
