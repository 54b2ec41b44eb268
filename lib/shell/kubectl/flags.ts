/**
 * A small spf13/pflag: `--name=value`, `--name value`, `-n value`, `-nvalue`, `-o=yaml`,
 * bool flags (`--force`, `--force=false`), repeated string arrays, and `--` ending flags.
 * Error texts are pflag's (flag.go failf calls) so kubectl prints them verbatim.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean;
  /** Value when given without `=value` (e.g. `--dry-run` means `unchanged`). */
  noOptDefault?: string;
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export interface ParsedArgs {
  flags: FlagValues;
  /** Which flags were set on the command line. */
  changed: Set<string>;
  args: string[];
  /** Arguments after a bare `--`. */
  dashArgs?: string[];
}

export class FlagError extends Error {}

function setValue(spec: FlagSpec, raw: string, out: ParsedArgs, shown: string): void {
  out.changed.add(spec.name);
  switch (spec.type) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (['1', 't', 'true'].includes(v)) out.flags[spec.name] = true;
      else if (['0', 'f', 'false'].includes(v)) out.flags[spec.name] = false;
      else throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) {
        throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      }
      out.flags[spec.name] = Number(raw);
      return;
    }
    case 'stringArray': {
      const prev = out.flags[spec.name];
      out.flags[spec.name] = [...(Array.isArray(prev) ? prev : []), raw];
      return;
    }
    default:
      out.flags[spec.name] = raw;
  }
}

export function parseFlags(argv: string[], specs: FlagSpec[], interspersed = true): ParsedArgs {
  const out: ParsedArgs = { flags: {}, changed: new Set(), args: [] };
  for (const s of specs) if (s.default !== undefined) out.flags[s.name] = s.default;
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.dashArgs = argv.slice(i + 1); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) setValue(spec, a.slice(eq + 1), out, `--${name}`);
      else if (spec.type === 'bool') setValue(spec, 'true', out, `--${name}`);
      else if (spec.noOptDefault !== undefined) setValue(spec, spec.noOptDefault, out, `--${name}`);
      else if (i + 1 < argv.length) setValue(spec, argv[++i], out, `--${name}`);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthand cluster: -it, -n ns, -nns, -o=yaml
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) { setValue(spec, rest.slice(1), out, `-${c}, --${spec.name}`); break; }
          setValue(spec, 'true', out, `-${c}, --${spec.name}`);
          continue;
        }
        if (rest) setValue(spec, rest.startsWith('=') ? rest.slice(1) : rest, out, `-${c}, --${spec.name}`);
        else if (spec.noOptDefault !== undefined) setValue(spec, spec.noOptDefault, out, `-${c}, --${spec.name}`);
        else if (i + 1 < argv.length) setValue(spec, argv[++i], out, `-${c}, --${spec.name}`);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    out.args.push(a);
    if (!interspersed) { out.args.push(...argv.slice(i + 1)); break; }
  }
  return out;
}

/** Flags every kubectl command accepts (cli-runtime genericclioptions.ConfigFlags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'as', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
];
