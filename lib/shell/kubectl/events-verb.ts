/**
 * `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [-w] [-o ...]`, after
 * staging/src/k8s.io/kubectl/pkg/cmd/events/{events.go,event_printer.go}: events sorted by time,
 * `LAST SEEN  TYPE  REASON  OBJECT  MESSAGE` with `Kind/name` objects and `(xN over T)` repeats.
 */
import type { KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError } from './errors';
import { asList, toJson, toYaml } from './printers/output';
import { since } from './printers/duration';
import { tabulate } from './printers/tabwriter';
import { isTemplateOutput, outputFormat, printTemplate } from './template-output';

const eventTime = (e: KubeObject): number =>
  Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? '') || 0;

/** event_printer.go getInterval. */
function interval(e: KubeObject, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** escapeCell: a cell is cut at its first line break. */
const cell = (s: string | undefined) => {
  const text = s ?? '';
  const i = text.search(/[\f\n\r]/);
  return i >= 0 ? `${text.slice(0, i)}...` : text;
};

function runEvents(k: Kubectl): number {
  const types = ((k.flags.types as string[] | undefined) ?? []).flatMap((t) => t.split(',')).filter(Boolean);
  if (types.some((t) => !/^(normal|warning)$/i.test(t))) throw new KubectlError('error: valid --types are Normal or Warning');
  let forKind: string | undefined, forName: string | undefined;
  const forObject = k.str('for');
  if (forObject && forObject.includes('/')) {
    const seg = forObject.split('/');
    if (seg.length !== 2) throw new KubectlError('error: arguments in resource/name form may not have more than one slash');
    const res = k.cluster.resolveResource(seg[0]);
    if (!res) throw new KubectlError(`error: the server doesn't have a resource type "${seg[0]}"`);
    [forKind, forName] = [res.kind, seg[1]];
  } else if (forObject) {
    throw new KubectlError('error: --for must be in resource/name form');
  }
  const output = outputFormat(k);
  if (output && !['yaml', 'json', 'name'].includes(output) && !isTemplateOutput(output)) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ` +
      'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml');
  }
  if (k.bool('watch')) throw new KubectlError('kubelab: "kubectl events --watch" is not simulated yet; use "kubectl get events -w"');
  const allNs = k.bool('all-namespaces');
  const events = k.cluster.list<KubeObject>('Event', allNs ? undefined : k.namespace)
    .filter((e) => types.length === 0 || types.some((t) => t.toLowerCase() === String(e.type).toLowerCase()))
    .filter((e) => !forName || (e.involvedObject?.kind === forKind && e.involvedObject?.name === forName))
    .sort((a, b) => eventTime(a) - eventTime(b));
  if (events.length === 0) {
    k.err(allNs ? 'No events found.\n' : `No events found in ${k.namespace} namespace.\n`);
    return 0;
  }
  if (output === 'yaml' || output === 'json') {
    const list = { ...asList(events), kind: 'EventList' };
    k.out(output === 'yaml' ? toYaml(list) : toJson(list));
    return 0;
  }
  if (output === 'name') { for (const e of events) k.out(`event/${e.metadata?.name}\n`); return 0; }
  if (output) { printTemplate(k, events, false); return 0; }
  const now = k.cluster.now();
  const rows = events.map((e) => [...(allNs ? [e.metadata?.namespace ?? ''] : []), interval(e, now), cell(e.type), cell(e.reason),
    `${cell(e.involvedObject?.kind)}/${cell(e.involvedObject?.name)}`, cell(String(e.message ?? '').trim())]);
  const header = [...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  k.out(tabulate(k.bool('no-headers') ? rows : [header, ...rows]));
  return 0;
}

export const eventsVerb: VerbSpec = {
  name: 'events', short: 'List events', usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: [{ name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'for', type: 'string' }, { name: 'types', type: 'stringArray' },
    { name: 'watch', short: 'w', type: 'bool' }, { name: 'no-headers', type: 'bool' }, { name: 'output', short: 'o', type: 'string' },
    { name: 'template', type: 'string' }, { name: 'chunk-size', type: 'int', default: 500 }],
  run: runEvents,
};
