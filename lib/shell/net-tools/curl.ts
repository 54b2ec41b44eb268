import type { CommandFn } from '../io';
import { httpFetch, parseUrl, type NetOrigin } from './http-client';

interface CurlOpts {
  silent: boolean; showError: boolean; verbose: boolean; head: boolean; include: boolean; fail: boolean; insecure?: boolean;
  output?: string; writeOut?: string; method?: string; maxMs?: number; headers: [string, string][]; urls: string[];
}

const WITH_VALUE = new Set(['-H', '--header', '-o', '--output', '-w', '--write-out', '-X', '--request', '-m', '--max-time',
  '--connect-timeout', '-d', '--data', '--data-raw', '-A', '--user-agent', '-u', '--user', '-e', '--referer', '--resolve', '-b', '--cookie']);

function parse(argv: string[]): CurlOpts | string {
  const o: CurlOpts = { silent: false, showError: false, verbose: false, head: false, include: false, fail: false, headers: [], urls: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') { o.urls.push(a); continue; }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (WITH_VALUE.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) return `curl: option ${name}: requires parameter`;
      if (name === '-H' || name === '--header') { const c = v.indexOf(':'); if (c > 0) o.headers.push([v.slice(0, c).trim(), v.slice(c + 1).trim()]); }
      else if (name === '-o' || name === '--output') o.output = v;
      else if (name === '-w' || name === '--write-out') o.writeOut = v;
      else if (name === '-X' || name === '--request') o.method = v;
      else if (name === '-m' || name === '--max-time' || name === '--connect-timeout') o.maxMs = Number(v) * 1000;
      else if (name.startsWith('-d') || name.startsWith('--data')) o.method ??= 'POST';
      else if (name === '-A' || name === '--user-agent') o.headers.push(['User-Agent', v]);
      continue;
    }
    const long: Record<string, keyof CurlOpts | ''> = { '--silent': 'silent', '--show-error': 'showError', '--verbose': 'verbose', '--head': 'head',
      '--include': 'include', '--fail': 'fail', '--insecure': 'insecure', '--location': '', '--compressed': '', '--http1.1': '', '--no-progress-meter': 'silent' };
    if (a.startsWith('--')) {
      if (!(a in long)) return `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`;
      if (long[a]) (o as unknown as Record<string, boolean>)[long[a]] = true;
      continue;
    }
    for (const ch of a.slice(1)) {
      const map: Record<string, keyof CurlOpts | ''> = { s: 'silent', S: 'showError', v: 'verbose', I: 'head', i: 'include', f: 'fail', k: 'insecure', L: '', 4: '', N: '' };
      if (!(ch in map)) return `curl: option -${ch}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`;
      if (map[ch]) (o as unknown as Record<string, boolean>)[map[ch]] = true;
    }
  }
  return o;
}

function writeOut(fmt: string, v: Record<string, string>): string {
  return fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%\{([a-z_]+)\}/g, (_, k: string) => v[k] ?? '');
}

/** The progress meter curl prints on stderr when the body is not going to a terminal. */
function meter(bytes: number): string {
  const n = String(bytes).padStart(5);
  return '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `\r100${n}  100${n}    0     0   ${bytes < 1000 ? ' ' : ''}${Math.max(1, Math.round(bytes / 1.0))}k      0 --:--:-- --:--:-- --:--:--  ${Math.round(bytes)}k\n`;
}

/**
 * curl as the image ships it (`version` e.g. 8.5.0 on the master, 7.86.0 in
 * curlimages/curl:7.86.0): exit codes and messages of lib/strerror.c and the tool's
 * --verbose/-I/-w/-o behaviour for plain HTTP.
 */
