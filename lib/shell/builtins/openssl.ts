import type { CommandFn, CommandContext } from '../io';

/**
 * `openssl genrsa` / `openssl req -x509` (OpenSSL 3.0, Ubuntu's) just far enough for the
 * Ingress TLS lab: they write PEM files with the right headers. The contents are NOT real
 * keys or certificates: the base64 is a deterministic DER-shaped blob derived from the
 * arguments (the certificate's embeds its subject), which is all the simulated cluster
 * checks (`kubectl create secret tls`, ingress-nginx's PEM parsing).
 */
/**
 * The commonName as a certificate's DER carries it: the attribute OID 2.5.4.3, then a
 * UTF8String (tag 0x0c) with its length, so a reader needs no delimiter.
 */
function commonNameAttribute(cn: string): number[] {
  const value = [...new TextEncoder().encode(cn)].slice(0, 127);
  return [0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, value.length, ...value];
}

function blob(seed: string, length: number, embedded: number[] = []): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const bytes: number[] = [0x30, 0x82, (length >> 8) & 0xff, length & 0xff];
  while (bytes.length < length) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    bytes.push(h & 0xff);
    if (bytes.length === 40 && embedded.length) bytes.push(...embedded);
  }
  return btoa(String.fromCharCode(...bytes.slice(0, length)));
}

const pem = (label: string, b64: string) =>
  `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;

const bits = (spec: string | undefined) => Number(/(\d+)$/.exec(spec ?? '')?.[1] ?? 2048);
const keyPem = (seed: string, n: number) => pem('PRIVATE KEY', blob(`key:${seed}`, Math.round(n * 0.594) + 1));

/** "/CN=foo/O=bar" → "CN = foo, O = bar" (the OpenSSL 3 one-line form). */
function subjectOf(subj: string): string | undefined {
  const parts = subj.split('/').filter(Boolean);
  if (!parts.length || parts.some((p) => !p.includes('='))) return undefined;
  return parts.map((p) => p.replace('=', ' = ')).join(', ');
}

function options(argv: string[], withValue: string[]): { opts: Map<string, string>; flags: Set<string>; bad?: string; rest: string[] } {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const rest: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) { rest.push(a); continue; }
    const name = a.replace(/^--?/, '');
    if (withValue.includes(name)) {
      if (argv[i + 1] === undefined) return { opts, flags, rest, bad: `${argv[1]}: Option -${name} needs a value` };
      opts.set(name, argv[++i]);
    } else flags.add(name);
  }
  return { opts, flags, rest };
}

function write(ctx: CommandContext, path: string | undefined, text: string): void {
  if (path) ctx.env.vfs.write(ctx.env.resolve(path), text);
  else ctx.io.stdout(text);
}

function genrsa(ctx: CommandContext): number {
  const { opts, rest, bad } = options(ctx.argv, ['out', 'passout', 'aes256', 'primes']);
  if (bad) { ctx.io.stderr(`${bad}\n`); return 1; }
  write(ctx, opts.get('out'), keyPem(`${opts.get('out')}:${rest.join(' ')}:${ctx.env.cluster.seed}`, bits(rest[0])));
  return 0;
}

function req(ctx: CommandContext): number {
  const { opts, flags, bad } = options(ctx.argv, ['key', 'keyout', 'out', 'days', 'subj', 'newkey', 'config', 'addext', 'extensions', 'passout', 'in']);
  if (bad) { ctx.io.stderr(`${bad}\n`); return 1; }
  if (!flags.has('x509')) {
    ctx.io.stderr('kubelab: only "openssl req -x509 ..." (a self-signed certificate) is simulated\n');
    return 1;
  }
  const subj = opts.get('subj');
  if (subj === undefined) {
    ctx.io.stderr('kubelab: interactive certificate prompts are not simulated; pass the subject with -subj "/CN=example.com"\n');
    return 1;
  }
  const subject = subjectOf(subj);
  if (!subject) { ctx.io.stderr(`req: Hit end of string before finding the equals.\nreq: Error making certificate request\n`); return 1; }
  const seed = `${subj}:${opts.get('days') ?? '30'}:${ctx.env.cluster.seed}`;
  if (opts.has('key')) {
    const path = ctx.env.resolve(opts.get('key')!);
    if (!ctx.env.vfs.isFile(path)) {
      ctx.io.stderr(`Could not open file or uri for loading private key from ${opts.get('key')}\n`);
      return 1;
    }
    if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(ctx.env.vfs.read(path))) {
      ctx.io.stderr(`Could not read private key from ${opts.get('key')}\n`);
      return 1;
    }
  } else {
    if (!opts.has('newkey') && !opts.has('keyout')) { ctx.io.stderr('req: Use -key or -newkey to supply a private key\n'); return 1; }
    // key generation progress (OpenSSL 3 prints it for -newkey)
    ctx.io.stderr('.+.....+++++++++++++++++++++++++++++++++++++++*.......+...+++++++++++++++++++++++++++++++++++++++*......\n-----\n');
    write(ctx, opts.get('keyout') ?? 'privkey.pem', keyPem(`${seed}:new`, bits(opts.get('newkey'))));
  }
  write(ctx, opts.get('out'), pem('CERTIFICATE', blob(`crt:${seed}`, 1100, commonNameAttribute(/CN=([^/]*)/.exec(subj)?.[1] ?? ''))));
  return 0;
}

export const openssl: CommandFn = (ctx) => {
  const sub = ctx.argv[1];
  if (sub === 'genrsa') return genrsa(ctx);
  if (sub === 'req') return req(ctx);
  if (sub === 'version') { ctx.io.stdout('OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)\n'); return 0; }
  if (sub === undefined) { ctx.io.stderr('kubelab: the interactive openssl prompt is not simulated\n'); return 1; }
  if (['x509', 'rsa', 'genpkey', 'pkey', 's_client', 'rand', 'dgst', 'base64', 'enc'].includes(sub)) {
    ctx.io.stderr(`kubelab: "openssl ${sub}" is not simulated yet (genrsa and req -x509 are)\n`);
    return 1;
  }
  ctx.io.stderr(`Invalid command '${sub}'; type "help" for a list.\n`);
  return 1;
};
