import { fieldError } from '../errors';
import { validateObjectMeta } from './object-meta';
import type { KindStrategy } from './strategies';

/**
 * MetalLB's custom resources: the CRD schema defaults (config/crd: IPAddressPool autoAssign true,
 * avoidBuggyIPs false) and required fields.
 */
export const ipAddressPoolStrategy: KindStrategy = {
  prepareForCreate(obj) {
    obj.spec = { autoAssign: true, avoidBuggyIPs: false, ...obj.spec };
  },
  validate(obj) {
    const errs = validateObjectMeta(obj.metadata, 'subdomain');
    if (!obj.spec?.addresses) errs.push(fieldError.required('spec.addresses'));
    return errs;
  },
};

export const l2AdvertisementStrategy: KindStrategy = { validate: (obj) => validateObjectMeta(obj.metadata, 'subdomain') };
