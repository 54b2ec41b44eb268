import { ApiServer, type DeleteOptions, type WriteOptions } from './api/api-server';
import type { SavedCorrelator } from './api/event-correlator';
import { EventRecorder } from './api/events';
import { ApiServiceAvailability } from './network/apiservice-availability';
import { EventTtl } from './api/event-ttl';
import type { Controller, ControllerContext, TaskHandler } from './controllers/controller';
import { GarbageCollector } from './controllers/garbage-collector';
import { Kubelet } from './controllers/kubelet';
import { NamespaceController } from './controllers/namespace';
import { ReplicaSetController } from './controllers/replicaset';
import { StatefulSetController } from './controllers/statefulset';
import { VolumeBinder } from './controllers/volume-binder';
import { CronJobController } from './controllers/cronjob';
import { DaemonSetController } from './controllers/daemonset';
import { DeploymentController } from './controllers/deployment';
import { JobController } from './controllers/job';
import { seedKubeProxy } from './controllers/system-daemonsets';
import { Scheduler } from './controllers/scheduler';
import { EndpointsController } from './network/endpoints-controller';
import { IngressStatusController } from './network/ingress';
import { RootCaPublisher } from './controllers/root-ca-publisher';
import { AddonEffects } from './addons/addon-effects';
import { HpaController } from './controllers/hpa';
import { VpaRecommender } from './controllers/vpa-recommender';
import { VpaUpdater } from './controllers/vpa-updater';
import { VpaEffects } from './addons/vpa-effects';
import { ClusterAutoscaler } from './controllers/cluster-autoscaler';
import { NetState, parseNetState, takeLegacyNetState } from './network/net-state';
import { MetalLbController } from './controllers/lb-metallb';
import { MetricsServer } from './metrics/metrics-server';
import { seedNetwork } from './network/system-services';
import { createPrng, type Prng } from './prng';
import { WorkQueue, type Task } from './queue';
import { isServed, resolveResource, resourceForKind, type ResourceInfo } from './resources';
import { ObjectStore } from './store';
import { objectsText, readSnapshot, snapshotText, withCompactJson, type SnapshotTextHeader } from './snapshot';
import { SnapshotCodec } from './snapshot-codec';
import { VolumeFiles } from './runtime/volume-files';
import { KUBERNETES_VERSION, seedTopology } from './topology';
import type { ClusterSnapshot, KubeObject, SavedClusterSnapshot, StoredObject, WatchFilter, WatchListener } from './types';
import type { Pod } from './k8s';
import { withDisruptionTarget } from './controllers/pod-util';

export interface Cluster {
  /** Simulated epoch ms. */
  now(): number;
  /** Runs all controller work due up to `ms` in time order (never goes back). */
  advanceTo(ms: number): void;
  advanceBy(ms: number): void;
  /** Earliest scheduled work, so a real-time driver can arm one timer. */
  nextDueAt(): number | undefined;
  /** Compact JSON-serialisable state. It shares the live objects: serialise it or pass it to restoreCluster; never mutate it. */
  snapshot(): ClusterSnapshot;
  /** The snapshot as the text the server saves (snapshot.ts): cheap when little changed since the last one. */
  snapshotText(): string;
  /** Bumps on every store write. */
  readonly revision: number;
  readonly seed: string;
  /** Server version, e.g. `v1.34.1`. */
  readonly version: string;
  get<T = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined;
  list<T = KubeObject>(kind: string, namespace?: string): T[];
  /** Creates through admission + validation; throws StatusError. */
  create<T extends KubeObject>(obj: T, opts?: WriteOptions): T;
  /** Replaces an existing object (apply/replace/edit); throws StatusError. */
  update<T extends KubeObject>(obj: T, opts?: WriteOptions): T;
  /** Deletes (gracefully for pods); returns the object as the API returned it. */
  delete<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, opts?: DeleteOptions): T;
  /** Subscribes to ADDED/MODIFIED/DELETED; returns the unsubscribe function. */
  watch(listener: WatchListener, filter?: WatchFilter): () => void;
  /** Discovery: what a typed resource name (`po`, `deploy`) maps to. */
  resolveResource(typed: string): ResourceInfo | undefined;
  resourceForKind(kind: string, apiVersion?: string): ResourceInfo | undefined;
  /** Files written in containers (PV-backed ones survive the pod); see runtime/volume-files.ts. */
  readonly files: VolumeFiles;
  /**
   * A client attaches to a container's main process (`kubectl run -i`, `kubectl attach`): until
   * exitContainer, the process ends only when the client reports it did. False: no such container.
   */
  attachContainer(namespace: string, pod: string, container: string): boolean;
  /**
   * The container's main process exits with `code` (the attached command's status, or the
   * attached shell's `exit`); the kubelet restarts it per restartPolicy on the next advance.
   * False when the container is not running.
   */
  exitContainer(namespace: string, pod: string, container: string, code: number, failure?: { reason: string; message: string }): boolean;
  /**
   * POST pods/NAME/eviction (kubectl drain, the VPA updater): marks the pod DisruptionTarget=True
   * (EvictionByEvictionAPI) and deletes it gracefully; throws StatusError (NotFound).
   */
  evict(namespace: string, name: string, opts?: DeleteOptions): KubeObject;
}

