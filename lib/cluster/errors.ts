/**
 * API errors shaped like metav1.Status, after
 * staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NewNotFound, NewAlreadyExists,
 * NewInvalid, NewBadRequest) and field errors from .../util/validation/field/errors.go.
 */
export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed' | 'InternalError';

export interface StatusCause {
  /** Field path, e.g. `metadata.name`. */
  field: string;
  /** e.g. `Invalid value: "Web": a lowercase RFC 1123 subdomain ...`. */
  message: string;
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueDuplicate' | 'FieldValueTooLong';
}

export interface StatusDetails {
  /** Qualified resource or kind: `pods`, `deployments.apps`, or `Pod` for Invalid. */
  kind?: string;
  name?: string;
  group?: string;
  causes?: StatusCause[];
}

export class StatusError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly details: StatusDetails;

  constructor(reason: StatusReason, code: number, message: string, details: StatusDetails = {}) {
    super(message);
    this.name = 'StatusError';
    this.reason = reason;
    this.code = code;
    this.details = details;
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}

/** `group` empty for core. `resource` is the plural, e.g. `pods`. */
function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(resource: string, group: string, name: string): StatusError {
  const q = qualified(resource, group);
  return new StatusError('NotFound', 404, `${q} "${name}" not found`, { kind: resource, group, name });
}

export function alreadyExists(resource: string, group: string, name: string): StatusError {
  const q = qualified(resource, group);
  return new StatusError('AlreadyExists', 409, `${q} "${name}" already exists`, { kind: resource, group, name });
}

export function forbidden(resource: string, group: string, name: string, message: string): StatusError {
  return new StatusError('Forbidden', 403, message, { kind: resource, group, name });
}

export function badRequest(message: string): StatusError {
  return new StatusError('BadRequest', 400, message);
}

export function conflict(resource: string, group: string, name: string, why: string): StatusError {
  const q = qualified(resource, group);
  return new StatusError('Conflict', 409, `Operation cannot be fulfilled on ${q} "${name}": ${why}`, { kind: resource, group, name });
}

/** Go's %q for the simple values validation reports. */
export function quoteValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export const fieldError = {
  invalid: (field: string, value: unknown, detail: string): StatusCause => ({
    field, reason: 'FieldValueInvalid', message: `Invalid value: ${quoteValue(value)}: ${detail}`,
  }),
  required: (field: string, detail = ''): StatusCause => ({
    field, reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value',
  }),
  notSupported: (field: string, value: unknown, supported: string[]): StatusCause => ({
    field, reason: 'FieldValueNotSupported',
    message: `Unsupported value: ${quoteValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  }),
  forbidden: (field: string, detail: string): StatusCause => ({
    field, reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`,
  }),
  duplicate: (field: string, value: unknown): StatusCause => ({
    field, reason: 'FieldValueDuplicate', message: `Duplicate value: ${quoteValue(value)}`,
  }),
};

/** errors.NewInvalid: `<Kind> "<name>" is invalid: [field: msg, ...]`. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): StatusError {
  const gk = group ? `${kind}.${group}` : kind;
  const parts = causes.map((c) => `${c.field}: ${c.message}`);
  const agg = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new StatusError('Invalid', 422, `${gk} "${name}" is invalid: ${agg}`, { kind, group, name, causes });
}
