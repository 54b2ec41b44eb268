import type { KubeObject } from '../../../cluster';
import { since } from './duration';
import type { TablePrinter } from './types';

/**
 * Tables of the add-on custom resources: the server builds them from the CRD's
 * additionalPrinterColumns (apiextensions-apiserver tableconvertor); a missing value is an
 * empty cell.
 */
const cell = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** vpa-v1-crd-gen.yaml: Mode, CPU, Mem, Provided, Age. */
export const vpaPrinter: TablePrinter = {
  columns: ['NAME', 'MODE', 'CPU', 'MEM', 'PROVIDED', 'AGE'],
  wideColumns: [],
  row: (o: KubeObject, { now }) => {
    const target = o.status?.recommendation?.containerRecommendations?.[0]?.target ?? {};
    const provided = (o.status?.conditions ?? []).find((c: { type: string }) => c.type === 'RecommendationProvided')?.status;
    return [o.metadata?.name ?? '', cell(o.spec?.updatePolicy?.updateMode), cell(target.cpu), cell(target.memory), cell(provided),
      since(o.metadata?.creationTimestamp, now)];
  },
};

/** metallb config/crd: IPAddressPool AUTO ASSIGN, AVOID BUGGY IPS, ADDRESSES. */
export const ipAddressPoolPrinter: TablePrinter = {
  columns: ['NAME', 'AUTO ASSIGN', 'AVOID BUGGY IPS', 'ADDRESSES'],
  wideColumns: [],
  row: (o: KubeObject) => [o.metadata?.name ?? '', String(o.spec?.autoAssign ?? true), String(o.spec?.avoidBuggyIPs ?? false),
    JSON.stringify(o.spec?.addresses ?? [])],
};

/** metallb L2Advertisement: IPADDRESSPOOLS, IPADDRESSPOOL SELECTORS, INTERFACES (+ NODE SELECTORS wide). */
export const l2AdvertisementPrinter: TablePrinter = {
  columns: ['NAME', 'IPADDRESSPOOLS', 'IPADDRESSPOOL SELECTORS', 'INTERFACES'],
  wideColumns: ['NODE SELECTORS'],
  row: (o: KubeObject, { wide }) => {
    const row = [o.metadata?.name ?? '', o.spec?.ipAddressPools ? JSON.stringify(o.spec.ipAddressPools) : '',
      o.spec?.ipAddressPoolSelectors ? JSON.stringify(o.spec.ipAddressPoolSelectors) : '', o.spec?.interfaces ? JSON.stringify(o.spec.interfaces) : ''];
    return wide ? [...row, o.spec?.nodeSelectors ? JSON.stringify(o.spec.nodeSelectors) : ''] : row;
  },
};
