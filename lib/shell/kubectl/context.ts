import type { Cluster } from '../../cluster';
import type { CommandIO, ShellEnv } from '../io';
import type { FlagSpec, FlagValues, ParsedArgs } from './flags';
import { contextNamespace } from './kubeconfig';

/** What a kubectl verb works with: parsed flags, the cluster, the streams. */
export interface Kubectl {
  readonly cluster: Cluster;
  readonly io: CommandIO;
  readonly env: ShellEnv;
  readonly signal?: AbortSignal;
  readonly verb: string;
  readonly args: string[];
  readonly dashArgs?: string[];
  readonly flags: FlagValues;
  readonly changed: Set<string>;
  /** `-n` value or `default`. */
  readonly namespace: string;
  readonly explicitNamespace: boolean;
  out(chunk: string): void;
  err(chunk: string): void;
  str(name: string): string | undefined;
  bool(name: string): boolean;
  /** Lets zero-delay controller work (scheduling) happen, as it would within milliseconds. */
  settle(): void;
  /** Waits in simulated time through the session's sleep. */
  wait(ms: number): Promise<void>;
}

export interface VerbSpec {
  name: string;
  /** One-line description for `kubectl --help`. */
  short: string;
  usage: string;
  flags: FlagSpec[];
  run(k: Kubectl): Promise<number> | number;
}

export function makeKubectl(verb: string, parsed: ParsedArgs, io: CommandIO, env: ShellEnv, signal?: AbortSignal): Kubectl {
  // `-n` wins; else the kubeconfig context's namespace (`config set-context --current --namespace`).
  const ns = (parsed.flags.namespace as string | undefined) || (contextNamespace(env) === 'default' ? undefined : contextNamespace(env));
  const cluster = env.cluster;
  return {
    cluster, io, env, signal, verb,
    args: parsed.args, dashArgs: parsed.dashArgs, flags: parsed.flags, changed: parsed.changed,
    namespace: ns || 'default',
    explicitNamespace: !!ns,
    out: io.stdout,
    err: io.stderr,
    str: (name) => parsed.flags[name] as string | undefined,
    bool: (name) => parsed.flags[name] === true,
    settle: () => cluster.advanceTo(cluster.now()),
    wait: (ms) => env.sleep(ms, signal),
  };
}
