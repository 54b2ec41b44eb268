'use client';

import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import {
  type ClientMessage,
  LAB_ADVANCE_EVENT,
  LAB_COMMAND_EVENT,
  LAB_FS_REQUEST_EVENT,
  LAB_RESET_DONE_EVENT,
  LAB_RESET_EVENT,
  LAB_RUN_EVENT,
  LAB_SERVER_EVENT,
  LAB_STATUS_EVENT,
  type LabAdvanceDetail,
  type LabRunDetail,
  type ServerMessage,
  TERMINAL_PATH,
} from '@/lib/terminal/protocol';
import styles from './terminal.module.css';

type State = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

const STATE_TEXT: Record<State, string> = {
  connecting: '연결 중…',
  connected: '연결됨',
  reconnecting: '연결이 끊어졌습니다. 같은 실습 환경으로 다시 연결하는 중…',
  unauthorized: '터미널을 열 수 없습니다. 페이지를 새로 고치거나 다시 로그인해 주세요.',
};

const INPUT_SLICE = 32 * 1024;
/** A drag fires many selection changes: copy once it has settled. */
const COPY_SETTLE_MS = 150;

export function TerminalView({ labKey }: { labKey: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>('connecting');
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    // Hangul falls back to the page's self-hosted Pretendard when no monospace font has it.
    const pageFont = getComputedStyle(document.body).fontFamily;
    const term = new Terminal({
      cursorBlink: true,
      convertEol: false,
      fontFamily: `"D2Coding", "Menlo", "Consolas", "Liberation Mono", ${pageFont}, monospace`,
      fontSize: 14,
      scrollback: 5000,
      theme: { background: '#0f172a', foreground: '#e2e8f0', cursor: '#e2e8f0' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();

    let ws: WebSocket | null = null;
    let closed = false;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Page actions ("터미널에서 실행", "실습 초기화") made before the socket opens wait for it.
    let queued: ClientMessage[] = [];
    const send = (m: ClientMessage, queue = false) => {
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
      else if (queue) queued.push(m);
    };

    const connect = async () => {
      try {
        // Make sure the visitor has an identity (signed in, or a guest cookie) before the upgrade.
        const res = await fetch('/api/guest', { method: 'POST', credentials: 'same-origin' });
        if (!res.ok) throw new Error(String(res.status));
      } catch {
        return scheduleRetry();
      }
      if (closed) return;
      const proto = location.protocol === 'https:' ? 'wss' : 'ws';
      const socket = new WebSocket(`${proto}://${location.host}${TERMINAL_PATH}?lab=${encodeURIComponent(labKey)}`);
      ws = socket;
      let opened = false;
      socket.onopen = () => {
        opened = true;
        attempt = 0;
        term.reset();
        send({ t: 'resize', cols: term.cols, rows: term.rows });
        const pending = queued;
        queued = [];
        pending.forEach((m) => send(m));
      };
      socket.onmessage = (event) => {
        const m = JSON.parse(String(event.data)) as ServerMessage;
        if (m.t === 'out') term.write(m.d);
        else if (m.t === 'fs' || m.t === 'open-editor') window.dispatchEvent(new CustomEvent(LAB_SERVER_EVENT, { detail: m }));
        else if (m.t === 'ready') {
          setState('connected');
          window.dispatchEvent(new CustomEvent(LAB_SERVER_EVENT, { detail: m }));
        }
        else if (m.t === 'done') window.dispatchEvent(new CustomEvent(LAB_COMMAND_EVENT, { detail: { labKey, ...m } }));
        else if (m.t === 'status') window.dispatchEvent(new CustomEvent(LAB_STATUS_EVENT, { detail: m }));
        else if (m.t === 'reset') {
          term.reset();
          window.dispatchEvent(new CustomEvent(LAB_RESET_DONE_EVENT, { detail: m }));
        } else if (m.t === 'error') term.write(`\r\n${m.message}\r\n`);
      };
      socket.onclose = () => {
        if (closed) return;
        // A refused upgrade closes before opening: after a few tries, say so instead of spinning.
        if (!opened && attempt >= 4) return setState('unauthorized');
        scheduleRetry();
      };
    };
    const scheduleRetry = () => {
      if (closed) return;
      setState('reconnecting');
      const delay = Math.min(10_000, 500 * 2 ** attempt++);
      retry = setTimeout(() => void connect(), delay);
    };

    // Long pastes go in slices well under the server's frame limit (never splitting a surrogate pair).
    const sendInput = (d: string, queue = false) => {
      for (let i = 0; i < d.length; ) {
        let end = Math.min(d.length, i + INPUT_SLICE);
        if (end < d.length && /[\ud800-\udbff]/.test(d[end - 1])) end++;
        send({ t: 'in', d: d.slice(i, end) }, queue);
        i = end;
      }
    };
    // A lesson's "터미널에서 실행" / "대신 풀어 주기": one bracketed paste, then Enter.
    const onRun = (event: Event) => {
      const text = (event as CustomEvent<LabRunDetail>).detail?.text;
      if (typeof text !== 'string' || !text.trim()) return;
      const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').replace(/\n/g, '\r');
      sendInput(`\x1b[200~${lines}\x1b[201~\r`, true);
      term.focus();
    };
    const onReset = () => {
      send({ t: 'reset' }, true);
      term.focus();
    };
    const onAdvance = (event: Event) => {
      const seconds = (event as CustomEvent<LabAdvanceDetail>).detail?.seconds;
      if (Number.isInteger(seconds) && seconds > 0) send({ t: 'advance', seconds }, true);
    };
    // The editor pane's file requests go over this socket.
    const onFsRequest = (event: Event) => {
      const m = (event as CustomEvent<ClientMessage>).detail;
      if (m && (m.t === 'fs-list' || m.t === 'fs-read' || m.t === 'fs-write')) send(m, true);
    };
    const input = term.onData((d) => sendInput(d));
    // Copy on selection, like most terminal emulators (only where the page may write the clipboard:
    // secure contexts). Paste is untouched: xterm's own paste handler still sends it as input.
    let copyTimer: ReturnType<typeof setTimeout> | undefined;
    let copiedTimer: ReturnType<typeof setTimeout> | undefined;
    const selection = term.onSelectionChange(() => {
      clearTimeout(copyTimer);
      if (!term.hasSelection() || !window.isSecureContext || !navigator.clipboard) return;
      copyTimer = setTimeout(() => {
        const text = term.getSelection();
        if (!text.trim()) return;
        navigator.clipboard.writeText(text).then(
          () => {
            setCopied(true);
            clearTimeout(copiedTimer);
            copiedTimer = setTimeout(() => setCopied(false), 1500);
          },
          () => undefined, // permission refused or document not focused: selection stays, nothing else
        );
      }, COPY_SETTLE_MS);
    });
    window.addEventListener(LAB_FS_REQUEST_EVENT, onFsRequest);
    window.addEventListener(LAB_RUN_EVENT, onRun);
    window.addEventListener(LAB_RESET_EVENT, onReset);
    window.addEventListener(LAB_ADVANCE_EVENT, onAdvance);
    const resize = term.onResize(({ cols, rows }) => send({ t: 'resize', cols, rows }));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(el);
    void connect();
    term.focus();

    return () => {
      closed = true;
      clearTimeout(retry);
      clearTimeout(copyTimer);
      clearTimeout(copiedTimer);
      selection.dispose();
      observer.disconnect();
      window.removeEventListener(LAB_RUN_EVENT, onRun);
      window.removeEventListener(LAB_RESET_EVENT, onReset);
      window.removeEventListener(LAB_ADVANCE_EVENT, onAdvance);
      window.removeEventListener(LAB_FS_REQUEST_EVENT, onFsRequest);
      input.dispose();
      resize.dispose();
      ws?.close();
      term.dispose();
    };
  }, [labKey]);

  return (
    <div className={styles.frame} data-state={state}>
      <div className={styles.bar}>
        <span className={styles.title}>root@k8s-master: ~</span>
        <span className={styles.copied} aria-live="polite" data-testid="terminal-copied">
          {copied ? '복사됨' : ''}
        </span>
        <span className={styles.status} role="status" aria-live="polite" data-testid="terminal-status">
          {STATE_TEXT[state]}
        </span>
      </div>
      <div ref={host} className={styles.screen} role="application" aria-label="실습 터미널" data-testid="terminal" />
    </div>
  );
}
