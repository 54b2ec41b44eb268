/**
 * 200 concurrent terminals, each sending `kubectl get pods⏎` once a second over a real
 * WebSocket on loopback, against the real lab stack (sessions, shell, cluster, SQLite saves).
 * Reported beside a bare `ws` echo server measured the same way in the same run (the floor).
 * Budgets (issue 4): median ≤ 10 ms, p99 ≤ 50 ms. Clients and server share this process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { benchDataDir } from './bench-db';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** Opens `n` sockets; each sends `payload` every second (staggered) and times the reply `isReply`. */
async function drive(url: (i: number) => string, headers: (i: number) => Record<string, string>, payload: string, isReply: (raw: string) => boolean): Promise<number[]> {
  const sockets = await Promise.all(
    Array.from({ length: SESSIONS }, (_, i) => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url(i), { headers: headers(i) });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    })),
  );
  await new Promise((r) => setTimeout(r, 500)); // greetings and prompts settle
  const samples: number[] = [];
  const timers: NodeJS.Timeout[] = [];
  sockets.forEach((ws, i) => {
    let sentAt = 0;
    ws.on('message', (raw) => {
      if (sentAt && isReply(raw.toString())) {
        samples.push(performance.now() - sentAt);
        sentAt = 0;
      }
    });
    const tick = () => {
      if (sentAt) return; // previous one still outstanding
      sentAt = performance.now();
      ws.send(payload);
    };
    timers.push(setTimeout(() => timers.push(setInterval(tick, 1000)), (i * 1000) / SESSIONS));
  });
  await new Promise((r) => setTimeout(r, SECONDS * 1000 + 1000));
  timers.forEach((t) => clearInterval(t));
  sockets.forEach((ws) => ws.terminate());
  return samples;
}

export async function benchConcurrency(): Promise<string[]> {
  // Floor: a bare ws echo server.
  const echoHttp = createServer();
  const echo = new WebSocketServer({ server: echoHttp });
  echo.on('connection', (ws) => ws.on('message', (m) => ws.send(m.toString())));
  const echoPort = await listen(echoHttp);
  const floor = await drive(() => `ws://127.0.0.1:${echoPort}`, () => ({}), 'ping', () => true);
  echo.close();
  echoHttp.close();

  // The lab stack.
  benchDataDir();
  const db = await import('../lib/db');
  const { attachTerminalServer, LabRegistry } = await import('../lib/terminal');
  db.migrate();
  const users = await Promise.all(Array.from({ length: SESSIONS }, () => db.createGuestUser()));
  const registry = new LabRegistry({
    store: {
      load: async (u, k) => (await db.getLabSnapshot(u, k))?.data ?? null,
      save: (u, k, d) => db.saveLabSnapshot(u, k, d),
      delete: async (u, k) => void (await db.deleteLabSnapshot(u, k)),
    },
  });
  const terminals = attachTerminalServer({ registry, identify: async (cookie) => ({ userId: users[Number(cookie?.split('=')[1])].id }) });
  const http = createServer((_q, s) => s.end());
  http.on('upgrade', (req, socket, head) => {
    if (!terminals.handleUpgrade(req, socket, head)) socket.destroy();
  });
  const port = await listen(http);
  const lab = await drive(
    () => `ws://127.0.0.1:${port}/api/terminal?lab=bench/concurrency`,
    (i) => ({ cookie: `u=${i}` }),
    JSON.stringify({ t: 'in', d: 'kubectl get pods\r' }),
    (raw) => raw.startsWith('{"t":"done"'),
  );
  terminals.close();
  http.close();

  const fm = pct(floor, 0.5), f99 = pct(floor, 0.99), lm = pct(lab, 0.5), l99 = pct(lab, 0.99);
  return [
    `ws echo floor (${SESSIONS} sockets, 1 msg/s each, ${floor.length} samples): median ${fm.toFixed(2)} ms, p99 ${f99.toFixed(2)} ms`,
    `terminal kubectl get pods (${SESSIONS} sessions, ${lab.length} samples): median ${lm.toFixed(2)} ms (budget 10, ratio ${(lm / 10).toFixed(3)}), ` +
      `p99 ${l99.toFixed(2)} ms (budget 50, ratio ${(l99 / 50).toFixed(3)}); median/floor ${(lm / fm).toFixed(1)}x`,
  ];
}

if (process.argv[1]?.endsWith('terminal-concurrency.ts')) {
  benchConcurrency().then((lines) => {
    for (const l of lines) console.log(l);
    process.exit(0);
  });
}
