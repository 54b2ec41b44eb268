/**
 * Terminal round trip over a real WebSocket on loopback: time from sending
 * `kubectl get pods⏎` to the server's `done` frame (command run, lab saved to SQLite).
 * Budget: median ≤ 10 ms. Prints the ratio median/budget (≤ 1 is within budget).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WsTerminal } from '../e2e/support/ws-terminal';
import { benchDataDir } from './bench-db';

const BUDGET_MS = 10;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);

export async function benchRoundTrip(): Promise<{ median: number; p95: number; ratio: number }> {
  benchDataDir();
  const { migrate, getLabSnapshot, saveLabSnapshot } = await import('../lib/db');
  const { attachTerminalServer, LabRegistry } = await import('../lib/terminal');
  await migrate();
  const { createGuestUser } = await import('../lib/db');
  const user = await createGuestUser();
  const registry = new LabRegistry({
    store: {
      load: async (u, k) => (await getLabSnapshot(u, k))?.data ?? null,
      save: (u, k, d) => saveLabSnapshot(u, k, d),
      delete: async () => {},
    },
  });
  const terminals = attachTerminalServer({ registry, identify: async () => ({ userId: user.id }) });
  const server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => {
    if (!terminals.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const term = await WsTerminal.connect(base, 'bench/roundtrip', '');
  await term.run('kubectl run web --image=nginx');
  await term.run('kubectl run db --image=kubetm/app');
  for (let i = 0; i < 20; i++) await term.run('kubectl get pods');

  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    const out = await term.run('kubectl get pods');
    samples.push(performance.now() - t0);
    if (!out.includes('web')) throw new Error(`unexpected output:\n${out}`);
  }
  term.close();
  terminals.close();
  server.close();
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const p95 = samples[Math.floor(samples.length * 0.95)];
  return { median, p95, ratio: median / BUDGET_MS };
}

if (process.argv[1]?.endsWith('terminal-roundtrip.ts')) {
  benchRoundTrip().then((r) => {
    console.log(
      `terminal round trip (kubectl get pods, ${ITERATIONS} runs): median ${r.median.toFixed(2)} ms, ` +
        `p95 ${r.p95.toFixed(2)} ms; median/budget(${BUDGET_MS} ms) = ${r.ratio.toFixed(3)}`,
    );
    process.exit(0);
  });
}
