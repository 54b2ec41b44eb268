import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabSession } from './lab-session';
import { LiveStatus } from './live-status';
import type { LiveExerciseResult, ServerMessage } from './protocol';

function fakeLab() {
  const sent: ServerMessage[] = [];
  const lab = {
    labKey: 'c/l', isDisposed: false, cluster: { revision: 1 }, notify: (m: ServerMessage) => sent.push(m),
    get stateVersion() { return String(this.cluster.revision); },
  };
  return { lab, session: lab as unknown as LabSession, sent };
}

const result = (passed: boolean): LiveExerciseResult[] => [{ exerciseId: 'e', passed, tasks: [] }];

describe('LiveStatus', () => {
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of changes into one grading after the delay', async () => {
    vi.useFakeTimers();
    const { lab, session, sent } = fakeLab();
    const grade = vi.fn(async () => result(lab.cluster.revision > 3));
    const live = new LiveStatus(grade, 100);
    for (let i = 0; i < 5; i++) {
      lab.cluster.revision++;
      live.changed(session);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(grade).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(grade).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ t: 'status', labKey: 'c/l', results: result(true) }]);
  });

  it('does not re-grade an unchanged lab; an attaching terminal gets the cached results', async () => {
    vi.useFakeTimers();
    const { lab, session, sent } = fakeLab();
    const grade = vi.fn(async () => result(false));
    const live = new LiveStatus(grade, 50);
    await live.now(session);
    expect(grade).toHaveBeenCalledTimes(1);
    live.changed(session); // e.g. a wake-up that left the objects as they were
    await vi.advanceTimersByTimeAsync(60);
    await live.now(session);
    expect(grade).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(2); // the first grading, then the cached copy for the new terminal
    lab.cluster.revision++;
    await live.now(session);
    expect(grade).toHaveBeenCalledTimes(2);
  });

  it('sends nothing for a lab without exercises or a disposed lab, and survives a failing grader', async () => {
    vi.useFakeTimers();
    const { lab, session, sent } = fakeLab();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const live = new LiveStatus(async () => null, 10);
    await live.now(session);
    expect(sent).toHaveLength(0);
    const failing = new LiveStatus(async () => { throw new Error('boom'); }, 10);
    failing.changed(session);
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toHaveBeenCalled();
    lab.isDisposed = true;
    lab.cluster.revision++;
    const grade = vi.fn(async () => result(true));
    await new LiveStatus(grade, 10).now(session);
    expect(grade).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
