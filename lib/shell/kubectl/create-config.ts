import type { KubeObject } from '../../cluster';
import type { Kubectl } from './context';
import type { CreateSubcommand } from './create-subcommands';
import { KubectlError } from './errors';
import type { FlagSpec } from './flags';

/** Flags of `create secret|configmap|ingress` (staging/src/k8s.io/kubectl/pkg/cmd/create). */
export const CONFIG_SUB_FLAGS: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringArray' },
  { name: 'from-env-file', type: 'stringArray' },
  { name: 'type', type: 'string' },
  { name: 'cert', type: 'string' },
  { name: 'key', type: 'string' },
  { name: 'append-hash', type: 'bool' },
  { name: 'class', type: 'string' },
  { name: 'rule', type: 'stringArray' },
  { name: 'annotation', type: 'stringArray' },
  { name: 'default-backend', type: 'string' },
];

const list = (k: Kubectl, flag: string) => (k.flags[flag] as string[] | undefined) ?? [];
const meta = (k: Kubectl, name: string, extra: Record<string, unknown> = {}) =>
  ({ name, ...(k.explicitNamespace && { namespace: k.namespace }), ...extra });

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

function readFile(k: Kubectl, path: string): string {
  const abs = k.env.resolve(path);
  if (k.env.vfs.isDir(abs)) throw new KubectlError(`error: read ${path}: is a directory`);
  if (!k.env.vfs.isFile(abs)) throw new KubectlError(`error: open ${path}: no such file or directory`);
  return k.env.vfs.read(abs);
}

/** handleFromLiteralSources / handleFromFileSources / handleFromEnvFileSource (create_configmap.go). */
function collect(k: Kubectl, kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists in ${kind === 'Secret' ? 'data' : 'Data'} for ${kind} "${name}"`);
    data[key] = value;
  };
  for (const lit of list(k, 'from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
    add(lit.slice(0, eq), lit.slice(eq + 1).replace(/^"(.*)"$/, '$1'));
  }
  for (const src of list(k, 'from-file')) {
    const eq = src.indexOf('=');
    const [key, path] = eq > 0 ? [src.slice(0, eq), src.slice(eq + 1)] : [undefined, src];
    const abs = k.env.resolve(path);
    if (!key && k.env.vfs.isDir(abs)) {
      for (const f of k.env.vfs.list(abs)) if (k.env.vfs.isFile(`${abs}/${f}`)) add(f, k.env.vfs.read(`${abs}/${f}`));
      continue;
    }
    add(key ?? path.split('/').pop()!, readFile(k, path));
  }
  for (const envFile of list(k, 'from-env-file')) {
    for (const line of readFile(k, envFile).split('\n')) {
      const t = line.trim();
      if (!t || t.startsWith('#')) continue;
      const eq = t.indexOf('=');
      add(eq < 0 ? t : t.slice(0, eq), eq < 0 ? '' : t.slice(eq + 1));
    }
  }
  return data;
}

export const configmap: CreateSubcommand = {
  names: ['configmap', 'cm'],
  build(k, name) {
    const data = collect(k, 'ConfigMap', name);
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(k, name), ...(Object.keys(data).length && { data }) };
  },
};

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/;

/** create_secret_tls.go: both files read and checked as a PEM pair (tls.X509KeyPair). */
function tlsSecret(k: Kubectl, name: string): KubeObject {
  const cert = k.str('cert') ?? '';
  const key = k.str('key') ?? '';
  if (!cert || !key) throw new KubectlError('error: key and cert must be specified');
  const crt = readFile(k, cert);
  const keyText = readFile(k, key);
  const crtBlock = PEM_BLOCK.exec(crt);
  if (!crtBlock) throw new KubectlError('error: tls: failed to find any PEM data in certificate input');
  if (crtBlock[1] !== 'CERTIFICATE') throw new KubectlError('error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
  const keyBlock = PEM_BLOCK.exec(keyText);
  if (!keyBlock) throw new KubectlError('error: tls: failed to find any PEM data in key input');
  if (!/PRIVATE KEY$/.test(keyBlock[1])) throw new KubectlError('error: tls: found a certificate rather than a key in the PEM for the private key');
  return { apiVersion: 'v1', kind: 'Secret', metadata: meta(k, name), type: 'kubernetes.io/tls', data: { 'tls.crt': b64(crt), 'tls.key': b64(keyText) } };
}

export const secret: CreateSubcommand = {
  names: ['secret'],
  nested: ['generic', 'tls'],
  build(k, name) {
    if (k.args[1] === 'tls') return tlsSecret(k, name);
    const data = collect(k, 'Secret', name);
    const encoded = Object.fromEntries(Object.entries(data).map(([key, v]) => [key, b64(v)]));
    return { apiVersion: 'v1', kind: 'Secret', metadata: meta(k, name), type: k.str('type') || 'Opaque', ...(Object.keys(encoded).length && { data: encoded }) };
  },
};

const RULE = /^([^/=,]*)(\/[^=]*)?=([^:,]+):([^,]+)(,tls(=(.+))?)?$/;

function backend(spec: string): Record<string, unknown> {
  const [svc, port] = spec.split(':');
  return { service: { name: svc, port: /^\d+$/.test(port ?? '') ? { number: Number(port) } : { name: port } } };
}

/** create_ingress.go: `host/path=svc:port[,tls[=secret]]`, a trailing `*` makes a Prefix path. */
export const ingress: CreateSubcommand = {
  names: ['ingress', 'ing'],
  build(k, name) {
    const rules: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
    const tls: { hosts?: string[]; secretName?: string }[] = [];
    for (const r of list(k, 'rule')) {
      const m = RULE.exec(r);
      if (!m) throw new KubectlError(`error: rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
      const [, host, rawPath, svc, port, withTls, , secretName] = m;
      const prefix = (rawPath ?? '').endsWith('*');
      const path = { backend: backend(`${svc}:${port}`), path: prefix ? rawPath!.slice(0, -1) : rawPath || '/', pathType: prefix ? 'Prefix' : 'Exact' };
      const existing = rules.find((x) => (x.host ?? '') === host);
      if (existing) existing.http.paths.push(path); else rules.push({ ...(host && { host }), http: { paths: [path] } });
      if (withTls) {
        const t = tls.find((x) => (x.secretName ?? '') === (secretName ?? ''));
        if (t) { if (host && !t.hosts?.includes(host)) (t.hosts ??= []).push(host); } else tls.push({ ...(host && { hosts: [host] }), ...(secretName && { secretName }) });
      }
    }
    const annotations: Record<string, string> = {};
    for (const a of list(k, 'annotation')) {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new KubectlError(`error: annotation ${a} is invalid and should be in format key=[value]`);
      annotations[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const def = k.str('default-backend');
    if (!rules.length && !def) throw new KubectlError('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    return {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(k, name, Object.keys(annotations).length ? { annotations } : {}),
      spec: { ...(k.str('class') && { ingressClassName: k.str('class') }), ...(def && { defaultBackend: backend(def) }),
        ...(rules.length && { rules }), ...(tls.length && { tls }) },
      status: { loadBalancer: {} },
    };
  },
};
