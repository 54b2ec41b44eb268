import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LabSession, Sink } from './lab-session';
import type { LabRegistry } from './registry';
import { encodeServerMessage, MAX_FRAME_BYTES, TERMINAL_PATH } from './protocol';
import { labKeySchema, parseClientMessage } from './wire-schema';

export interface TerminalServerOptions {
  registry: LabRegistry;
  /** Reads the learner from the request's cookies (next-auth JWT or guest cookie). */
  identify(cookieHeader: string | undefined): Promise<{ userId: string } | null>;
  /** Whether a lab key names a lab that exists (a lesson); unknown labs get 404. */
  labExists?(labKey: string): Promise<boolean>;
  /** Called when a learner's terminal has attached to a lab (record the visit, send live status). */
  onConnect?(session: LabSession): void;
  /** Called after a learner reset a lab (send fresh live status). */
  onReset?(session: LabSession): void;
  heartbeatMs?: number;
}

/** Shown under the greeting in every terminal of a lab that was just reset. */
export const RESET_NOTICE = '\x1b[32m실습 환경을 처음 상태로 되돌렸습니다.\x1b[0m';

interface Connection {
  session: LabSession;
  sink: Sink;
  detach: () => void;
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/** Cross-site WebSocket hijacking guard: a browser's Origin must be this host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // non-browser clients (tests, benches) send none
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The terminal endpoint. Returns an upgrade handler that answers only TERMINAL_PATH and returns
 * false for anything else (so Next's own upgrade handler can take it in development).
 */
export function attachTerminalServer(opts: TerminalServerOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, opts.heartbeatMs ?? 30_000);
  heartbeat.unref?.();
  const connections = new Set<Connection>();

  /** Resets the lab behind `from` and moves every terminal on it (any tab) to the fresh lab. */
  async function resetLab(from: Connection): Promise<void> {
    const { userId, labKey } = from.session;
    const fresh = await opts.registry.reset(userId, labKey);
    if (fresh.isDisposed) return; // a newer reset won
    for (const conn of connections) {
      if (conn.session.userId !== userId || conn.session.labKey !== labKey || conn.session === fresh) continue;
      conn.detach();
      conn.session = fresh;
      conn.sink({ t: 'reset', labKey });
      conn.detach = fresh.attach(conn.sink, RESET_NOTICE);
    }
    opts.onReset?.(fresh);
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!sameOrigin(req)) return reject(socket, 403, 'Forbidden');
    const lab = labKeySchema.safeParse(url.searchParams.get('lab') ?? '');
    if (!lab.success) return reject(socket, 400, 'Bad Request');
    const who = await opts.identify(req.headers.cookie).catch(() => null);
    if (!who) return reject(socket, 401, 'Unauthorized');
    if (opts.labExists && !(await opts.labExists(lab.data).catch(() => false))) return reject(socket, 404, 'Not Found');
    const session = await opts.registry.open(who.userId, lab.data);
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      const sink: Sink = (message) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeServerMessage(message));
      };
      const conn: Connection = { session, sink, detach: session.attach(sink) };
      connections.add(conn);
      opts.onConnect?.(session);
      ws.on('message', (raw, isBinary) => {
        if (isBinary) return;
        const message = parseClientMessage(raw.toString());
        if (!message) return;
        if (message.t === 'in') conn.session.input(message.d);
        else if (message.t === 'resize') conn.session.resize(message.cols);
        else if (message.t === 'fs-list') sink({ t: 'fs', op: 'list', files: conn.session.listFiles() });
        else if (message.t === 'fs-read') sink({ t: 'fs', op: 'read', path: message.path, content: conn.session.readFile(message.path) });
        else if (message.t === 'fs-write') {
          const { path } = message;
          conn.session.writeFile(path, message.content).then(
            (r) => sink(r.ok ? { t: 'fs', op: 'written', path, files: conn.session.listFiles() } : { t: 'fs', op: 'error', path, message: r.message }),
            () => sink({ t: 'fs', op: 'error', path, message: '저장하지 못했습니다. 잠시 후 다시 시도해 주세요.' }),
          );
        } else if (message.t === 'advance') {
          conn.session.advance(message.seconds).catch((err) => {
            console.error(`[terminal] advance ${conn.session.labKey}:`, err);
            sink({ t: 'error', message: '시간을 앞당기지 못했습니다. 잠시 후 다시 시도해 주세요.' });
          });
        } else if (message.t === 'reset') {
          resetLab(conn).catch((err) => {
            console.error(`[terminal] reset ${conn.session.labKey}:`, err);
            sink({ t: 'error', message: '실습 환경을 초기화하지 못했습니다. 잠시 후 다시 시도해 주세요.' });
          });
        } else ws.send(encodeServerMessage({ t: 'pong', id: message.id }));
      });
      ws.on('close', () => {
        connections.delete(conn);
        conn.detach();
        opts.registry.release(conn.session);
      });
      ws.on('error', () => ws.terminate());
    });
  }

  return {
    /** Handles the upgrade if it is for the terminal; returns false otherwise. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const path = (req.url ?? '').split('?')[0];
      if (path !== TERMINAL_PATH) return false;
      upgrade(req, socket, head).catch(() => reject(socket, 500, 'Internal Server Error'));
      return true;
    },
    close(): void {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
