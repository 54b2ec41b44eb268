// Shared field schemas of the declarative checks (checks.ts, checks-more.ts).
import { z } from 'zod';
import { parseFieldPath } from './field-path';
import { parseSelector } from './selector';

export const kind = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a Kind as written in manifests, e.g. Pod, StatefulSet')
  .describe('Object kind as in manifests: Pod, Service, StatefulSet, PersistentVolumeClaim, ...');
export const name = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a DNS-1123 name')
  .max(253)
  .describe('metadata.name of the object');
export const namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label')
  .max(63)
  .optional()
  .describe('Namespace; defaults to "default" (omit for cluster-scoped kinds)');
export const selector = z
  .union([z.string(), z.record(z.string(), z.string())])
  .superRefine((value, ctx) => {
    try {
      parseSelector(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  })
  .describe('Label selector, "type=db,tier in (a,b)" or a matchLabels map {type: db}');
export const fieldPath = z
  .string()
  .superRefine((p, ctx) => {
    try {
      parseFieldPath(p);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  })
  .describe('Field path: spec.replicas, spec.template.spec.containers[0].image, metadata.labels["a/b"]');
