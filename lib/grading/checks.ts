import { z } from 'zod';
import { fieldPath, kind, name, namespace, selector } from './check-fields';
import {
  fieldMatchesCheckSchema,
  fileInPodCheckSchema,
  httpViaIngressCheckSchema,
  ingressHasAddressCheckSchema,
  ingressTrafficShareCheckSchema,
  podOwnedByCheckSchema,
} from './checks-more';
import { isClusterScoped } from './kinds';

const objectRef = { kind, namespace, name };

function noNamespaceForClusterKinds(c: { kind: string; namespace?: string | undefined }, ctx: z.RefinementCtx) {
  if (c.namespace !== undefined && isClusterScoped(c.kind)) {
    ctx.addIssue({ code: 'custom', path: ['namespace'], message: `${c.kind} is cluster-scoped; omit namespace` });
  }
}

export const objectExistsCheckSchema = z
  .strictObject({ type: z.literal('objectExists'), ...objectRef })
  .describe('The object exists (and is not being deleted)');
export const objectAbsentCheckSchema = z
  .strictObject({ type: z.literal('objectAbsent'), ...objectRef })
  .describe('The object does not exist (fully deleted)');
export const podReadyCheckSchema = z
  .strictObject({ type: z.literal('podReady'), namespace, name })
  .describe('The pod is in phase Running with condition Ready=True');
export const podsReadyCheckSchema = z
  .strictObject({
    type: z.literal('podsReady'),
    namespace,
    selector,
    count: z.number().int().min(0).max(1000).describe('Exact number of Running+Ready pods matching the selector'),
  })
  .describe('Exactly `count` pods match the selector, all Running and Ready, none terminating');
export const fieldEqualsCheckSchema = z
  .strictObject({
    type: z.literal('fieldEquals'),
    ...objectRef,
    path: fieldPath,
    value: z.json().describe('Expected value (compared as JSON, deeply)'),
  })
  .describe('A field of the object equals a value');

