import type { CommandFn } from '../io';
import { httpFetch, parseUrl, type NetOrigin } from './http-client';

/** busybox wget (networking/wget.c): `-q`, `-O FILE|-`, `-T SEC`, `-S`, `--spider`; its messages and exit 1 on errors. */
export function makeWget(origin: () => NetOrigin): CommandFn {
  return async ({ argv, io, env, signal }) => {
    let quiet = false, out: string | undefined, spider = false, showHeaders = false, maxMs: number | undefined;
    const urls: string[] = [];
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--output-document') out = argv[++i];
      else if (a === '--timeout') maxMs = Number(argv[++i]) * 1000;
      else if (a === '--spider') spider = true;
      else if (a === '--tries' || a === '--header') i++;
      else if (a === '--quiet') quiet = true;
      else if (/^-[^-]/.test(a)) {
        // getopt32 clusters short options: `-qO-` is -q plus -O with the argument "-".
        let bad = '';
        for (let j = 1; j < a.length && !bad; j++) {
          const c = a[j];
          if (c === 'q') quiet = true;
          else if (c === 'S') showHeaders = true;
          else if (c === 'c') continue;
          else if ('OTtUYoP'.includes(c)) {
            const arg = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
            if (c === 'O') out = arg;
            else if (c === 'T') maxMs = Number(arg) * 1000;
            break;
          } else bad = c;
        }
        if (bad) { io.stderr(`wget: invalid option -- '${bad}'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`); return 1; }
      }
      else if (a.startsWith('-')) { io.stderr(`wget: unrecognized option '${a}'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`); return 1; }
      else urls.push(a);
    }
    if (urls.length === 0) { io.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n'); return 1; }
    for (const raw of urls) {
      const url = parseUrl(raw);
      if (!url || !['http', 'https'].includes(url.scheme)) { io.stderr(`wget: not an http or ftp url: ${raw}\n`); return 1; }
      const r = await httpFetch(env, origin(), url, spider ? 'HEAD' : 'GET', { host: url.host, 'user-agent': 'Wget' }, maxMs, signal,
        // BusyBox wget's TLS client does not verify certificates.
        { insecure: true });
      if (r.kind === 'resolve') { io.stderr(`wget: bad address '${url.host}'\n`); return 1; }
      if (!quiet) io.stderr(`Connecting to ${url.host}${url.port === 80 ? '' : `:${url.port}`} (${r.ip}:${url.port})\n`);
      if (r.kind === 'timeout') { io.stderr('wget: download timed out\n'); return 1; }
      if (r.kind === 'refused' || r.kind === 'unreachable') {
        io.stderr(`wget: can't connect to remote host (${r.ip}): ${r.kind === 'refused' ? 'Connection refused' : 'No route to host'}\n`);
        return 1;
      }
      if (r.kind === 'tls') { io.stderr('wget: error getting response: Connection reset by peer\n'); return 1; }
      if (r.kind !== 'ok') continue;
      const res = r.response;
      if (showHeaders) io.stderr(`  HTTP/1.1 ${res.status} ${res.reason}\n${res.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
      if (res.status >= 400) { io.stderr(`wget: server returned error: HTTP/1.1 ${res.status} ${res.reason}\n`); return 1; }
      if (spider) { if (!quiet) io.stderr('remote file exists\n'); continue; }
      const file = out ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
      const bar = (name: string) => `${name.padEnd(20).slice(0, 20)} 100% |********************************|  ${String(res.body.length).padStart(4)}  0:00:00 ETA\n`;
      if (file === '-') {
        if (!quiet) io.stderr('writing to stdout\n');
        io.stdout(res.body);
        if (!quiet) io.stderr(`${bar('-')}written to stdout\n`);
        continue;
      }
      const path = env.resolve(file);
      if (out === undefined && env.vfs.exists(path)) { io.stderr(`wget: can't open '${file}': File exists\n`); return 1; }
      if (!quiet) io.stderr(`saving to '${file}'\n`);
      if (file !== '/dev/null') env.vfs.write(path, res.body);
      if (!quiet) io.stderr(`${bar(file.split('/').pop()!)}'${file}' saved\n`);
    }
    return 0;
  };
}
