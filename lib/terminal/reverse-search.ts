import type { KeyName } from './keys';

/** What the search draws into: the editor's prompt and line. */
export interface SearchView {
  readonly history: readonly string[];
  show(prompt: string, line: string, cursor: number): void;
  bell(): void;
}

/** Index (oldest first) of the newest history entry at or before `from` containing `query`. */
export function searchBack(history: readonly string[], query: string, from: number): number {
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if (history[i].includes(query)) return i;
  return -1;
}

/**
 * readline's reverse-i-search (Ctrl-R): `(reverse-i-search)`q': match`, `failed` when nothing
 * matches; Ctrl-R again finds older matches; Ctrl-G restores the line; any other key accepts.
 */
export class ReverseSearch {
  private query = '';
  private index: number;
  private failed = false;

  constructor(private readonly view: SearchView, readonly original: string, readonly originalCursor: number) {
    this.index = view.history.length;
    this.render();
  }

  type(text: string): void {
    this.query += text;
    this.find(this.index);
  }

  /**
   * Handles a key; returns 'stay' while searching, 'cancel' for Ctrl-G (restore the original
   * line) or 'accept' (keep the match; the key then runs as usual).
   */
  press(name: KeyName): 'stay' | 'cancel' | 'accept' {
    if (name === 'ctrl-r') {
      if (this.query) this.find(this.index - 1);
      return 'stay';
    }
    if (name === 'backspace') {
      this.query = Array.from(this.query).slice(0, -1).join('');
      this.index = this.view.history.length;
      this.find(this.index);
      return 'stay';
    }
    return name === 'ctrl-g' ? 'cancel' : 'accept';
  }

  private find(from: number): void {
    if (this.query) {
      const i = searchBack(this.view.history, this.query, from);
      this.failed = i < 0;
      if (i < 0) this.view.bell(); else this.index = i;
    } else this.failed = false;
    this.render();
  }

  private render(): void {
    const match = this.index < this.view.history.length ? this.view.history[this.index] : this.original;
    const at = this.query ? match.indexOf(this.query) : -1;
    const prompt = `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
    this.view.show(prompt, match, at < 0 ? 0 : Array.from(match.slice(0, at)).length);
  }
}
