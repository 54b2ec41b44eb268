import { LabSession, type LabStore } from './lab-session';

export interface LabRegistryOptions {
  store: LabStore;
  /** How long a lab with no open terminal stays in memory (it is saved after every command). */
  idleMs?: number;
  now?: () => number;
  onMutated?: (session: LabSession) => void;
  /** lab.yaml `setup` of a lab, run when a lab is created fresh (first visit, reset). */
  labSetup?: (labKey: string) => Promise<string[]>;
}

/**
 * Per-process registry of open labs, keyed by learner and lab. A learner only ever reaches labs
 * under their own user id: the key is built from the authenticated identity, never from input.
 */
export class LabRegistry {
  private readonly sessions = new Map<string, Promise<LabSession>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly opts: LabRegistryOptions) {}

  get size(): number {
    return this.sessions.size;
  }

  open(userId: string, labKey: string): Promise<LabSession> {
    const key = `${userId}\u0000${labKey}`;
    this.cancelIdle(key);
    let session = this.sessions.get(key);
    if (!session) {
      session = LabSession.open(this.sessionOptions(userId, labKey));
      this.track(key, session);
    }
    return session;
  }

  /**
   * "실습 초기화": ends the lab in memory, deletes its saved state and opens it again from the
   * starting state (setup run again). Sockets attached to the old session must re-attach to the
   * returned one (the terminal server does). Later open() calls get the fresh lab at once.
   */
  reset(userId: string, labKey: string): Promise<LabSession> {
    const key = `${userId}\u0000${labKey}`;
    this.cancelIdle(key);
    const previous = this.sessions.get(key);
    const fresh = (async () => {
      const old = await previous?.catch(() => undefined);
      old?.dispose();
      await this.opts.store.delete(userId, labKey);
      return LabSession.open({ ...this.sessionOptions(userId, labKey), fresh: true });
    })();
    this.track(key, fresh);
    return fresh;
  }

  private sessionOptions(userId: string, labKey: string) {
    const { store, now, onMutated, labSetup } = this.opts;
    return { userId, labKey, store, now, onMutated, labSetup };
  }

  private track(key: string, session: Promise<LabSession>): void {
    session.catch(() => {
      if (this.sessions.get(key) === session) this.sessions.delete(key);
    });
    this.sessions.set(key, session);
  }

  /** Called when a socket detaches: forget the lab after the idle period if nobody is attached. */
  release(session: LabSession): void {
    const key = `${session.userId}\u0000${session.labKey}`;
    if (session.connections > 0 || session.isDisposed) return;
    this.cancelIdle(key);
    const entry = this.sessions.get(key);
    const timer = setTimeout(() => {
      this.idleTimers.delete(key);
      if (this.sessions.get(key) === entry && session.connections === 0 && !session.busy) this.sessions.delete(key);
    }, this.opts.idleMs ?? 10 * 60_000);
    timer.unref?.();
    this.idleTimers.set(key, timer);
  }

  /** Drops a lab from memory (e.g. after "reset lab" replaced its saved state). */
  forget(userId: string, labKey: string): void {
    const key = `${userId}\u0000${labKey}`;
    this.cancelIdle(key);
    this.sessions.delete(key);
  }

  private cancelIdle(key: string): void {
    const timer = this.idleTimers.get(key);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(key);
  }
}
