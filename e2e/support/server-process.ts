import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `tsx server.ts` on a port with its own data folder and waits until it answers. */
export async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'server.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so kill -9 reaches tsx's node child too
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start within 60s:\n${log}`);
}

/** SIGKILL for the whole process group: no shutdown hook runs, like a crash. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.pid) process.kill(-child.pid, 'SIGKILL');
  await new Promise((r) => child.once('exit', r));
}
