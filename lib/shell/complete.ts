import { RESOURCES, type Cluster } from '../cluster';
import type { ShellEnv } from './io';
import { explainPathCandidates } from './kubectl/explain/complete-paths';
import { GLOBAL_FLAGS, type FlagSpec } from './kubectl/flags';
import { KNOWN_VERBS, VERBS } from './kubectl/verbs';

export interface Completion {
  /** Index in the line where the word being completed starts (it is replaced by a candidate). */
  replaceFrom: number;
  /** Whole replacement words, sorted; directories end with `/`. */
  candidates: string[];
  /** How to list them (file names without their directory, as readline shows them). */
  display?: string[];
}

const STARTERS = new Set(['do', 'then', 'else', 'elif', 'if', 'while', 'until', '!', '{', 'time']);
const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac'];
const OUTPUTS = ['custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=', 'name', 'wide', 'yaml'];
const SUBCOMMANDS: Record<string, string[]> = {
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace',
    'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
  config: ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users',
    'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'],
  top: ['node', 'pod'],
};
/** Verbs whose first operand is a resource type and the rest are names. */
const TYPED = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain', 'wait', 'scale',
  'autoscale', 'expose', 'rollout', 'set']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'taint']);

interface Word { text: string; start: number }

/** Splits the text before the cursor into words of the current simple command (quotes removed). */
function currentCommand(head: string): { words: Word[]; current: Word } {
  let words: Word[] = [];
  let cur: Word | undefined;
  let quote = '';
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < head.length) cur!.text += head[++i];
      else cur!.text += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') { if (cur) words.push(cur); cur = undefined; continue; }
    if (';|&()`'.includes(c) || (c === '(' && head[i - 1] === '$')) { if (cur) words.push(cur); cur = undefined; words = []; continue; }
    cur ??= { text: '', start: i };
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < head.length) cur.text += head[++i];
    else cur.text += c;
  }
  const current = cur ?? { text: '', start: head.length };
  // A keyword that opens a command list (`do`, `then`, ...) puts the next word in command position.
  while (words.length && (STARTERS.has(words[0].text) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0].text))) words.shift();
  return { words, current };
}