export interface CreateClusterOptions {
  seed?: string;
  /** Initial simulated epoch ms (default Date.now()). */
  now?: number;
}

class SimCluster implements Cluster {
  readonly version = KUBERNETES_VERSION;
  private clock: number;
  private store: ObjectStore;
  private queue: WorkQueue;
  private prng: Prng;
  private api: ApiServer;
  private controllers: Controller[];
  private handlers = new Map<string, TaskHandler>();
  private events: EventRecorder;
  private eventTtl: EventTtl;
  /** The data plane's counters and request log: snapshotted, but not store objects (no revision bump). */
  private net!: NetState;
  readonly files: VolumeFiles;

  /** The object lines of the last snapshot text (or of the text this lab was restored from), and the store revision they are of. */
  private objectsText?: { rev: number; text: string };

  constructor(readonly seed: string, snapshot?: ClusterSnapshot, now?: number, private codec = new SnapshotCodec(),
    text?: { events?: SavedCorrelator; objects?: string }) {
    this.clock = snapshot?.now ?? now ?? Date.now();
    this.prng = createPrng(snapshot?.prng ?? seed);
    // Earlier versions kept the data plane's state as a hidden store object: it moves beside the store.
    const saved = snapshot && takeLegacyNetState(snapshot.objects);
    this.store = new ObjectStore(saved?.objects, snapshot?.rv, true); // restoreCluster already copied the snapshot
    this.queue = new WorkQueue(snapshot?.queue);
    this.files = new VolumeFiles(snapshot?.files);
    this.api = new ApiServer(this.store, this.prng, () => this.clock);
    this.events = new EventRecorder(this.api, this.store, () => this.clock, text?.events ?? snapshot?.events);
    if (text?.objects !== undefined) this.objectsText = { rev: this.store.revision, text: text.objects };
    this.eventTtl = new EventTtl(this.store, () => this.clock);
    if (!snapshot) {
      seedTopology(this.api, this.prng, this.clock);
      seedNetwork(this.api, this.store, createPrng(`${seed}/network`));
      seedKubeProxy(this.api, this.store, createPrng(`${seed}/kube-proxy`));
    }
    const ctx: ControllerContext = {
      store: this.store, api: this.api, prng: this.prng,
      events: this.events,
      now: () => this.clock,
      enqueue: (delayMs: number, task: Task) => this.queue.push(this.clock + Math.max(0, delayMs), task),
    };
    this.controllers = [new Scheduler(ctx), new Kubelet(ctx, this.files), new NamespaceController(ctx), new GarbageCollector(ctx), new ReplicaSetController(ctx),
      new StatefulSetController(ctx), new VolumeBinder(ctx), new DeploymentController(ctx), new DaemonSetController(ctx),
      new JobController(ctx), new CronJobController(ctx), new EndpointsController(ctx), new IngressStatusController(ctx), new RootCaPublisher(ctx), new AddonEffects(ctx),
      new MetricsServer(ctx, this), new HpaController(ctx, this),
      new VpaEffects(ctx), new VpaRecommender(ctx), new VpaUpdater(ctx), new ClusterAutoscaler(ctx), this.net = new NetState(ctx, this, parseNetState(snapshot?.net) ?? saved?.net), new MetalLbController(ctx),
      new ApiServiceAvailability(ctx)];
    for (const c of this.controllers) {
      for (const [type, fn] of Object.entries(c.handlers)) this.handlers.set(type, fn);
      c.start();
    }
  }

