/**
 * Writable views of the `kubernetes-types` shapes. The package marks server-owned fields
 * (`status`, `metadata.uid`, ...) readonly for clients; the simulated server writes them.
 */
import type * as core from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type Writable<T> = { -readonly [K in keyof T]: T[K] };
export type MutableMeta = Writable<ObjectMeta>;
export type Mutable<T> = Writable<Omit<T, 'metadata'>> & { metadata?: MutableMeta };

export type Pod = Mutable<core.Pod>;
export type Node = Mutable<core.Node>;
export type Namespace = Mutable<core.Namespace>;
export type CoreEvent = Mutable<core.Event>;
export type { Container, ContainerStatus, PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1';