const escape = (s: string) => s.replace(/([ \t'"\\$`&;|()<>])/g, '\\$1');

/** Candidates that are paths (listed by their last segment). */
const PATHS = new WeakSet<string[]>();

function files(env: ShellEnv, prefix: string, dirsOnly = false): string[] {
  const out = fileCandidates(env, prefix, dirsOnly);
  PATHS.add(out);
  return out;
}

function fileCandidates(env: ShellEnv, prefix: string, dirsOnly: boolean): string[] {
  const slash = prefix.lastIndexOf('/');
  const dirPart = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const namePart = prefix.slice(slash + 1);
  const dir = env.resolve(dirPart || '.');
  if (!env.vfs.isDir(dir)) return [];
  return env.vfs.list(dir)
    .filter((n) => n.startsWith(namePart) && (!n.startsWith('.') || namePart.startsWith('.')))
    .map((n) => ({ n, isDir: env.vfs.isDir(`${dir === '/' ? '' : dir}/${n}`) }))
    .filter((e) => !dirsOnly || e.isDir)
    .map((e) => `${dirPart}${escape(e.n)}${e.isDir ? '/' : ''}`);
}

function names(cluster: Cluster, typed: string, ns: string | undefined): string[] {
  const res = cluster.resolveResource(typed.split(',')[0]);
  if (!res) return [];
  const objs = cluster.list<{ metadata?: { name?: string } }>(res.kind, res.namespaced ? ns : undefined);
  return objs.map((o) => o.metadata?.name ?? '').filter(Boolean);
}

function resourceTypes(prefix: string): string[] {
  const plurals = RESOURCES.map((r) => r.plural).filter((p) => p.startsWith(prefix));
  if (plurals.length) return plurals;
  return RESOURCES.flatMap((r) => [r.singular, ...r.shortNames]).filter((p) => p.startsWith(prefix));
}

function kubectlWords(env: ShellEnv, words: string[], cur: string): string[] {
  const cluster = env.cluster;
  const verb = words.find((w, i) => i > 0 && !w.startsWith('-') && !isValueOf(words[i - 1], undefined));

  const spec = verb ? VERBS[verb] : undefined;
  const flagSpecs: FlagSpec[] = [...(spec?.flags ?? []), ...GLOBAL_FLAGS];
  const valued = (w: string) => isValueOf(w, flagSpecs);
  let ns: string | undefined = 'default';
  const positional: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '-A' || w === '--all-namespaces') ns = undefined;
    else if (w === '-n' || w === '--namespace') ns = words[i + 1] ?? ns;
    else if (/^(-n|--namespace=)./.test(w)) ns = w.replace(/^-n=?|^--namespace=/, '');
    if (valued(w)) { i++; continue; }
    if (!w.startsWith('-')) positional.push(w);
  }
  const prev = words[words.length - 1];
  if (words.length > 1 && valued(prev)) {
    if (prev === '-n' || prev === '--namespace') return names(cluster, 'namespaces', undefined);
    if (prev === '-o' || prev === '--output') return OUTPUTS;
    if (prev === '-f' || prev === '--filename' || prev === '-k') return files(env, cur);
    return [];
  }
  if (cur.startsWith('-')) return [...new Set(flagSpecs.map((f) => `--${f.name}`))];
  if (positional.length === 0) return [...new Set([...Object.keys(VERBS), ...KNOWN_VERBS])];
  const [v, ...ops] = positional;
  const sub = SUBCOMMANDS[v];
  if (sub && ops.length === 0) return sub;
  if (v === 'top') return names(cluster, ops[0] === 'node' ? 'nodes' : 'pods', ns);
  if (v === 'config') return ops[0] === 'use-context' || ops[0] === 'delete-context' ? ['kubernetes-admin@kubernetes'] : [];
  if (v === 'create') return [];
  const typedOps = v === 'rollout' || v === 'set' ? ops.slice(1) : ops;
  if (POD_VERBS.has(v)) return typedOps.length === 0 ? names(cluster, 'pods', ns) : [];
  if (NODE_VERBS.has(v)) return names(cluster, 'nodes', undefined);
  if (!TYPED.has(v)) return [];
  if (v === 'explain' && typedOps.length === 0 && cur.includes('.')) return explainPathCandidates(cluster, cur);
  if (typedOps.length === 0) {
    const slash = cur.indexOf('/');
    if (slash > 0) return names(cluster, cur.slice(0, slash), ns).map((n) => `${cur.slice(0, slash)}/${n}`);
    return resourceTypes(cur);
  }
  if (v === 'explain' || typedOps[0].includes('/')) return [];
  return names(cluster, typedOps[0], ns);
}

/** True when `w` is a flag that takes the next word as its value. */
function isValueOf(w: string | undefined, specs: FlagSpec[] | undefined): boolean {
  if (!w || !w.startsWith('-') || w.includes('=')) return false;
  const all = specs ?? GLOBAL_FLAGS;
  const f = w.startsWith('--') ? all.find((s) => s.name === w.slice(2)) : all.find((s) => s.short === w.slice(1));
  if (f) return f.type !== 'bool';
  return ['-o', '--output', '-f', '--filename', '-l', '--selector', '-c', '--container'].includes(w);
}

/** Bash-style completion of the word before the cursor. */
export function completeLine(env: ShellEnv, commands: string[], line: string, cursor: number,
  aliases?: ReadonlyMap<string, string>, opts: { kubectl?: boolean } = {}): Completion {
  const head = line.slice(0, cursor);
  const { words, current } = currentCommand(head);
  const cur = current.text;
  let candidates: string[];
  const argv = words.map((w) => w.text);
  const alias = argv.length ? aliases?.get(argv[0]) : undefined;
  if (alias) argv.splice(0, 1, ...alias.split(/\s+/).filter(Boolean));
  if (argv[0] === 'watch') { while (argv.length > 1 && argv[1].startsWith('-')) argv.splice(1, argv[1] === '-n' ? 2 : 1); argv.shift(); }
  if (argv.length === 0) {
    candidates = cur.includes('/') ? files(env, cur) : [...new Set([...commands, ...KEYWORDS])];
  } else if (argv[0] === 'kubectl' && opts.kubectl !== false) {
    candidates = kubectlWords(env, [...argv], cur);
  } else if (argv[0] === 'cd') {
    candidates = files(env, cur, true);
  } else {
    candidates = files(env, cur);
  }
  const matching = [...new Set(candidates.filter((c) => c.startsWith(cur) || c.startsWith(escape(cur))))].sort();
  if (!PATHS.has(candidates)) return { replaceFrom: current.start, candidates: matching };
  const display = matching.map((c) => c.replace(/\/$/, '').replace(/^.*\//, '') + (c.endsWith('/') ? '/' : ''));
  return { replaceFrom: current.start, candidates: matching, display };
}
