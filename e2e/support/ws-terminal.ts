import WebSocket from 'ws';
import type { ServerMessage } from '../../lib/terminal/protocol';

/**
 * A terminal client without a browser, for the restart test and the round-trip bench:
 * gets a guest identity over HTTP, then speaks the wire protocol over `ws`.
 */
export class WsTerminal {
  private screen = '';
  private waiters: Array<() => void> = [];
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as ServerMessage;
      if (m.t === 'out') this.screen += m.d;
      if (m.t === 'done') this.doneCount++;
      for (const w of this.waiters.splice(0)) w();
    });
  }
  doneCount = 0;

  static async guestCookie(baseUrl: string): Promise<string> {
    const res = await fetch(`${baseUrl}/api/guest`, { method: 'POST' });
    if (!res.ok) throw new Error(`POST /api/guest: ${res.status}`);
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    return cookies.join('; ');
  }

  static connect(baseUrl: string, labKey: string, cookie: string): Promise<WsTerminal> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/terminal?lab=${encodeURIComponent(labKey)}`;
    const ws = new WebSocket(url, { headers: { cookie } });
    return new Promise((resolve, reject) => {
      const t = new WsTerminal(ws);
      ws.once('open', () => resolve(t));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** Everything printed so far, with ANSI sequences and CRs removed. */
  text(): string {
    return this.screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  clear(): void {
    this.screen = '';
  }

  /** Types a command line and resolves when the command has finished. */
  async run(line: string, timeoutMs = 10_000): Promise<string> {
    const before = this.doneCount;
    this.clear();
    this.ws.send(JSON.stringify({ t: 'in', d: `${line}\r` }));
    await this.until(() => this.doneCount > before, timeoutMs);
    return this.text();
  }

  until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; screen:\n${this.text()}`)), timeoutMs);
      const check = () => {
        if (predicate()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  close(): void {
    this.ws.close();
  }
}
