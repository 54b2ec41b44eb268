import { z } from 'zod';
import { parseFieldPath } from './field-path';
import { isClusterScoped } from './kinds';
import { parseSelector } from './selector';

const kind = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a Kind as written in manifests, e.g. Pod, StatefulSet')
  .describe('Object kind as in manifests: Pod, Service, StatefulSet, PersistentVolumeClaim, ...');
const name = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a DNS-1123 name')
  .max(253)
  .describe('metadata.name of the object');
const namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label')
  .max(63)
  .optional()
  .describe('Namespace; defaults to "default" (omit for cluster-scoped kinds)');
const selector = z
  .union([z.string(), z.record(z.string(), z.string())])
  .superRefine((value, ctx) => {
    try {
      parseSelector(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  })
  .describe('Label selector, "type=db,tier in (a,b)" or a matchLabels map {type: db}');

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
    path: z
      .string()
      .superRefine((p, ctx) => {
        try {
          parseFieldPath(p);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
        }
      })
      .describe('Field path: spec.replicas, spec.template.spec.containers[0].image, metadata.labels["a/b"]'),
    value: z.json().describe('Expected value (compared as JSON, deeply)'),
  })
  .describe('A field of the object equals a value');

/** One declarative check over cluster state, discriminated by `type`. */
export const checkSchema = z
  .discriminatedUnion('type', [
    objectExistsCheckSchema,
    objectAbsentCheckSchema,
    podReadyCheckSchema,
    podsReadyCheckSchema,
    fieldEqualsCheckSchema,
  ])
  .superRefine((c, ctx) => {
    if ('kind' in c) noNamespaceForClusterKinds(c, ctx);
  })
  .describe('Declarative check over cluster state');

export type Check = z.infer<typeof checkSchema>;
export type ObjectExistsCheck = z.infer<typeof objectExistsCheckSchema>;
export type ObjectAbsentCheck = z.infer<typeof objectAbsentCheckSchema>;
export type PodReadyCheck = z.infer<typeof podReadyCheckSchema>;
export type PodsReadyCheck = z.infer<typeof podsReadyCheckSchema>;
export type FieldEqualsCheck = z.infer<typeof fieldEqualsCheckSchema>;
