/**
 * kubesim: the KubeLab shell (simulated bash + kubectl over a simulated cluster) on
 * stdin/stdout. Interactive on a TTY; otherwise reads command lines from stdin or
 * --script FILE, joining lines until a command is complete (heredocs, quotes, `\`).
 *
 *   npm run kubesim -- [--seed S] [--script FILE] [--home DIR] [--json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { createCluster } from '../lib/cluster';
import { createShell, splitCommandLines, type ShellSession, type ShellState } from '../lib/shell';

interface Options { seed: string; script?: string; home?: string; json: boolean; now?: number }

function parseArgs(argv: string[]): Options {
  const o: Options = { seed: 'kubesim', json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--seed') o.seed = value();
    else if (a === '--script') o.script = value();
    else if (a === '--home') o.home = value();
    else if (a === '--now') o.now = Date.parse(value());
    else if (a === '--json') o.json = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: kubesim [--seed S] [--script FILE] [--home DIR] [--json] [--now ISO-TIME]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Files of a host folder, to be placed under /root. */
function homeState(dir: string): ShellState {
  const files: Record<string, string> = {};
  const dirs: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = `/root/${relative(dir, p).split('\\').join('/')}`;
      if (statSync(p).isDirectory()) { dirs.push(rel); walk(p); } else files[rel] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return { v: 1, cwd: '/root', env: { HOME: '/root', USER: 'root', PWD: '/root', HOSTNAME: 'k8s-master', SHELL: '/bin/bash',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, files, dirs, history: [] };
}

async function batch(shell: ShellSession, text: string, json: boolean): Promise<number> {
  let status = 0;
  for (const command of splitCommandLines(shell, text)) {
    if (json) {
      const { output, exitCode } = await shell.exec(command);
      process.stdout.write(`${JSON.stringify({ command, output, exitCode })}\n`);
      status = exitCode;
    } else {
      status = await shell.run(command, { write: (c) => process.stdout.write(c) });
    }
  }
  return status;
}

async function interactive(shell: ShellSession): Promise<number> {
  const rl = createInterface({
    input: process.stdin, output: process.stdout, terminal: true, historySize: 1000,
    // Tab completion from the shell itself (kubectl verbs, resource types, object names, files).
    completer: (line: string): [string[], string] => {
      const { replaceFrom, candidates } = shell.complete(line, line.length);
      return [candidates, line.slice(replaceFrom)];
    },
  });
  let status = 0;
  let buf = '';
  let running: AbortController | null = null;
  // Ctrl-C stops the running command (watch, loops, sleep), or abandons the line being typed.
  rl.on('SIGINT', () => {
    if (running) { running.abort(); return; }
    buf = '';
    process.stdout.write('^C\n');
    rl.setPrompt(shell.prompt());
    rl.prompt();
  });
  rl.setPrompt(shell.prompt());
  rl.prompt();
  for await (const line of rl) {
    buf = buf ? `${buf}\n${line}` : line;
    if (!shell.isComplete(buf)) { rl.setPrompt(shell.continuationPrompt()); rl.prompt(); continue; }
    const command = buf;
    buf = '';
    // `exit` leaves an in-pod shell (kubectl exec -it POD -- sh) first, then kubesim.
    if ((command.trim() === 'exit' || command.trim() === 'logout') && !shell.context()) break;
    running = new AbortController();
    status = await shell.run(command, { write: (c) => process.stdout.write(c), signal: running.signal });
    if (running.signal.aborted) process.stdout.write('^C\n');
    running = null;
    rl.setPrompt(shell.prompt());
    rl.prompt();
  }
  rl.close();
  return status;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const cluster = createCluster({ seed: opts.seed, now: opts.now });
  const shell = createShell({ cluster, state: opts.home ? homeState(opts.home) : undefined });
  let status: number;
  if (opts.script) status = await batch(shell, readFileSync(opts.script, 'utf8'), opts.json);
  else if (process.stdin.isTTY && !opts.json) status = await interactive(shell);
  else status = await batch(shell, readFileSync(0, 'utf8'), opts.json);
  process.exitCode = status;
}

if (process.argv[1] && /kubesim\.ts$/.test(process.argv[1])) {
  main().catch((e) => { process.stderr.write(`kubesim: ${(e as Error).message}\n`); process.exitCode = 2; });
}
