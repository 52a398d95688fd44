/** Events the main side sends to the renderer. Free of runtime dependencies: the sandboxed preload imports it. */
export const EVENTS = ['locked', 'progress'] as const;
export type EventName = (typeof EVENTS)[number];
export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen-lock' | 'shutdown';
export interface EventPayloads {
  locked: { reason: LockReason };
  progress: { task: string; done: number; total: number };
}
