import type { KubeObject } from '../../../cluster';
import { since } from './duration';
import { eventPrinter, namespacePrinter, nodePrinter, storageClassPrinter } from './cluster-kinds';
import { podPrinter } from './pods';
import { pvcPrinter, pvPrinter } from './storage';
import { controllerRevisionPrinter, replicaSetPrinter, statefulSetPrinter } from './workloads';
import type { TablePrinter } from './types';

/** Kind → table printer. Kinds without one use the server's default NAME/AGE table. */
const PRINTERS: Record<string, TablePrinter> = {
  Pod: podPrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  Event: eventPrinter,
  StorageClass: storageClassPrinter,
  ReplicaSet: replicaSetPrinter,
  StatefulSet: statefulSetPrinter,
  ControllerRevision: controllerRevisionPrinter,
  PersistentVolumeClaim: pvcPrinter,
  PersistentVolume: pvPrinter,
};

const defaultPrinter: TablePrinter = {
  columns: ['NAME', 'AGE'],
  wideColumns: [],
  row: (obj: KubeObject, { now }) => [obj.metadata?.name ?? '', since(obj.metadata?.creationTimestamp, now)],
};

export function printerFor(kind: string): TablePrinter {
  return PRINTERS[kind] ?? defaultPrinter;
}

export function registerPrinter(kind: string, printer: TablePrinter): void {
  PRINTERS[kind] = printer;
}
