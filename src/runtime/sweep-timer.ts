import type { Clock } from "../services/context.js";

export interface DailySweep {
  stop(): void;
}

export interface DailySweepOptions {
  readonly clock: Clock;
  /** The UTC hour the sweep runs every day (default 6, like the Workers cron). */
  readonly hourUtc?: number;
  /** Also run shortly after start, so a fresh server has its "needs attention" list (default: 10 s; null: no). */
  readonly startDelayMs?: number | null;
  /** Timers (tests pass fakes). */
  readonly setTimer?: (run: () => void, ms: number) => { unref?(): void };
  readonly clearTimer?: (timer: unknown) => void;
}

const DAY_MS = 86_400_000;

/** Milliseconds from now to the next occurrence of hourUtc:00 (tomorrow's if today's has passed). */
export function msUntilNext(now: Date, hourUtc: number): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + DAY_MS);
  return next.getTime() - now.getTime();
}

/**
 * The freshness sweep's timer on Node, the counterpart of the Workers Cron Trigger: `run` gets the
 * day (UTC) to sweep as of. The timers are unref'd so they never keep the process alive, and one
 * run at a time: a slow sweep is not started again on top of itself.
 */
export function scheduleDailySweep(run: (asOf: string) => Promise<unknown>, options: DailySweepOptions): DailySweep {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const hour = options.hourUtc ?? 6;
  const timers = new Set<unknown>();
  let running: Promise<unknown> | null = null;
  let stopped = false;

  const fire = () => {
    if (stopped || running) return;
    const asOf = options.clock.now().toISOString().slice(0, 10);
    running = run(asOf)
      .catch((error) => console.error("freshness sweep failed", error))
      .finally(() => {
        running = null;
      });
  };
  const later = (fn: () => void, ms: number) => {
    const timer = setTimer(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    timers.add(timer);
  };
  const daily = () => {
    fire();
    later(daily, msUntilNext(options.clock.now(), hour));
  };

  const startDelay = options.startDelayMs === undefined ? 10_000 : options.startDelayMs;
  if (startDelay !== null) later(fire, startDelay);
  later(daily, msUntilNext(options.clock.now(), hour));
  return {
    stop() {
      stopped = true;
      for (const t of timers) clearTimer(t);
      timers.clear();
    },
  };
}