  now(): number { return this.clock; }
  private get kubelet(): Kubelet { return this.controllers.find((c) => c instanceof Kubelet) as Kubelet; }
  attachContainer(namespace: string, pod: string, container: string): boolean {
    const p = this.store.get('Pod', namespace, pod) as Pod | undefined;
    if (!p?.spec?.containers.some((c) => c.name === container)) return false;
    this.kubelet.attached.add(`${p.metadata!.uid}/${container}`);
    return true;
  }
  evict(namespace: string, name: string, opts?: DeleteOptions): KubeObject {
    const pod = this.store.get('Pod', namespace, name) as Pod | undefined;
    if (pod && !pod.metadata?.deletionTimestamp && !opts?.dryRun) this.api.write(withDisruptionTarget(pod, this.clock));
    return this.api.delete('Pod', namespace, name, opts);
  }
  exitContainer(namespace: string, pod: string, container: string, code: number, failure?: { reason: string; message: string }): boolean {
    const p = this.store.get('Pod', namespace, pod) as Pod | undefined;
    return p ? this.kubelet.exitContainer(p, container, code, failure) : false;
  }
  get revision(): number { return this.store.revision; }

  advanceTo(ms: number): void {
    for (let item = this.queue.popDue(ms); item; item = this.queue.popDue(ms)) {
      this.clock = Math.max(this.clock, item.at);
      this.eventTtl.expire(this.clock);
      this.handlers.get(item.task.type)?.(item.task);
    }
    this.clock = Math.max(this.clock, ms);
    this.eventTtl.expire(this.clock);
  }

  advanceBy(ms: number): void { this.advanceTo(this.clock + ms); }
  nextDueAt(): number | undefined { return this.queue.peek()?.at; }

  /** The state but the objects and the event caches (in snapshot() the objects follow `queue`). */
  private header(): SnapshotTextHeader {
    const files = this.files.toJSON();
    const net = this.net.toJSON();
    return { v: 3, seed: this.seed, now: this.clock, rv: this.store.revision, prng: this.prng.state(), queue: this.queue.toJSON(),
      ...(Object.keys(files).length && { files }), ...(net && { net }) };
  }

  snapshot(): ClusterSnapshot {
    const { files, net, ...head } = this.header();
    const events = this.events.state();
    return withCompactJson({ ...head, objects: this.store.allRefs() as StoredObject[], ...(files && { files }), ...(events && { events }),
      ...(net && { net }) }, this.codec);
  }

  snapshotText(): string {
    // Every store write bumps the revision: the same revision, the same object lines.
    const rev = this.store.revision;
    if (this.objectsText?.rev !== rev) this.objectsText = { rev, text: objectsText(this.store.allRefs() as StoredObject[], this.codec) };
    return snapshotText(this.header(), this.events.stateText(), this.objectsText.text);
  }

  get<T = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const res = resourceForKind(kind);
    return this.store.get(kind, res?.namespaced ? namespace || 'default' : undefined, name) as T | undefined;
  }

  list<T = KubeObject>(kind: string, namespace?: string): T[] {
    return this.store.list(kind, namespace) as T[];
  }

  create<T extends KubeObject>(obj: T, opts?: WriteOptions): T { return this.api.create(obj, opts); }
  update<T extends KubeObject>(obj: T, opts?: WriteOptions): T { return this.api.update(obj, opts); }
  delete<T extends KubeObject = KubeObject>(kind: string, ns: string | undefined, name: string, opts?: DeleteOptions): T {
    return this.api.delete<T>(kind, ns, name, opts);
  }
  watch(listener: WatchListener, filter?: WatchFilter): () => void { return this.store.subscribe(listener, filter); }
  resolveResource(typed: string): ResourceInfo | undefined { return this.served(resolveResource(typed)); }
  resourceForKind(kind: string, apiVersion?: string): ResourceInfo | undefined { return this.served(resourceForKind(kind, apiVersion)); }
  /** Custom kinds (VPA, MetalLB) exist only while their CRD does. */
  private served(res: ResourceInfo | undefined): ResourceInfo | undefined {
    return isServed(res, (crd) => this.store.has('CustomResourceDefinition', undefined, crd)) ? res : undefined;
  }
}

export function createCluster(opts: CreateClusterOptions = {}): Cluster {
  return new SimCluster(opts.seed ?? 'kubelab', undefined, opts.now);
}

/** Restores a snapshot: its text, in memory, its JSON, or the JSON earlier versions saved (snapshot.ts). */
export function restoreCluster(snapshot: SavedClusterSnapshot | string): Cluster {
  const codec = new SnapshotCodec();
  const { snapshot: own, ...text } = readSnapshot(snapshot, codec);
  return new SimCluster(own.seed, own, undefined, codec, text);
}

export type { StoredObject };