export function makeCurl(origin: () => NetOrigin, version: string): CommandFn {
  const v7 = version.startsWith('7.');
  return async ({ argv, io, env, signal }) => {
    const opts = parse(argv);
    if (typeof opts === 'string') { io.stderr(`${opts}\n`); return 2; }
    if (opts.urls.length === 0) { io.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n"); return 2; }
    const quietErr = opts.silent && !opts.showError;
    let status = 0;
    for (const raw of opts.urls) {
      const url = parseUrl(raw);
      if (!url) { if (!quietErr) io.stderr(`curl: (3) URL rejected: Bad hostname\n`); status = 3; continue; }
      if (!['http', 'https'].includes(url.scheme)) {
        if (!quietErr) io.stderr(`curl: (1) Protocol "${url.scheme}" not supported${v7 ? ' or disabled in libcurl' : ''}\n`);
        status = 1; continue;
      }
      const method = opts.method ?? (opts.head ? 'HEAD' : 'GET');
      const hostHeader = opts.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? (url.port === 80 || url.port === 443 ? url.host : `${url.host}:${url.port}`);
      const reqHeaders: [string, string][] = [['Host', hostHeader], ['User-Agent', `curl/${version}`], ['Accept', '*/*'],
        ...opts.headers.filter(([k]) => !['host', 'user-agent', 'accept'].includes(k.toLowerCase()))];
      const r = await httpFetch(env, origin(), url, method, Object.fromEntries(reqHeaders.map(([k, x]) => [k.toLowerCase(), x])), opts.maxMs, signal, { insecure: opts.insecure });
      const fail = (code: number, msg: string) => { if (!quietErr) io.stderr(`curl: (${code}) ${msg}\n`); status = code; };
      if (r.kind === 'resolve') { if (opts.verbose) io.stderr(`* Could not resolve host: ${url.host}\n`); fail(6, `Could not resolve host: ${url.host}`); continue; }
      if (opts.verbose) io.stderr(`*   Trying ${r.ip}:${url.port}...\n`);
      if (r.kind === 'timeout' && opts.maxMs !== undefined) { fail(28, `Connection timed out after ${opts.maxMs + 1} milliseconds`); continue; }
      if (r.kind === 'refused' || r.kind === 'timeout' || r.kind === 'unreachable') {
        const why = v7 ? { refused: 'Connection refused', timeout: 'Connection timed out', unreachable: 'No route to host' }[r.kind] : "Couldn't connect to server";
        fail(r.kind === 'timeout' ? 28 : 7, `Failed to connect to ${url.host} port ${url.port} after ${r.ms} ms: ${why}`);
        continue;
      }
      if (opts.verbose) io.stderr(`* Connected to ${url.host} (${r.ip}) port ${url.port}${v7 ? ' (#0)' : ''}\n`);
      if (r.kind === 'cert') {
        // lib/vtls/openssl.c verify failure + the tool's CURLE_PEER_FAILED_VERIFICATION help text.
        fail(60, 'SSL certificate problem: self-signed certificate');
        if (!quietErr) io.stderr('More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\n' +
          'establish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n');
        continue;
      }
      if (r.kind === 'tls') { fail(35, 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number'); continue; }
      if (r.kind !== 'ok') continue;
      const res = r.response;
      // HTTP/2 (ALPN h2): status line without reason, lower-case header names, no Connection.
      const h2 = r.http2 ? res.headers.filter(([k]) => k.toLowerCase() !== 'connection').map(([k, x]) => [k.toLowerCase(), x] as const) : undefined;
      if (opts.verbose && r.cert) {
        // lib/vtls/openssl.c verbose handshake summary (OpenSSL 3, TLS 1.3, ALPN h2).
        io.stderr(`* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n* TLSv1.3 (IN), TLS handshake, Server hello (2):\n` +
          `* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):\n* TLSv1.3 (IN), TLS handshake, Certificate (11):\n* TLSv1.3 (IN), TLS handshake, CERT verify (15):\n` +
          `* TLSv1.3 (IN), TLS handshake, Finished (20):\n* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):\n* TLSv1.3 (OUT), TLS handshake, Finished (20):\n` +
          `* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS\n* ALPN: server accepted h2\n* Server certificate:\n` +
          `*  subject: ${r.cert.subject}\n*  issuer: ${r.cert.subject}\n*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n`);
      }
      if (opts.verbose && h2) {
        io.stderr(`> ${method} ${url.path} HTTP/2\n> Host: ${hostHeader}\n${reqHeaders.slice(1).map(([k, x]) => `> ${k}: ${x}\n`).join('')}> \n`);
        io.stderr(`< HTTP/2 ${res.status} \n${h2.map(([k, x]) => `< ${k}: ${x}\n`).join('')}< \n`);
      } else if (opts.verbose) {
        io.stderr(`> ${method} ${url.path} HTTP/1.1\n${reqHeaders.map(([k, x]) => `> ${k}: ${x}\n`).join('')}> \n`);
        io.stderr(`< HTTP/1.1 ${res.status} ${res.reason}\n${res.headers.map(([k, x]) => `< ${k}: ${x}\n`).join('')}< \n`);
      }
      const head = h2 ? `HTTP/2 ${res.status} \r\n${h2.map(([k, x]) => `${k}: ${x}\r\n`).join('')}\r\n`
        : `HTTP/1.1 ${res.status} ${res.reason}\r\n${res.headers.map(([k, x]) => `${k}: ${x}\r\n`).join('')}\r\n`;
      if (opts.fail && res.status >= 400) { fail(22, `The requested URL returned error: ${res.status}`); continue; }
      const body = method === 'HEAD' ? '' : res.body;
      const text = (opts.head || opts.include ? head : '') + body;
      if (opts.output && opts.output !== '-') {
        if (opts.output !== '/dev/null') env.vfs.write(env.resolve(opts.output), text);
        if (!opts.silent) io.stderr(meter(body.length));
      } else {
        if (!opts.silent && !io.stdoutIsTTY) io.stderr(meter(body.length));
        io.stdout(text);
      }
      if (opts.verbose) io.stderr(`* Connection #0 to host ${url.host} left intact\n`);
      if (opts.writeOut) {
        io.stdout(writeOut(opts.writeOut, {
          http_code: String(res.status), response_code: String(res.status), remote_ip: r.ip, remote_port: String(url.port),
          size_download: String(body.length), url_effective: raw.includes('://') ? raw : `http://${raw}`, time_total: '0.002841',
          time_connect: '0.000412', content_type: res.headers.find(([k]) => k === 'Content-Type')?.[1] ?? '', method,
        }));
      }
    }
    return status;
  };
}
