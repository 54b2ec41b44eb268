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

export function defaultKubeconfig(): KubeConfig {
  return {
    apiVersion: 'v1',
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': REDACTED, server: 'https://192.168.0.30:6443' } }],
    contexts: [{ name: 'kubernetes-admin@kubernetes', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    'current-context': 'kubernetes-admin@kubernetes',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': REDACTED, 'client-key-data': REDACTED } }],
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
