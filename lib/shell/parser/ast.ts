/** The shell's syntax tree (a subset of the POSIX shell grammar, bash flavoured). */
export type WordPart =
  /** Literal text. `quoted` text is exempt from field splitting, globbing and tilde expansion. */
  | { kind: 'text'; value: string; quoted: boolean }
  /** `$NAME`, `${NAME}`, `${NAME:-word}`, `$?`. */
  | { kind: 'param'; name: string; quoted: boolean; op?: ':-' | '-' | ':+' | '+' | ':=' | '#'; arg?: Word }
  /** `$(...)` command substitution, kept as source and parsed when expanded. */
  | { kind: 'subst'; source: string; quoted: boolean };

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

export interface Pipeline {
  negate: boolean;
  commands: SimpleCommand[];
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

/** `bash: syntax error near unexpected token `X'`. */
export class ShellSyntaxError extends Error {
  constructor(readonly token: string) {
    super(`syntax error near unexpected token \`${token}'`);
  }
}