const workloadKind = z
  .enum(['StatefulSet', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Job', 'Pod'])
  .describe('Kind of the workload whose pods are meant: StatefulSet, Deployment, ReplicaSet, DaemonSet, Job or Pod');
const podName = name.describe('Name of a pod in the namespace');
const url = z
  .string()
  .regex(/^(https?:\/\/)?[^\s/:?#]+(:\d{1,5})?([/?][^\s]*)?$/, 'must be a URL like http://svc:8080/path')
  .describe('URL as typed after curl: http://web:8080/hostname, stateful-pvc-0.stateful-headless:8080/ (scheme defaults to http)');

export const selectorMatchesCheckSchema = z
  .strictObject({
    type: z.literal('selectorMatches'),
    service: name.describe('metadata.name of the Service'),
    namespace,
    workload: z.strictObject({ kind: workloadKind, name: name.describe('metadata.name of the workload') }).describe('The workload whose pods the Service must select'),
  })
  .describe("The Service's selector selects the workload's pods (its pod template labels) and has ready endpoints among them");
export const dnsResolvesCheckSchema = z
  .strictObject({
    type: z.literal('dnsResolves'),
    fromPod: podName.describe('Pod whose resolver (resolv.conf search list, ndots:5) looks the name up'),
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9.])?$/i, 'must be a host name')
      .max(253)
      .describe('Name as typed in the pod: web, stateful-pvc-0.stateful-headless, web.default.svc.cluster.local'),
    namespace,
  })
  .describe('The name resolves to an address from inside the pod (cluster DNS, as nslookup in the pod would)');
export const httpFromPodCheckSchema = z
  .strictObject({
    type: z.literal('httpFromPod'),
    fromPod: podName
      .optional()
      .describe('Pod the request is sent from (as kubectl exec POD -- curl URL); omit to send it from the master node (curl in the lab terminal)'),
    namespace,
    url,
    status: z.number().int().min(100).max(599).optional().describe('Expected HTTP status (default 200)'),
    bodyIncludes: z.string().min(1).optional().describe('Text the response body must contain'),
  })
  .describe('An HTTP request from the pod (or the master node) to the URL gets the status and body; run on a clone of the lab');
export const pvcBoundCheckSchema = z
  .strictObject({ type: z.literal('pvcBound'), namespace, name: name.describe('metadata.name of the PersistentVolumeClaim') })
  .describe('The PersistentVolumeClaim is Bound to a PersistentVolume');
export const pvcMountedByCheckSchema = z
  .strictObject({
    type: z.literal('pvcMountedBy'),
    namespace,
    claim: name.describe('metadata.name of the PersistentVolumeClaim'),
    pod: podName.describe('Pod that mounts the claim in a container'),
  })
  .describe('The pod has a volume from the claim, a container mounts it, the claim is Bound and the pod is Running');
export const eventHappenedCheckSchema = z
  .strictObject({
    type: z.literal('eventHappened'),
    namespace,
    reason: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be an event reason like Scheduled, SuccessfulRescale').describe('Event reason: Scheduled, Killing, SuccessfulCreate, SuccessfulRescale, Completed, ...'),
    involvedKind: kind.optional().describe('Kind of the involved object (any when omitted)'),
    involvedName: name.optional().describe('Name of the involved object (any when omitted)'),
  })
  .describe('An event with the reason was recorded for the object');

const basicChecks = [
  objectExistsCheckSchema,
  objectAbsentCheckSchema,
  podReadyCheckSchema,
  podsReadyCheckSchema,
  fieldEqualsCheckSchema,
  fieldMatchesCheckSchema,
  podOwnedByCheckSchema,
  selectorMatchesCheckSchema,
  dnsResolvesCheckSchema,
  httpFromPodCheckSchema,
  pvcBoundCheckSchema,
  pvcMountedByCheckSchema,
  eventHappenedCheckSchema,
  fileInPodCheckSchema,
  httpViaIngressCheckSchema,
  ingressTrafficShareCheckSchema,
  ingressHasAddressCheckSchema,
] as const;

function noNamespaceForClusterKindsCheck(c: object, ctx: z.RefinementCtx) {
  if ('kind' in c) noNamespaceForClusterKinds(c as { kind: string; namespace?: string }, ctx);
}

/** Any check except `within` (what `within` waits for). */
export const basicCheckSchema = z
  .discriminatedUnion('type', [...basicChecks])
  .superRefine(noNamespaceForClusterKindsCheck)
  .describe('Declarative check over cluster state');

export const withinCheckSchema = z
  .strictObject({
    type: z.literal('within'),
    seconds: z.number().int().min(1).max(3600).describe('Simulated seconds to wait at most'),
    check: basicCheckSchema.describe('The check that must come to hold'),
  })
  .describe('The inner check holds now or within `seconds` of simulated time, on a clone of the lab whose clock is run forward (rollouts, HPA, CronJob)');

/** One declarative check over cluster state, discriminated by `type`. */
export const checkSchema = z
  .discriminatedUnion('type', [...basicChecks, withinCheckSchema])
  .superRefine(noNamespaceForClusterKindsCheck)
  .describe('Declarative check over cluster state');

export type Check = z.infer<typeof checkSchema>;
export type ObjectExistsCheck = z.infer<typeof objectExistsCheckSchema>;
export type ObjectAbsentCheck = z.infer<typeof objectAbsentCheckSchema>;
export type PodReadyCheck = z.infer<typeof podReadyCheckSchema>;
export type PodsReadyCheck = z.infer<typeof podsReadyCheckSchema>;
export type FieldEqualsCheck = z.infer<typeof fieldEqualsCheckSchema>;
export type SelectorMatchesCheck = z.infer<typeof selectorMatchesCheckSchema>;
export type DnsResolvesCheck = z.infer<typeof dnsResolvesCheckSchema>;
export type HttpFromPodCheck = z.infer<typeof httpFromPodCheckSchema>;
export type PvcBoundCheck = z.infer<typeof pvcBoundCheckSchema>;
export type PvcMountedByCheck = z.infer<typeof pvcMountedByCheckSchema>;
export type EventHappenedCheck = z.infer<typeof eventHappenedCheckSchema>;
export type BasicCheck = z.infer<typeof basicCheckSchema>;
export type WithinCheck = z.infer<typeof withinCheckSchema>;
export type { FieldMatchesCheck, FileInPodCheck, HttpViaIngressCheck, IngressHasAddressCheck, IngressTrafficShareCheck, PodOwnedByCheck } from './checks-more';
