import type { KubeObject } from '../../../cluster';
import { since } from './duration';
import { apiServicePrinter, eventPrinter, namespacePrinter, nodePrinter, storageClassPrinter } from './cluster-kinds';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './network';
import { configMapPrinter, ingressClassPrinter, ingressPrinter, secretPrinter } from './ingress';
import { podPrinter } from './pods';
import { hpaPrinter } from './hpa';
import { ipAddressPoolPrinter, l2AdvertisementPrinter, vpaPrinter } from './custom-resources';
import { cronJobPrinter, daemonSetPrinter, deploymentPrinter, jobPrinter } from './rollouts';
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
  Deployment: deploymentPrinter,
  DaemonSet: daemonSetPrinter,
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  PersistentVolumeClaim: pvcPrinter,
  PersistentVolume: pvPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  Ingress: ingressPrinter,
  IngressClass: ingressClassPrinter,
  Secret: secretPrinter,
  ConfigMap: configMapPrinter,
  HorizontalPodAutoscaler: hpaPrinter,
  VerticalPodAutoscaler: vpaPrinter,
  IPAddressPool: ipAddressPoolPrinter,
  L2Advertisement: l2AdvertisementPrinter,
  APIService: apiServicePrinter,
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
