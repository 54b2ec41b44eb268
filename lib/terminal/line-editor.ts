import { textWidth } from './char-width';
import { parseKeys, type Key, type KeyName } from './keys';
import { commonPrefix, formatColumns, type CompletionResult } from './line-completion';
import { ReverseSearch } from './reverse-search';

export interface LineEditorHooks {
  write(data: string): void;
  /** A line was entered (without its newline). */
  onLine(line: string): void;
  /** Ctrl-C on the prompt: the line (and any pending continuation) is abandoned. */
  onInterrupt(): void;
  /** Ctrl-C while paused (a command is running): the type-ahead is dropped. */
  onBreak(): void;
  /** Ctrl-D on an empty line. */
  onEof?(): void;
  /** Tab completion (ShellSession.complete); without it Tab rings the bell. */
  complete?(line: string, cursor: number): CompletionResult;
}

/** Type-ahead kept while a command runs (like a tty's input queue); beyond this it is dropped. */
export const MAX_BACKLOG_CHARS = 1024 * 1024;

/** Longest line the editor accepts; longer input is cut with a bell (the paste is not lost silently). */
export const MAX_LINE_CHARS = 256 * 1024;

/**
 * A readline-style line editor that runs on the server, like bash's readline behind a pty:
 * insertion anywhere, cursor and word motion, kill keys, history, Ctrl-L, multi-line paste.
 * Redrawing follows linenoise's multi-line refresh so wrapped lines and wide (Hangul) characters
 * stay correct.
 */
export class LineEditor {
  private buf: string[] = [];
  private pos = 0;
  private prompt = '';
  private cols = 80;
  private maxRows = 0;
  private oldPos = 0;
  private history: string[];
  private historyIndex = -1;
  private draft: string[] = [];
  private paused = false;
  private backlog: Key[] = [];
  private backlogChars = 0;
  private lastKey: KeyName | undefined;
  private search: ReverseSearch | null = null;
  /** The prompt to restore when a reverse search ends. */
  private savedPrompt = '';

  constructor(private readonly hooks: LineEditorHooks, history: string[] = [], private readonly historyLimit = 1000) {
    this.history = history.slice(-historyLimit);
  }

  get line(): string {
    return this.buf.join('');
  }

  getHistory(): string[] {
    return [...this.history];
  }

  setColumns(cols: number): void {
    this.cols = Math.max(2, cols);
  }

  /** Stops editing (a command runs): input is queued until the next start(). */
  pause(): void {
    this.paused = true;
  }

  /** Starts a fresh line with this prompt, draws it, then replays queued type-ahead. */
  start(prompt: string): void {
    this.paused = false;
    this.prompt = prompt;
    this.buf = [];
    this.pos = 0;
    this.oldPos = 0;
    this.maxRows = 0;
    this.historyIndex = -1;
    this.search = null;
    this.lastKey = undefined;
    this.hooks.write(prompt);
    const queued = this.backlog;
    this.backlog = [];
    this.backlogChars = 0;
    this.process(queued);
  }

  /** Redraws the prompt and the line being edited (after a reconnect or a clear screen). */
  redraw(): void {
    this.maxRows = 0;
    this.oldPos = 0;
    if (!this.paused) this.refresh();
  }

  feed(data: string): void {
    this.process(parseKeys(data));
  }

