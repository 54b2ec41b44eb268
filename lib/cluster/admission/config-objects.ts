import { fieldError, type StatusCause } from '../errors';
import { validateObjectMeta } from './object-meta';
import type { KindStrategy } from './strategies';

/** Keys of data maps: IsConfigMapKey (staging/.../util/validation/validation.go). */
function validateKeys(data: Record<string, unknown> | undefined, field: string): StatusCause[] {
  const errs: StatusCause[] = [];
  for (const k of Object.keys(data ?? {})) {
    if (!/^[-._a-zA-Z0-9]+$/.test(k)) {
      errs.push(fieldError.invalid(`${field}[${k}]`, k, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
    }
  }
  return errs;
}

const b64 = (s: string) => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

/**
 * Secret strategy (pkg/registry/core/secret/strategy.go + pkg/apis/core/validation ValidateSecret):
 * stringData is merged into data (base64) on write, type defaults to Opaque, and
 * `kubernetes.io/tls` Secrets must carry `tls.crt` and `tls.key`.
 */
export const secretStrategy: KindStrategy = {
  prepareForCreate(obj) {
    obj.type ??= 'Opaque';
    if (obj.stringData) {
      obj.data = { ...(obj.data ?? {}) };
      for (const [k, v] of Object.entries(obj.stringData as Record<string, string>)) obj.data[k] = b64(String(v));
      delete obj.stringData;
    }
  },
  validate(obj) {
    const errs = validateObjectMeta(obj.metadata, 'subdomain');
    errs.push(...validateKeys(obj.data, 'data'));
    if (obj.type === 'kubernetes.io/tls') {
      for (const k of ['tls.crt', 'tls.key']) if (!obj.data?.[k]) errs.push(fieldError.required(`data[${k}]`));
    }
    return errs;
  },
};

export const configMapStrategy: KindStrategy = {
  validate(obj) {
    return [...validateObjectMeta(obj.metadata, 'subdomain'), ...validateKeys(obj.data, 'data'), ...validateKeys(obj.binaryData, 'binaryData')];
  },
};
