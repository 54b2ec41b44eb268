import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

function setup(history: string[] = []) {
  const lines: string[] = [];
  let out = '';
  let interrupts = 0;
  let breaks = 0;
  const editor = new LineEditor(
    {
      write: (d) => (out += d),
      onLine: (l) => lines.push(l),
      onInterrupt: () => interrupts++,
      onBreak: () => breaks++,
    },
    history,
  );
  editor.start('$ ');
  return { editor, lines, out: () => out, counts: () => ({ interrupts, breaks }) };
}

describe('LineEditor', () => {
  it('echoes typed text and submits on Enter', () => {
    const t = setup();
    t.editor.feed('kubectl get pods\r');
    expect(t.lines).toEqual(['kubectl get pods']);
    expect(t.out()).toBe('$ kubectl get pods\r\n');
  });

  it('edits in the middle of the line', () => {
    const t = setup();
    t.editor.feed('kubectl get pod');
    t.editor.feed('\x1b[D\x1b[D\x1b[D'); // left x3, before "pod"
    t.editor.feed('x');
    t.editor.feed('\x7f'); // backspace removes the x
    t.editor.feed('\x01'); // ctrl-a
    t.editor.feed('sudo ');
    t.editor.feed('\x05s\r'); // ctrl-e, append s
    expect(t.lines).toEqual(['sudo kubectl get pods']);
  });

  it('kills words and lines', () => {
    const t = setup();
    t.editor.feed('echo hello world\x17\r');
    t.editor.feed('echo abc\x01\x0b\r');
    t.editor.feed('echo abc\x15\r');
    expect(t.lines).toEqual(['echo hello ', '', '']);
  });

  it('recalls history with arrows and keeps the draft', () => {
    const t = setup(['first']);
    t.editor.feed('second\r');
    t.editor.feed('dra');
    t.editor.feed('\x1b[A');
    expect(t.editor.line).toBe('second');
    t.editor.feed('\x1b[A');
    expect(t.editor.line).toBe('first');
    t.editor.feed('\x1b[B\x1b[B');
    expect(t.editor.line).toBe('dra');
    expect(t.editor.getHistory()).toEqual(['first', 'second']);
  });

  it('Ctrl-C abandons the line', () => {
    const t = setup();
    t.editor.feed('half typed\x03');
    expect(t.lines).toEqual([]);
    expect(t.counts().interrupts).toBe(1);
    expect(t.out()).toContain('^C\r\n');
  });

  it('Ctrl-L clears the screen and redraws the line', () => {
    const t = setup();
    t.editor.feed('abc\x0c');
    expect(t.out()).toContain('\x1b[H\x1b[2J$ ');
    expect(t.out().endsWith('$ abc\r\x1b[5C')).toBe(true);
  });

  it('queues type-ahead while paused and replays it on start', () => {
    const t = setup();
    t.editor.feed('sleep 5\r');
    t.editor.pause();
    t.editor.feed('ls\r');
    expect(t.lines).toEqual(['sleep 5']);
    t.editor.start('$ ');
    expect(t.lines).toEqual(['sleep 5', 'ls']);
  });

  it('a multi-line bracketed paste submits line by line, pausing between them', () => {
    const t = setup();
    const seen: string[] = [];
    const editor = new LineEditor({
      write: () => undefined,
      onLine: (l) => {
        seen.push(l);
        editor.pause();
      },
      onInterrupt: () => undefined,
      onBreak: () => undefined,
    });
    editor.start('$ ');
    editor.feed('\x1b[200~cat <<EOF\r\napiVersion: v1\r\nEOF\r\n\x1b[201~');
    expect(seen).toEqual(['cat <<EOF']);
    editor.start('> ');
    editor.start('> ');
    editor.start('$ ');
    expect(seen).toEqual(['cat <<EOF', 'apiVersion: v1', 'EOF']);
    expect(t.lines).toEqual([]);
  });

  it('Ctrl-C while paused drops the type-ahead and reports a break', () => {
    const t = setup();
    t.editor.pause();
    t.editor.feed('ls\r\x03');
    expect(t.counts().breaks).toBe(1);
    t.editor.start('$ ');
    expect(t.lines).toEqual([]);
  });

  it('handles wide (Hangul) characters when moving the cursor', () => {
    const t = setup();
    t.editor.feed('echo 안녕');
    t.editor.feed('\x1b[D');
    // prompt(2) + "echo "(5) + "안"(2) = column 9
    expect(t.out().endsWith('\r\x1b[9C')).toBe(true);
  });

  it('wraps long lines at the terminal width', () => {
    const t = setup();
    t.editor.setColumns(10);
    t.editor.feed('12345678'); // "$ " + 8 = exactly 10 columns: cursor moves to the next row
    expect(t.out()).toContain('\n\r');
    t.editor.feed('\r');
    expect(t.lines).toEqual(['12345678']);
  });

  describe('tab completion', () => {
    const WORDS = ['kubectl', 'kubeadm', 'get', 'describe', 'pods', 'pod/web'];
    function withCompletion(history: string[] = []) {
      const lines: string[] = [];
      let out = '';
      const editor = new LineEditor({
        write: (d) => (out += d),
        onLine: (l) => lines.push(l),
        onInterrupt: () => undefined,
        onBreak: () => undefined,
        complete: (line, cursor) => {
          const from = line.lastIndexOf(' ', cursor - 1) + 1;
          const word = line.slice(from, cursor);
          return { replaceFrom: from, candidates: WORDS.filter((w) => w.startsWith(word)) };
        },
      }, history);
      editor.start('$ ');
      return { editor, lines, out: () => out, reset: () => { out = ''; } };
    }

    it('completes a unique candidate and adds a space', () => {
      const t = withCompletion();
      t.editor.feed('kubectl g\t');
      expect(t.editor.line).toBe('kubectl get ');
      t.editor.feed('po\t');
      expect(t.editor.line).toBe('kubectl get pod');
    });

    it('inserts the common prefix, then lists candidates on the next Tab', () => {
      const t = withCompletion();
      t.editor.feed('ku\t');
      expect(t.editor.line).toBe('kube');
      t.reset();
      t.editor.feed('\t');
      expect(t.out()).toContain('\r\nkubectl  kubeadm\r\n');
      expect(t.out().endsWith('$ kube\r\x1b[6C')).toBe(true);
      t.editor.feed('c\t\r');
      expect(t.lines).toEqual(['kubectl ']);
    });

    it('rings the bell on the first ambiguous Tab that makes no progress', () => {
      const t = withCompletion();
      t.editor.feed('kube');
      t.reset();
      t.editor.feed('\t');
      expect(t.out()).toBe('\x07');
      t.editor.feed('\t');
      expect(t.out()).toContain('kubectl  kubeadm');
    });

    it('completes in the middle of the line and rings when nothing matches', () => {
      const t = withCompletion();
      t.editor.feed('kubectl desc pods');
      t.editor.feed('\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\t');
      expect(t.editor.line).toBe('kubectl describe  pods');
      t.reset();
      t.editor.feed('\x05 zz\t');
      expect(t.out().endsWith('\x07')).toBe(true);
    });

    it('lists display labels when the shell gives them', () => {
      let out = '';
      const editor = new LineEditor({
        write: (d) => (out += d), onLine: () => undefined, onInterrupt: () => undefined, onBreak: () => undefined,
        complete: () => ({ replaceFrom: 4, candidates: ['k8s/a.yaml', 'k8s/b.yaml'], display: ['a.yaml', 'b.yaml'] }),
      });
      editor.start('$ ');
      editor.feed('cat k8s/\t\t');
      expect(out).toContain('\r\na.yaml  b.yaml\r\n');
    });

    it('without a completion hook Tab only rings the bell', () => {
      const t = setup();
      t.editor.feed('ab\t');
      expect(t.editor.line).toBe('ab');
      expect(t.out().endsWith('\x07')).toBe(true);
    });
  });

  describe('reverse history search (Ctrl-R)', () => {
    it('finds the newest match as you type and runs it on Enter', () => {
      const t = setup(['kubectl get pods', 'echo hi', 'kubectl get nodes']);
      t.editor.feed('\x12');
      expect(t.out()).toContain("(reverse-i-search)`': ");
      t.editor.feed('get');
      expect(t.editor.line).toBe('kubectl get nodes');
      expect(t.out()).toContain("(reverse-i-search)`get': kubectl get nodes");
      t.editor.feed('\x12');
      expect(t.editor.line).toBe('kubectl get pods');
      t.editor.feed('\r');
      expect(t.lines).toEqual(['kubectl get pods']);
      expect(t.out()).toContain('\r\x1b[0K$ kubectl get pods');
    });

    it('shows a failed search and keeps the last match', () => {
      const t = setup(['echo one', 'echo two']);
      t.editor.feed('\x12two');
      expect(t.editor.line).toBe('echo two');
      t.editor.feed('x');
      expect(t.out()).toContain("(failed reverse-i-search)`twox': echo two");
      t.editor.feed('\x7f');
      expect(t.out()).toContain("(reverse-i-search)`two': echo two");
    });

    it('accepts the match for editing on a motion key, restores the line on Ctrl-G', () => {
      const t = setup(['kubectl get pods']);
      t.editor.feed('draft\x12pods\x05 -A\r');
      expect(t.lines).toEqual(['kubectl get pods -A']);
      t.editor.feed('draft\x12get\x07');
      expect(t.editor.line).toBe('draft');
      t.editor.feed('\x12kub\x03');
      expect(t.editor.line).toBe('');
      expect(t.counts().interrupts).toBe(1);
    });
  });
});
