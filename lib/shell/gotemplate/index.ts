/**
 * A Go text/template subset for `kubectl get -o go-template=...` (cli-runtime's
 * printers/template.go): parse once, execute over JSON data. Errors are TemplateError with Go's
 * texts (`template: output:1: unclosed action`, `... executing "output" at <.a.b>: ...`).
 */
import { execTemplate, type TemplateFunc } from './exec';
import type { Value } from './format';
import { BUILTINS, parseTemplate, TemplateError, type Node } from './parse';

export { TemplateError };
export type { TemplateFunc } from './exec';
export { goString } from './format';

export interface GoTemplate {
  execute(data: Value): string;
}

export interface TemplateOptions {
  name?: string;
  funcs?: Record<string, TemplateFunc>;
  /** Output and step caps, so a template over a big list cannot run away. */
  maxOutput?: number;
  maxSteps?: number;
  /** kubectl --allow-missing-template-keys=false: a missing map key is an error. */
  missingKeyError?: boolean;
}

export function parseGoTemplate(src: string, opts: TemplateOptions = {}): GoTemplate {
  const name = opts.name ?? 'output';
  const funcs = opts.funcs ?? {};
  const nodes: Node[] = tooDeep(name, () => parseTemplate(src, name, new Set([...BUILTINS, ...Object.keys(funcs)])));
  const limits = { maxOutput: opts.maxOutput ?? 4 * 1024 * 1024, maxSteps: opts.maxSteps ?? 1_000_000, missingKeyError: opts.missingKeyError };
  return { execute: (data) => tooDeep(name, () => execTemplate(nodes, data, name, src, funcs, limits)) };
}

/** Pathological nesting (thousands of parentheses or blocks) ends in a template error, not a stack overflow. */
function tooDeep<T>(name: string, f: () => T): T {
  try { return f(); } catch (e) {
    if (e instanceof RangeError) throw new TemplateError(`template: ${name}: nesting too deep`);
    throw e;
  }
}
