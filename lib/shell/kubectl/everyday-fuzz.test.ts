/**
 * Property test (fast-check, fixed seeds, bounded runs): the notes' manifests, mutated (dropped,
 * renamed and wrongly typed fields, huge strings, YAML alias bombs, broken indentation,
 * truncation), and random kubectl command lines, typed into a fresh shell per run.
 * Properties: no uncaught exception ("kubelab: internal error"), every kubectl failure reads like
 * kubectl (`error: ...`, `Error from server (...)`, `The X "y" is invalid: ...`), and the store
 * stays consistent (owners exist or the dependant is being deleted, list() agrees with get(),
 * resourceVersions only grow).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { createCluster, RESOURCES, type Cluster, type KubeObject } from '../../cluster';
import { createShell } from '../session';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every manifest in the course's lessons (```yaml blocks with a kind). */
function lessonManifests(): Json[] {
  const out: Json[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.mdx')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/```ya?ml[^\n]*\n([\s\S]*?)```/g)) {
          for (const doc of parseAllDocuments(m[1])) {
            const v = doc.errors.length ? undefined : (doc.toJS() as Json);
            if (v && typeof v === 'object' && !Array.isArray(v) && 'kind' in v) out.push(v);
          }
        }
      }
    }
  };
  walk(join(process.cwd(), 'content'));
  return out;
}
const MANIFESTS = lessonManifests();

const KEYS = ['imagee', 'replica', 'name', 'kind', 'apiVersion', 'labels', 'selector', 'spec', 'metadata', 'ports', 'image', 'containers', 'x'];
/** Applies one structural mutation at a random depth. */
function mutate(v: Json, choices: number[], value: Json): Json {
  const [c = 0, ...rest] = choices;
  if (Array.isArray(v)) return v.length && c % 5 ? v.map((x, i) => (i === c % v.length ? mutate(x, rest, value) : x)) : value;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (!keys.length) return { [KEYS[c % KEYS.length]]: value };
    const key = keys[c % keys.length];
    const o = { ...v };
    switch (c % 6) {
      case 0: delete o[key]; return o; // dropped field
      case 1: o[`${key}${KEYS[c % KEYS.length].slice(0, 1)}`] = o[key]; delete o[key]; return o; // renamed (typo)
      case 2: o[key] = value; return o; // wrong type / value
      default: o[key] = mutate(o[key], rest, value); return o;
    }
  }
  return value;
}

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, 0, -1, 1e9, 1.5, '', 'x', 'Bad_Name', true, [], {}, '1Gi', 'nginx', 'batch/v1beta1', '../x', '-1'),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 1000, max: 1_100_000 }).map((n) => 'x'.repeat(n)), // huge strings, over 1 MiB at the top
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** Text-level damage: alias bombs, broken indentation, truncation, stray characters. */
const BOMB = (depth: number) => ['a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...Array.from({ length: depth }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`),
  'kind: ConfigMap', 'apiVersion: v1', 'metadata: {name: bomb}'].join('\n');
function damage(text: string, how: number, at: number): string {
  const lines = text.split('\n');
  const i = at % Math.max(1, lines.length);
  switch (how) {
    case 0: return text;
    case 1: lines[i] = ` ${lines[i]}`; return lines.join('\n'); // broken indentation
    case 2: lines[i] = lines[i].replace(/^ {2}/, ''); return lines.join('\n');
    case 3: return text.slice(0, at % Math.max(1, text.length)); // truncated paste
    case 4: return `${text.slice(0, at % text.length)}\t"{[&*!${text.slice(at % text.length)}`;
    default: return BOMB(1 + (at % 8));
  }
}

const manifestAction = fc.record({
  base: fc.nat(MANIFESTS.length - 1), choices: fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }), value: jsonValue,
  how: fc.nat(7), at: fc.nat(10_000), verb: fc.constantFrom('apply -f m.yaml', 'create -f m.yaml', 'apply -f m.yaml --dry-run=server -o yaml',
    'delete -f m.yaml', 'replace -f m.yaml', 'apply -f - < m.yaml'),
}).map(({ base, choices, value, how, at, verb }) => ({
  file: damage(stringify(mutate(MANIFESTS[base], choices, value), { lineWidth: 0 }), how % 6, at),
  line: `kubectl ${verb}`,
}));

