/**
 * The learner's kubeconfig: kubeadm's admin.conf copied to ~/.kube/config. Until a
 * `kubectl config` command changes it, the default is used without a file; after that the
 * file in the shell's home (persisted with the lab) is the source of truth, as for real kubectl.
 */
import { parse } from 'yaml';
import type { ShellEnv } from '../io';
import { toYaml } from './printers/output';

export const KUBECONFIG_PATH = '/root/.kube/config';
const REDACTED = 'DATA+OMITTED';

export interface KubeContext { name: string; context: { cluster: string; user: string; namespace?: string } }
export interface KubeConfig {
  apiVersion: 'v1';
  clusters: { name: string; cluster: { 'certificate-authority-data': string; server: string } }[];
  contexts: KubeContext[];
  'current-context': string;
  kind: 'Config';
  preferences: Record<string, never>;
  users: { name: string; user: Record<string, string> }[];
}

/**
 * base64 of a PEM block as kubeadm writes it into admin.conf (`LS0tLS1CRUdJTi…`). The DER bytes are
 * deterministic filler of a realistic size, not a usable certificate or key.
 */
function pemData(label: string, seed: number, derBytes: number): string {
  let h = seed >>> 0;
  let der = label.includes('KEY') ? '0\x82\x04\xa4' : '0\x82\x03\x06';
  while (der.length < derBytes) { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0; h ^= h >>> 12; der += String.fromCharCode(h & 0xff); }
  const pem = `-----BEGIN ${label}-----\n${btoa(der).match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
  return btoa(pem);
}

/** kubectl config view without --raw (clientcmdapi.ShortenConfig): `*-data` → DATA+OMITTED, tokens and passwords → REDACTED. */
export function shortenKubeconfig(cfg: KubeConfig): KubeConfig {
  const short = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([key, v]) =>
    [key, key.endsWith('-data') ? REDACTED : key === 'token' || key === 'password' ? 'REDACTED' : v])) as never;
  return { ...cfg, clusters: cfg.clusters.map((c) => ({ ...c, cluster: short(c.cluster) })), users: cfg.users.map((u) => ({ ...u, user: short(u.user) })) };
}

export function defaultKubeconfig(): KubeConfig {
  return {
    apiVersion: 'v1',
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': pemData('CERTIFICATE', 0x6b756265, 777), server: 'https://192.168.0.30:6443' } }],
    contexts: [{ name: 'kubernetes-admin@kubernetes', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    'current-context': 'kubernetes-admin@kubernetes',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: {
      'client-certificate-data': pemData('CERTIFICATE', 0x61646d6e, 812), 'client-key-data': pemData('RSA PRIVATE KEY', 0x6b657921, 1192) } }],
  };
}

export function loadKubeconfig(env: ShellEnv): KubeConfig {
  if (!env.vfs.isFile(KUBECONFIG_PATH)) return defaultKubeconfig();
  try {
    const doc = parse(env.vfs.read(KUBECONFIG_PATH)) as Partial<KubeConfig> | null;
    const def = defaultKubeconfig();
    return { ...def, ...doc, contexts: doc?.contexts ?? [], clusters: doc?.clusters ?? [], users: doc?.users ?? [] } as KubeConfig;
  } catch {
    return defaultKubeconfig();
  }
}

export function saveKubeconfig(env: ShellEnv, cfg: KubeConfig): void {
  if (!env.vfs.isDir('/root/.kube')) env.vfs.mkdir('/root/.kube', true);
  env.vfs.write(KUBECONFIG_PATH, toYaml(cfg));
}

export function currentContext(cfg: KubeConfig): KubeContext | undefined {
  return cfg.contexts.find((c) => c.name === cfg['current-context']);
}

/** The namespace commands default to: the current context's, else `default`. */
export function contextNamespace(env: ShellEnv): string {
  if (!env.vfs.isFile(KUBECONFIG_PATH)) return 'default';
  return currentContext(loadKubeconfig(env))?.context.namespace || 'default';
}
