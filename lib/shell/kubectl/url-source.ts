import { bundledManifest, bundledNote } from '../../cluster';
import { KubectlError } from './errors';
import type { ManifestSource } from './manifest';

/**
 * `-f https://...`: cli-runtime's URLVisitor downloads the manifest. The lab is offline, so
 * only the add-on URLs bundled in lib/cluster/addons resolve; anything else fails the way
 * net/http does without a reachable DNS server (the Get error kubectl prints as is).
 */
export function readUrl(url: string, note?: (text: string) => void): ManifestSource {
  const text = bundledManifest(url);
  if (text !== undefined) {
    const what = bundledNote(url);
    if (what) note?.(what);
    return { name: url, text };
  }
  const host = /^https?:\/\/([^/:?#]*)/.exec(url)?.[1] ?? '';
  throw new KubectlError(`error: Get "${url}": dial tcp: lookup ${host} on 127.0.0.53:53: server misbehaving\n` +
    'kubelab: 이 실습 환경은 인터넷에 연결되어 있지 않습니다. 강의 노트와 공식 문서의 add-on URL(ingress-nginx, Longhorn, metrics-server, VPA, Cluster Autoscaler, Prometheus Adapter, MetalLB)만 내장되어 있습니다.\n' +
    'kubelab: this lab has no internet access; only the add-on URLs of the course notes and of the add-on docs are bundled.');
}