  private process(keys: Key[]): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (this.paused) {
        if (key.kind === 'key' && key.name === 'ctrl-c') {
          this.backlog = [];
          this.backlogChars = 0;
          this.hooks.onBreak();
          continue;
        }
        const size = key.kind === 'key' ? 1 : key.text.length;
        if (this.backlogChars + size > MAX_BACKLOG_CHARS) continue;
        this.backlogChars += size;
        this.backlog.push(key);
        continue;
      }
      if (this.search) {
        if (key.kind === 'text') { this.search.type(key.text); continue; }
        const outcome = key.kind === 'paste' ? 'accept' : this.search.press(key.name);
        if (outcome === 'stay') continue;
        this.endSearch(outcome === 'cancel');
        if (outcome === 'cancel') continue;
      }
      const prev = this.lastKey;
      this.lastKey = key.kind === 'key' ? key.name : undefined;
      if (key.kind === 'text') this.insert(key.text);
      else if (key.kind === 'paste') this.paste(key.text);
      else if (key.name === 'tab') this.tab(prev === 'tab');
      else this.press(key.name);
    }
  }

  /** A paste is its lines, each followed by Enter; Enter may pause us, so the rest is queued. */
  private paste(text: string): void {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const keys: Key[] = [];
    lines.forEach((line, i) => {
      const clean = line.replace(/\t/g, '    ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
      if (clean) keys.push({ kind: 'text', text: clean });
      if (i < lines.length - 1) keys.push({ kind: 'key', name: 'enter' });
    });
    this.process(keys);
  }

  private insert(text: string): void {
    const chars = Array.from(text);
    const room = MAX_LINE_CHARS - this.buf.length;
    if (room <= 0) return this.hooks.write('\x07');
    const add = chars.slice(0, room);
    const atEnd = this.pos === this.buf.length;
    // concat, not splice(...add): a huge paste would overflow the call stack with spread arguments
    this.buf = this.buf.slice(0, this.pos).concat(add, this.buf.slice(this.pos));
    this.pos += add.length;
    const width = textWidth([...this.prompt].concat(this.buf));
    // Fast path: appending without reaching the right margin only needs an echo.
    if (atEnd && width % this.cols !== 0 && Math.ceil(width / this.cols) <= Math.max(1, this.maxRows)) {
      this.hooks.write(add.join(''));
      this.oldPos = this.pos;
      this.maxRows = Math.max(1, this.maxRows);
    } else {
      this.refresh();
    }
    if (add.length < chars.length) this.hooks.write('\x07');
  }

  private press(name: KeyName): void {
    switch (name) {
      case 'enter': return this.enter();
      case 'ctrl-c': {
        this.moveToEnd();
        this.hooks.write('^C\r\n');
        this.buf = [];
        this.pos = 0;
        return this.hooks.onInterrupt();
      }
      case 'ctrl-l': {
        this.hooks.write('\x1b[H\x1b[2J');
        this.maxRows = 0;
        this.oldPos = 0;
        this.hooks.write(this.prompt);
        return this.refresh();
      }
      case 'backspace':
        if (this.pos === 0) return;
        this.buf.splice(--this.pos, 1);
        return this.refresh();
      case 'delete':
      case 'ctrl-d':
        if (name === 'ctrl-d' && this.buf.length === 0 && this.hooks.onEof) return this.hooks.onEof();
        if (this.pos >= this.buf.length) return;
        this.buf.splice(this.pos, 1);
        return this.refresh();
      case 'left': case 'ctrl-b': return this.moveTo(this.pos - 1);
      case 'right': case 'ctrl-f': return this.moveTo(this.pos + 1);
      case 'home': case 'ctrl-a': return this.moveTo(0);
      case 'end': case 'ctrl-e': return this.moveTo(this.buf.length);
      case 'word-left': return this.moveTo(this.wordStart());
      case 'word-right': return this.moveTo(this.wordEnd());
      case 'ctrl-u':
        this.buf.splice(0, this.pos);
        this.pos = 0;
        return this.refresh();
      case 'ctrl-k':
        this.buf.splice(this.pos);
        return this.refresh();
      case 'ctrl-w': {
        const start = this.wordStart();
        this.buf.splice(start, this.pos - start);
        this.pos = start;
        return this.refresh();
      }
      case 'up': case 'ctrl-p': return this.recall(1);
      case 'down': case 'ctrl-n': return this.recall(-1);
      case 'ctrl-r': return this.startSearch();
      default:
        return;
    }
  }

  /** Tab: complete a unique candidate, else the common prefix; a second Tab lists them. */
  private tab(again: boolean): void {
    const line = this.line;
    const cursor = this.buf.slice(0, this.pos).join('').length;
    let result: CompletionResult | undefined;
    try {
      result = this.hooks.complete?.(line, cursor);
    } catch {
      result = undefined; // a completion failure must not take the terminal down
    }
    if (!result || result.candidates.length === 0) return this.hooks.write('\x07');
    const from = Array.from(line.slice(0, result.replaceFrom)).length;
    const typed = this.buf.slice(from, this.pos).join('');
    const { candidates } = result;
    if (candidates.length === 1) {
      const only = candidates[0];
      return this.replaceWord(from, /[/=]$/.test(only) ? only : `${only} `);
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > typed.length) return this.replaceWord(from, prefix);
    if (!again) return this.hooks.write('\x07');
    const pos = this.pos;
    this.moveToEnd();
    this.hooks.write(`\r\n${formatColumns(result.display ?? candidates, this.cols)}`);
    this.pos = pos;
    this.maxRows = 0;
    this.oldPos = 0;
    this.refresh();
  }

  private replaceWord(from: number, text: string): void {
    const chars = Array.from(text);
    this.buf.splice(from, this.pos - from, ...chars);
    this.pos = from + chars.length;
    this.refresh();
  }

  private startSearch(): void {
    this.savedPrompt = this.prompt;
    this.search = new ReverseSearch({
      history: this.history,
      show: (prompt, line, cursor) => {
        this.prompt = prompt;
        this.buf = Array.from(line);
        this.pos = cursor;
        this.refresh();
      },
      bell: () => this.hooks.write('\x07'),
    }, this.line, this.pos);
  }

  /** Leaves reverse search keeping the match, or (Ctrl-G) the line as it was before. */
  private endSearch(cancel: boolean): void {
    const search = this.search!;
    this.search = null;
    this.prompt = this.savedPrompt;
    if (cancel) {
      this.buf = Array.from(search.original);
      this.pos = search.originalCursor;
    }
    this.refresh();
  }

  private enter(): void {
    const line = this.line;
    this.moveToEnd();
    this.hooks.write('\r\n');
    if (line.trim() && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > this.historyLimit) this.history.shift();
    }
    this.buf = [];
    this.pos = 0;
    this.historyIndex = -1;
    this.hooks.onLine(line);
  }

  private recall(step: number): void {
    if (this.history.length === 0) return;
    if (this.historyIndex === -1) this.draft = [...this.buf];
    const next = this.historyIndex + step;
    if (next < -1 || next >= this.history.length) return;
    this.historyIndex = next;
    this.buf = next === -1 ? [...this.draft] : Array.from(this.history[this.history.length - 1 - next]);
    this.pos = this.buf.length;
    this.refresh();
  }

  private wordStart(): number {
    let i = this.pos;
    while (i > 0 && this.buf[i - 1] === ' ') i--;
    while (i > 0 && this.buf[i - 1] !== ' ') i--;
    return i;
  }

  private wordEnd(): number {
    let i = this.pos;
    while (i < this.buf.length && this.buf[i] === ' ') i++;
    while (i < this.buf.length && this.buf[i] !== ' ') i++;
    return i;
  }

  private moveTo(pos: number): void {
    if (pos < 0 || pos > this.buf.length || pos === this.pos) return;
    this.pos = pos;
    this.refresh();
  }

  private moveToEnd(): void {
    if (this.pos !== this.buf.length) {
      this.pos = this.buf.length;
      this.refresh();
    }
  }

  /** linenoise refreshMultiLine, with widths instead of character counts. */
  private refresh(): void {
    const cols = this.cols;
    const plen = textWidth(Array.from(this.prompt.replace(/\x1b\[[0-9;]*m/g, '')));
    const len = textWidth(this.buf);
    const posW = textWidth(this.buf.slice(0, this.pos));
    const oldPosW = textWidth(this.buf.slice(0, Math.min(this.oldPos, this.buf.length)));
    let rows = Math.max(1, Math.ceil((plen + len) / cols));
    const rpos = Math.floor((plen + oldPosW + cols) / cols);
    const oldRows = this.maxRows;
    if (rows > this.maxRows) this.maxRows = rows;
    let out = '';
    if (oldRows - rpos > 0) out += `\x1b[${oldRows - rpos}B`;
    for (let j = 0; j < oldRows - 1; j++) out += '\r\x1b[0K\x1b[1A';
    out += '\r\x1b[0K' + this.prompt + this.buf.join('');
    if (this.pos > 0 && this.pos === this.buf.length && (posW + plen) % cols === 0) {
      out += '\n\r';
      rows++;
      if (rows > this.maxRows) this.maxRows = rows;
    }
    const rpos2 = Math.floor((plen + posW + cols) / cols);
    if (rows - rpos2 > 0) out += `\x1b[${rows - rpos2}A`;
    const col = (plen + posW) % cols;
    out += col ? `\r\x1b[${col}C` : '\r';
    this.oldPos = this.pos;
    this.hooks.write(out);
  }
}

