import type { ApiServer } from '../api/api-server';
import type { EventRecorder } from '../api/events';
import type { Prng } from '../prng';
import type { Task } from '../queue';
import type { ObjectStore } from '../store';

/** What a controller is given; it never sees the wall clock, only `now()`. */
export interface ControllerContext {
  store: ObjectStore;
  api: ApiServer;
  events: EventRecorder;
  prng: Prng;
  now(): number;
  /** Schedules a task on the virtual clock `delayMs` from now. */
  enqueue(delayMs: number, task: Task): void;
}

export type TaskHandler = (task: Task) => void;

/**
 * A controller in the controller-runtime sense: constructed over the store and clock,
 * started (subscribes to watches) and stopped; its work arrives as queued tasks.
 */
export interface Controller {
  readonly name: string;
  /** Task types this controller handles, e.g. `{ 'schedule-pod': fn }`. */
  readonly handlers: Record<string, TaskHandler>;
  start(): void;
  stop(): void;
}