const NAMES = ['web', 'web-0', 'nginx', 'k8s-node1', 'nope', 'p/x', '""', 'default', 'kube-system'];
const WORDS = ['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'rollout', 'status', 'undo', 'history', 'set', 'image', 'expose',
  'edit', 'patch', 'logs', 'exec', 'cp', 'top', 'wait', 'explain', 'cordon', 'drain', 'taint', 'create', 'run', 'autoscale', 'config',
  'pods', 'po', 'deploy', 'sts', 'svc', 'nodes', 'pvc', 'hpa', 'ing', 'cm', 'secret', 'all', 'pod/web', 'deploy/web', 'a=b', 'a-',
  '-o', 'yaml', 'json', 'wide', 'name', "jsonpath='{.items[*].metadata.name}'", "go-template='{{range .items}}{{.metadata.name}}{{end}}'",
  "go-template='{{.x'", 'custom-columns=N:.metadata.name', '-n', '-A', '-l', 'app=web', '--replicas=3', '--image=nginx', '--port=80',
  '--dry-run=client', '--all', '--force', '--grace-period=0', 'events', '--for=pod/web', '--types=Warning', 'replace', 'namespace', 'service', 'clusterip', '--tcp=80:8080', '-L', 'app', '--template={{.kind}}', '--for=condition=Ready', '--timeout=1s', '--to-revision=2', '--recursive',
  '-p', `'{"spec":{"replicas":2}}'`, "'{bad'", '--type=json', '--', 'sh', '-c', 'ls', '-it', '--rm', '--restart=Never', '-f', 'm.yaml', '-h'];
const commandLine = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 8 }).map((w) => `kubectl ${w.join(' ')}`),
  fc.string({ maxLength: 30 }).map((s) => `kubectl ${s.replace(/['"`\\$\n;|&<>(){}]/g, '')}`),
);

/** What kubectl's failures look like (klog's `"command failed" err=...` is how 1.34 reports cobra's required flags). */
const KUBECTL_ERROR = /(^|\n)(error: |Error from server|Error: |The \w+ ".*" is invalid: |kubelab: .* not simulated|No resources found|Warning: |Unable to connect|command terminated with exit code|timed out waiting|E\d{4} [\d:.]+ +\d+ [\w.-]+\.go:\d+\] "command failed" err=)/;

const rvs = new Map<string, number>();
function checkStore(cluster: Cluster): void {
  const objects = cluster.snapshot().objects as KubeObject[];
  const uids = new Set(objects.map((o) => o.metadata?.uid));
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    for (const ref of o.metadata?.ownerReferences ?? []) {
      // Owners exist, or the dependant is on its way out (the garbage collector has marked it).
      if (!uids.has(ref.uid)) expect(o.metadata?.deletionTimestamp, `${id} owned by missing ${ref.kind}/${ref.name}`).toBeTruthy();
    }
    const rv = Number(o.metadata?.resourceVersion);
    expect(Number.isInteger(rv), `${id} resourceVersion`).toBe(true);
    const key = `${o.metadata?.uid}`;
    expect(rv, `${id} resourceVersion went back`).toBeGreaterThanOrEqual(rvs.get(key) ?? 0);
    rvs.set(key, rv);
  }
  for (const res of RESOURCES) {
    for (const o of cluster.list<KubeObject>(res.kind)) {
      const got = cluster.get<KubeObject>(res.kind, o.metadata?.namespace, o.metadata?.name ?? '');
      expect(got?.metadata?.uid, `${res.kind} ${o.metadata?.name}: list() and get() disagree`).toBe(o.metadata?.uid);
    }
  }
}

describe('kubectl property test (fast-check)', () => {
  it('has the notes manifests to mutate', () => {
    expect(MANIFESTS.length).toBeGreaterThan(10);
  });

  it('mutated manifests and random command lines fail like kubectl and keep the store consistent', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(manifestAction, commandLine.map((line) => ({ file: undefined, line }))), { minLength: 1, maxLength: 6 }),
      async (actions) => {
        const cluster = createCluster({ seed: 'prop', now: Date.UTC(2025, 0, 1) });
        const sh = createShell({ cluster });
        await sh.exec('kubectl create deployment web --image=nginx --replicas=2; kubectl expose deploy web --port=80; sleep 5');
        rvs.clear();
        for (const a of actions) {
          if (a.file !== undefined) await sh.exec(`cat > m.yaml <<'KUBELAB_EOF_7f3a'\n${a.file}\nKUBELAB_EOF_7f3a`);
          const { output, exitCode } = await sh.exec(a.line);
          expect(output, a.line).not.toContain('internal error');
          if (exitCode !== 0 && exitCode !== 130) expect(output, `${a.line}\n${a.file ?? ''}`.slice(0, 2000)).toMatch(KUBECTL_ERROR);
          checkStore(cluster);
        }
        await sh.exec('sleep 60');
        checkStore(cluster);
      }), { seed: 20251127, numRuns: 60 });
  }, 120_000);
});
