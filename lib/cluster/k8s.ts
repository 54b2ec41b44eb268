/**
 * Writable views of the `kubernetes-types` shapes. The package marks server-owned fields
 * (`status`, `metadata.uid`, ...) readonly for clients; the simulated server writes them.
 */
import type * as apps from 'kubernetes-types/apps/v1';
import type * as batch from 'kubernetes-types/batch/v1';
import type * as core from 'kubernetes-types/core/v1';
import type * as storage from 'kubernetes-types/storage/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type Writable<T> = { -readonly [K in keyof T]: T[K] };
export type MutableMeta = Writable<ObjectMeta>;
export type Mutable<T> = Writable<Omit<T, 'metadata'>> & { metadata?: MutableMeta };

export type Pod = Mutable<core.Pod>;
export type Node = Mutable<core.Node>;
export type Namespace = Mutable<core.Namespace>;
export type CoreEvent = Mutable<core.Event>;
export type { Container, ContainerStatus, PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1';

export type ReplicaSet = Mutable<apps.ReplicaSet>;
export type StatefulSet = Mutable<apps.StatefulSet>;
export type Deployment = Mutable<apps.Deployment>;
export type DaemonSet = Mutable<apps.DaemonSet>;
export type ControllerRevision = Mutable<apps.ControllerRevision>;
export type Job = Mutable<batch.Job>;
export type CronJob = Mutable<batch.CronJob>;
export type PersistentVolumeClaim = Mutable<core.PersistentVolumeClaim>;
export type PersistentVolume = Mutable<core.PersistentVolume>;
export type StorageClass = Mutable<storage.StorageClass>;
export type { PodTemplateSpec } from 'kubernetes-types/core/v1';
