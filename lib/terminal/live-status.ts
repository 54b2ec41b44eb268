import type { LabSession } from './lab-session';
import type { LiveExerciseResult } from './protocol';

/** Grades a lab's exercises on its live cluster; null when the lab has none. */
export type GradeLab = (session: LabSession) => Promise<LiveExerciseResult[] | null>;

interface Entry {
  /** Lab state version (LabSession.stateVersion) the cached results were graded at. */
  revision: string;
  results: LiveExerciseResult[] | null;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Live task status without grading on every wake-up. Grading can be heavy (checks that send
 * traffic or run time forward do it on a clone of the lab), and a busy lab changes many times a
 * second while pods come up. So changes are coalesced: a lab is graded at most once per
 * `delayMs` after its last change, and only when its state changed since the last grading
 * (`stateVersion`: objects or container files); a terminal that attaches gets the cached results at once.
 */
export class LiveStatus {
  private readonly labs = new WeakMap<LabSession, Entry>();

  constructor(private readonly grade: GradeLab, private readonly delayMs = 150) {}

  /** The lab changed (a command, simulated time): re-grade soon. */
  changed(session: LabSession): void {
    const entry = this.labs.get(session);
    if (entry?.timer) return; // one grading is already due; it will see this change too
    const timer = setTimeout(() => {
      const current = this.labs.get(session);
      if (current) current.timer = undefined;
      this.refresh(session).catch((err) => console.error(`[live status] ${session.labKey}:`, err));
    }, this.delayMs);
    timer.unref?.();
    if (entry) entry.timer = timer;
    else this.labs.set(session, { revision: '', results: null, timer });
  }

  /** A terminal attached or the lab was reset: send the status now (cached when still current). */
  async now(session: LabSession): Promise<void> {
    const entry = this.labs.get(session);
    if (entry && entry.revision === session.stateVersion) {
      if (entry.results) session.notify({ t: 'status', labKey: session.labKey, results: entry.results });
      return;
    }
    await this.refresh(session);
  }

  private async refresh(session: LabSession): Promise<void> {
    if (session.isDisposed) return;
    const revision = session.stateVersion;
    const entry = this.labs.get(session);
    if (entry && entry.revision === revision) return; // nothing changed since the last grading
    const results = await this.grade(session);
    const latest = this.labs.get(session);
    this.labs.set(session, { revision, results, timer: latest?.timer });
    if (results && !session.isDisposed) session.notify({ t: 'status', labKey: session.labKey, results });
  }
}
