/** The shell's syntax tree (a subset of the POSIX shell grammar, bash flavoured). */
export type WordPart =
  /** Literal text. `quoted` text is exempt from field splitting, globbing and tilde expansion. */
  | { kind: 'text'; value: string; quoted: boolean }
  /** `$NAME`, `${NAME}`, `${NAME:-word}`, `$?`. */
  | { kind: 'param'; name: string; quoted: boolean; op?: ParamOp; arg?: Word; arg2?: Word }
  /** `$(...)` or backtick command substitution, kept as source and parsed when expanded. */
  | { kind: 'subst'; source: string; quoted: boolean }
  /** `$((...))` arithmetic expansion, kept as source. */
  | { kind: 'arith'; source: string; quoted: boolean };

/**
 * `${#X}` is '#'; `${X#p}` '#p'; then bash's `:- - :+ + := = :? ?`, `## % %%` trims,
 * `/ //` replacement (arg = pattern, arg2 = replacement), `:` substring (arg = `off[:len]`).
 */
export type ParamOp = ':-' | '-' | ':+' | '+' | ':=' | '=' | ':?' | '?' | '#' | '#p' | '##' | '%' | '%%' | '/' | '//' | ':';

export interface Word {
  parts: WordPart[];
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|';

export interface Redirect {
  /** File descriptor the redirect applies to (1 for `>`, 0 for `<`). */
  fd: number;
  op: RedirectOp;
  target: Word;
  /** For `<<`/`<<-`: the body, and whether it undergoes parameter expansion (unquoted delimiter). */
  heredoc?: { body: string; expand: boolean };
}

export interface SimpleCommand {
  type: 'simple';
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

/** Compound commands; each may carry redirections after its closing keyword. */
export type CompoundCommand =
  | { type: 'for'; name: string; items?: Word[]; body: Script; redirects: Redirect[] }
  | { type: 'while'; until: boolean; cond: Script; body: Script; redirects: Redirect[] }
  | { type: 'if'; clauses: { cond: Script; body: Script }[]; elseBody?: Script; redirects: Redirect[] }
  | { type: 'case'; word: Word; arms: { patterns: Word[]; body: Script }[]; redirects: Redirect[] }
  | { type: 'subshell'; body: Script; redirects: Redirect[] }
  | { type: 'group'; body: Script; redirects: Redirect[] }
  /** `((expr))`: status 0 when the value is non-zero. */
  | { type: 'arith'; source: string; redirects: Redirect[] }
  /** `for ((init; cond; step)); do ...; done`. */
  | { type: 'cfor'; init: string; cond: string; step: string; body: Script; redirects: Redirect[] }
  /** `name() compound` / `function name compound`: defines a function. */
  | { type: 'function'; name: string; body: CompoundCommand; redirects: Redirect[] };

export type Command = SimpleCommand | CompoundCommand;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface Script {
  items: { andOr: AndOr; background: boolean }[];
}

/** Input ended inside a construct (quote, heredoc, continuation, trailing operator). */
export class IncompleteInput extends Error {
  constructor(what: string) {
    super(`incomplete input: ${what}`);
  }
}

/** Input nested deeper than the shell allows (a guard against hostile input). */
export class NestingTooDeep extends Error {
  constructor() {
    super('kubelab: input nested too deeply');
  }
}

/** `bash: syntax error near unexpected token `X'`. */
export class ShellSyntaxError extends Error {
  constructor(readonly token: string, message?: string) {
    super(message ?? `syntax error near unexpected token \`${token}'`);
  }
}
