import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startNodeServer } from "../../src/runtime/node.js";
import { msUntilNext, scheduleDailySweep } from "../../src/runtime/sweep-timer.js";

/** The Node counterpart of the Workers Cron Trigger: a daily timer running the same sweep service. */
describe("the daily sweep timer on Node", () => {
  it("waits until the next 06:00 UTC, today's if it is still ahead, else tomorrow's", () => {
    expect(msUntilNext(new Date("2027-08-01T05:59:59Z"), 6)).toBe(1_000);
    expect(msUntilNext(new Date("2027-08-01T06:00:00Z"), 6)).toBe(86_400_000);
    expect(msUntilNext(new Date("2027-08-01T23:00:00Z"), 6)).toBe(7 * 3_600_000);
  });

  it("runs once after start and then every day, as of the day it runs, never twice at once", async () => {
    let now = new Date("2027-07-31T05:00:00Z");
    const timers: { run: () => void; ms: number }[] = [];
    const runs: string[] = [];
    let finish: () => void = () => {};
    const sweep = scheduleDailySweep(
      async (asOf) => {
        runs.push(asOf);
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      {
        clock: { now: () => now },
        startDelayMs: 100,
        setTimer: (run, ms) => {
          timers.push({ run, ms });
          return {};
        },
      },
    );
    expect(timers.map((t) => t.ms)).toEqual([100, 3_600_000]);
    timers[0]?.run(); // the start-up run
    expect(runs).toEqual(["2027-07-31"]);
    now = new Date("2027-07-31T06:00:00Z");
    timers[1]?.run(); // 06:00 while the start-up run is still going: not started on top of it
    expect(runs).toEqual(["2027-07-31"]);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    now = new Date("2027-08-01T06:00:00Z");
    expect(timers.at(-1)?.ms).toBe(86_400_000);
    timers.at(-1)?.run();
    expect(runs).toEqual(["2027-07-31", "2027-08-01"]);
    sweep.stop();
  });

  it("records what needs attention on a real Node server, from the timer alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quire-sweep-"));
    const server = await startNodeServer(
      {
        PORT: "0",
        HOST: "127.0.0.1",
        QUIRE_DB: join(dir, "quire.db"),
        QUIRE_LIBRARY: "answer-library",
        QUIRE_SWEEP_START_DELAY_MS: "20",
      },
      { log: false, deps: { clock: { now: () => new Date("2027-08-01T07:00:00Z") } } },
    );
    try {
      const attention = async () => {
        const res = await fetch(`http://127.0.0.1:${server.port}/v1/attention`, {
          headers: { authorization: `Bearer ${server.demoKey}` },
        });
        return (await res.json()) as {
          lastSweepAt: string | null;
          owners: { owner: string; findings: { subject: string; state: string; dueOn: string }[] }[];
        };
      };
      let body = await attention();
      for (let i = 0; i < 100 && body.lastSweepAt === null; i++) {
        await new Promise((r) => setTimeout(r, 50));
        body = await attention();
      }
      expect(body.lastSweepAt).not.toBeNull();
      const grc = body.owners.find((o) => o.owner === "Security GRC");
      expect(grc?.findings).toContainEqual(
        expect.objectContaining({ subject: "soc2-type2-2026", state: "expiring", dueOn: "2027-09-30" }),
      );
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
