import { isStatusError, type StatusError } from '../../cluster';

/** A kubectl failure whose text is printed as is (already `error: ...` formatted). */
export class KubectlError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** `kubelab: "kubectl X" is not simulated yet` — honest about gaps, exit 1. */
export class NotSimulated extends KubectlError {
  constructor(what: string) {
    super(`kubelab: ${what} is not simulated yet`);
  }
}

/**
 * cmdutil.CheckErr / StandardErrorMessage (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go):
 * Invalid errors print their causes as "The Kind "name" is invalid: field: msg" (or a
 * `* field: msg` list), other API errors "Error from server (Reason): message", and
 * everything else gets an "error: " prefix.
 */
export function formatError(e: unknown, source?: { verb: string; name: string }): string {
  if (isStatusError(e)) return formatStatus(e, source);
  if (e instanceof KubectlError) return e.message.endsWith('\n') ? e.message : `${e.message}\n`;
  const msg = (e as Error).message ?? String(e);
  return `${msg.startsWith('error: ') ? msg : `error: ${msg}`}\n`;
}

function formatStatus(e: StatusError, source?: { verb: string; name: string }): string {
  if (e.reason === 'Invalid' && e.details.causes?.length) {
    const head = `The ${e.details.kind} "${e.details.name}" is invalid: `;
    const causes = e.details.causes.map((c) => `${c.field}: ${c.message}`);
    if (causes.length === 1) return `${head}${causes[0]}\n`;
    return `${head}\n${causes.map((c) => `* ${c}\n`).join('')}`;
  }
  const msg = source ? `error when ${source.verb} "${source.name}": ${e.message}` : e.message;
  return `Error from server (${e.reason}): ${msg}\n`;
}
