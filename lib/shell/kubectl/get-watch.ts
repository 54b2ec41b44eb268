/**
 * `kubectl get -w / --watch / --watch-only` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go,
 * watch()): the initial table, then one row per change of a watched object, each flushed on its
 * own (so, as in kubectl, later rows are not aligned with the header).
 *
 * Time passes through the session's sleep: in the web terminal that is real time and the watch
 * runs until Ctrl-C (or until the apiserver closes the watch — see below); in kubesim and tests
 * the sleep is instant, so the watch stops as soon as nothing is due in the cluster (no further
 * change can happen), and in every mode after WATCH_TIMEOUT_MS of simulated time, like the
 * apiserver closing a watch after --min-request-timeout (1800s) which ends `kubectl get -w`.
 */
import type { KubeObject, WatchEvent } from '../../cluster';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { filterByFields } from './get-output';
import { printerFor } from './printers/registry';
import { tabulate } from './printers/tabwriter';
import type { ResourceRequest } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

export const WATCH_TIMEOUT_MS = 30 * 60_000;
/** Longest single wait, so rows show promptly in real time. */
const MAX_STEP_MS = 1000;

function rowOf(k: Kubectl, req: ResourceRequest, o: KubeObject, now: number): string[] {
  const p = printerFor(req.res.kind);
  const wide = k.str('output') === 'wide';
  const cells = p.row(o, { wide, now });
  if (k.bool('all-namespaces') && req.res.namespaced) cells.unshift(o.metadata?.namespace ?? '');
  if (k.bool('show-labels')) {
    const labels = Object.entries(o.metadata?.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, b]) => `${a}=${b}`);
    cells.push(labels.join(',') || '<none>');
  }
  return cells;
}

function headerOf(k: Kubectl, req: ResourceRequest): string[] {
  const p = printerFor(req.res.kind);
  return [...(k.bool('all-namespaces') && req.res.namespaced ? ['NAMESPACE'] : []), ...p.columns,
    ...(k.str('output') === 'wide' ? p.wideColumns : []), ...(k.bool('show-labels') ? ['LABELS'] : [])];
}

export async function runWatch(k: Kubectl, requests: ResourceRequest[]): Promise<number> {
  if (requests.length !== 1) throw new KubectlError('error: you may only specify a single resource type');
  const output = k.str('output') ?? '';
  if (!['', 'wide'].includes(output)) throw new KubectlError(`kubelab: "kubectl get --watch -o ${output}" is not simulated yet`);
  const [req] = requests;
  const ns = req.res.namespaced && !k.bool('all-namespaces') ? k.namespace : undefined;
  const sel = k.str('selector') ? parseSelector(k.str('selector')!) : undefined;
  const fieldSel = k.str('field-selector');
  const wanted = (o: KubeObject) => (req.names.length === 0 || req.names.includes(o.metadata?.name ?? '')) &&
    (!sel || matchesSelector(o.metadata?.labels, sel)) && (!fieldSel || filterByFields(req.res, [o], fieldSel).length === 1);

  k.settle();
  let headerDone = k.bool('no-headers');
  const print = (rows: string[][]) => {
    if (rows.length === 0) return;
    if (!headerDone) { k.out(tabulate([headerOf(k, req), ...rows])); headerDone = true; return; }
    for (const r of rows) k.out(tabulate([r]));
  };
  if (!k.bool('watch-only')) {
    const now = k.cluster.now();
    const initial = k.cluster.list<KubeObject>(req.res.kind, ns).filter(wanted);
    for (const name of req.names) {
      if (!initial.some((o) => o.metadata?.name === name)) {
        throw new KubectlError(`Error from server (NotFound): ${req.res.plural}${req.res.group ? `.${req.res.group}` : ''} "${name}" not found`);
      }
    }
    if (initial.length === 0) k.err(ns ? `No resources found in ${ns} namespace.\n` : 'No resources found\n');
    print(initial.map((o) => rowOf(k, req, o, now)));
  }

  const pending: string[][] = [];
  // The simulator writes status more often than a kubelet would; identical consecutive rows
  // for the same object are printed once.
  const last = new Map<string, string>();
  const onEvent = (e: WatchEvent) => {
    if (!wanted(e.object)) return;
    const row = rowOf(k, req, e.object, k.cluster.now());
    const key = `${e.object.metadata?.namespace}/${e.object.metadata?.name}`;
    const text = row.join('\t');
    if (e.type !== 'DELETED' && last.get(key) === text) return;
    last.set(key, text);
    pending.push(row);
  };
  const stop = k.cluster.watch(onEvent, { kind: req.res.kind, ...(ns !== undefined && { namespace: ns }) });
  const deadline = k.cluster.now() + WATCH_TIMEOUT_MS;
  try {
    while (!k.signal?.aborted && k.cluster.now() < deadline) {
      const due = k.cluster.nextDueAt();
      const now = k.cluster.now();
      const step = Math.max(1, Math.min(MAX_STEP_MS, (due ?? now + MAX_STEP_MS) - now, deadline - now));
      const started = Date.now();
      await k.wait(step);
      k.settle();
      print(pending.splice(0));
      const instant = Date.now() - started < step / 2;
      if (instant && k.cluster.nextDueAt() === undefined) break;
    }
  } finally {
    stop();
  }
  print(pending.splice(0));
  return k.signal?.aborted ? 130 : 0;
}
