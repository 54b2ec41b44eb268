/**
 * The time-ordered work queue every controller schedules into. Nothing polls:
 * advancing the virtual clock pops due items in (time, sequence) order.
 * Items are plain JSON so a snapshot carries pending work.
 */
export interface Task {
  /** Handler name registered by a controller, e.g. 'pod-stage'. */
  type: string;
  [key: string]: unknown;
}

export interface QueueItem {
  at: number;
  seq: number;
  task: Task;
}

export interface QueueState {
  items: QueueItem[];
  seq: number;
}

export class WorkQueue {
  private items: QueueItem[];
  private seq: number;

  constructor(state?: QueueState) {
    this.items = state ? state.items.map((i) => ({ ...i, task: { ...i.task } })) : [];
    this.seq = state?.seq ?? 0;
  }

  push(at: number, task: Task): void {
    const item = { at, seq: this.seq++, task };
    // Binary search for the insertion point keeps the array sorted by (at, seq).
    let lo = 0, hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].at <= at) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  peek(): QueueItem | undefined {
    return this.items[0];
  }

  /** Removes and returns the earliest item due at or before `ms`. */
  popDue(ms: number): QueueItem | undefined {
    if (this.items.length === 0 || this.items[0].at > ms) return undefined;
    return this.items.shift();
  }

  get size(): number {
    return this.items.length;
  }

  toJSON(): QueueState {
    return { items: this.items.map((i) => ({ ...i })), seq: this.seq };
  }
}
