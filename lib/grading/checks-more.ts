// Check schemas beyond the basics of checks.ts: ownership, field patterns and the ingress-nginx
// checks (a request through the controller, a canary's share of traffic, the Ingress ADDRESS).
import { z } from 'zod';
import { fieldPath, kind, name, namespace, selector } from './check-fields';

const regex = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    try {
      new RegExp(p);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(err as Error).message}` });
    }
  });

export const podOwnedByCheckSchema = z
  .strictObject({
    type: z.literal('podOwnedBy'),
    namespace,
    pod: name.optional().describe('One pod by name'),
    selector: selector.optional().describe('Or every pod matching the selector (at least one must exist)'),
    owner: z
      .strictObject({
        kind: z.enum(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']).describe('Kind of the controlling owner'),
        name: name.describe('metadata.name of the owner'),
      })
      .describe('The workload that must control the pod, directly or through its ReplicaSet / Job'),
  })
  .refine((c) => (c.pod === undefined) !== (c.selector === undefined), { message: 'give exactly one of pod and selector' })
  .describe("The pod's controller chain (ownerReferences with controller: true) reaches the owner: Pod → ReplicaSet → Deployment, Pod → Job → CronJob");

export const fieldMatchesCheckSchema = z
  .strictObject({
    type: z.literal('fieldMatches'),
    kind,
    namespace,
    name: name.optional(),
    selector: selector.optional().describe('Instead of name: every object of the kind matching the label selector (at least one), e.g. pods of a Deployment'),
    path: fieldPath,
    pattern: regex.describe('JavaScript regular expression tested against the value (strings as is, other values as JSON)'),
    description: z.string().trim().min(1).optional()
      .describe('Korean words for what the pattern means, shown instead of the regex: "nginx:1.2x 이미지", "비어 있지 않은 값"'),
  })
  .refine((c) => (c.name === undefined) !== (c.selector === undefined), { message: 'give exactly one of name and selector' })
  .describe('A field of the object (or of every object matching the selector) matches a regular expression');

const header = z.string().regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name');
const ingressRequest = {
  host: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/i, 'must be a host name').optional()
    .describe('Host header (what the browser sends for the domain); omit to send none, as `curl localhost/...` would with Host: localhost'),
  path: z.string().regex(/^\/\S*$/, 'must start with /').default('/').describe('Request path, e.g. /customer'),
  scheme: z.enum(['http', 'https']).default('http').describe('http (port 80) or https (port 443, certificate not verified, like curl -k)'),
  headers: z.record(header, z.string()).optional().describe('Extra request headers, e.g. { Accept-Language: kr }'),
};

export const httpViaIngressCheckSchema = z
  .strictObject({
    type: z.literal('httpViaIngress'),
    ...ingressRequest,
    status: z.number().int().min(100).max(599).optional().describe('Expected HTTP status (default 200)'),
    bodyIncludes: z.string().min(1).optional().describe('Text the response body must contain'),
    bodyExcludes: z.string().min(1).optional().describe('Text the response body must not contain (e.g. the other canary version)'),
    tlsSecret: name.optional().describe('With scheme https: the certificate served must come from this kubernetes.io/tls Secret (not the controller\'s fake one)'),
  })
  .refine((c) => c.tlsSecret === undefined || c.scheme === 'https', { message: 'tlsSecret needs scheme: https', path: ['tlsSecret'] })
  .describe('A request from the master node through the ingress-nginx controller\'s Service (localhost or a node port) gets the status and body; run on a clone');

export const ingressTrafficShareCheckSchema = z
  .strictObject({
    type: z.literal('ingressTrafficShare'),
    ...ingressRequest,
    requests: z.number().int().min(10).max(1000).default(200).describe('How many requests to send'),
    bodyIncludes: z.string().min(1).describe('Text that marks a response of the backend being counted (e.g. the canary pod name)'),
    minPercent: z.number().min(0).max(100).describe('Lowest acceptable share of matching responses, in percent'),
    maxPercent: z.number().min(0).max(100).describe('Highest acceptable share, in percent'),
  })
  .refine((c) => c.minPercent <= c.maxPercent, { message: 'minPercent must not exceed maxPercent', path: ['minPercent'] })
  .describe('Of `requests` requests through the controller, the share whose body includes the text is within [minPercent, maxPercent] (canary-weight); run on a clone');

export const ingressHasAddressCheckSchema = z
  .strictObject({ type: z.literal('ingressHasAddress'), namespace, name: name.describe('metadata.name of the Ingress') })
  .describe("The Ingress's status.loadBalancer.ingress has an address (the ADDRESS column), i.e. a running controller took it");

export const fileInPodCheckSchema = z
  .strictObject({
    type: z.literal('fileInPod'),
    namespace,
    pod: name.optional().describe('One pod by name'),
    selector: selector.optional().describe('Or every pod matching the selector (at least one must exist)'),
    container: name.optional().describe('Container name (default: the first container)'),
    path: z.string().regex(/^\/[^\s]*$/, 'must be an absolute path').describe('Absolute path inside the container, e.g. /usr/share/nginx/html/index.html'),
    includes: z.string().min(1).optional().describe('Text the file must contain'),
  })
  .refine((c) => (c.pod === undefined) !== (c.selector === undefined), { message: 'give exactly one of pod and selector' })
  .describe('The file exists in the container (written by kubectl exec / cp, on a volume, or from the image) and contains the text; read on a clone');

export type FileInPodCheck = z.infer<typeof fileInPodCheckSchema>;
export type PodOwnedByCheck = z.infer<typeof podOwnedByCheckSchema>;
export type FieldMatchesCheck = z.infer<typeof fieldMatchesCheckSchema>;
export type HttpViaIngressCheck = z.infer<typeof httpViaIngressCheckSchema>;
export type IngressTrafficShareCheck = z.infer<typeof ingressTrafficShareCheckSchema>;
export type IngressHasAddressCheck = z.infer<typeof ingressHasAddressCheckSchema>;
