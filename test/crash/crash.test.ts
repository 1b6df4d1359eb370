import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigQuestionnaireCsv } from "../../scripts/fixtures/big-csv.js";
import { api, type RunningServer, startServer, upload } from "../support/server-process.js";

/**
 * The crash test: the real server (a child process, job threads and all) is killed with SIGKILL
 * at random points — while a questionnaire is being ingested, while its answers are being saved,
 * while a webhook is being delivered, and while an upload request is in flight — and restarted
 * each time. In the end every questionnaire the server acknowledged (202) must be drafted exactly
 * once (one "questionnaire.drafted" audit row, one copy of each question and answer) and every
 * questionnaire.drafted webhook must have reached the receiver at least once.
 * The random points come from a seeded generator (CRASH_SEED), printed so a failure can be replayed.
 */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
let state = SEED;
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const QUESTIONS = 800;

interface Delivery {
  id: string;
  type: string;
  questionnaireId: string;
}

describe(`crash recovery (seed ${SEED})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "quire-crash-"));
  const dbPath = join(dir, "quire.db");
  const env = {
    QUIRE_DB: dbPath,
    QUIRE_JOB_THREADS: "1",
    QUIRE_JOB_LEASE_MS: "3000",
    QUIRE_JOB_SWEEP_MS: "500",
    QUIRE_WEBHOOKS_ALLOW_LOOPBACK: "true",
    QUIRE_WEBHOOK_RETRY_DELAYS_MS: "200,400,800,1600,3200",
    QUIRE_WEBHOOK_TIMEOUT_MS: "3000",
  };
  let server: RunningServer;
  let key: string;
  let customerId: string;
  const acknowledged = new Set<string>();
  const deliveries: Delivery[] = [];
  let receiver: Server;
  /** While set, the receiver holds requests open and calls this on the first one (to kill the server mid-delivery). */
  let onHang: (() => void) | null = null;
  const kills: string[] = [];

  const restart = async () => {
    server = await startServer(env);
  };
  const kill = async (phase: string) => {
    kills.push(phase);
    await server.stop("SIGKILL");
  };
  const statusOf = async (id: string) =>
    (await api<{ status: string }>(server.base, key, "GET", `/v1/questionnaires/${id}`)).body.status;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          type: string;
          data: { questionnaireId: string };
        };
        if (onHang) {
          const hang = onHang;
          onHang = null;
          hang();
          return; // never answered: the server dies holding this delivery
        }
        deliveries.push({
          id: String(req.headers["webhook-id"]),
          type: body.type,
          questionnaireId: body.data.questionnaireId,
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((ready) => receiver.listen(0, "127.0.0.1", ready));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

    server = await startServer(env);
    key = server.key as string;
    customerId = (
      await api<{ id: string }>(server.base, key, "POST", "/v1/customers", { name: "Crash buyer", region: "eu" })
    ).body.id;
    const hook = await api(server.base, key, "POST", "/v1/webhooks", {
      url: hookUrl,
      events: ["questionnaire.drafted"],
    });
    expect(hook.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await new Promise((done) => receiver.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  const uploadOne = async (n: number) => {
    const created = await upload(
      server.base,
      key,
      bigQuestionnaireCsv(QUESTIONS, { seed: n }),
      `crash-${n}.csv`,
      customerId,
    );
    expect(created.status).toBe(202);
    acknowledged.add(created.body.id);
    return created.body.id;
  };

  /** Waits until the questionnaire is being worked on, then a random moment more (0-maxMs). */
  const waitForProcessing = async (id: string, maxMs: number) => {
    for (let i = 0; i < 600 && (await statusOf(id)) === "queued"; i++) await sleep(20);
    await sleep(random() * maxMs);
  };

  it("finishes every acknowledged questionnaire exactly once and delivers every webhook, across kill -9", async () => {
    // Calibrate: how long one questionnaire takes here, so kills land inside the work.
    const started = Date.now();
    const first = await uploadOne(1);
    while (["queued", "processing"].includes(await statusOf(first))) await sleep(50);
    const workMs = Date.now() - started;

    // 1. During ingest (shortly after processing started), twice.
    for (const n of [2, 3]) {
      const id = await uploadOne(n);
      await waitForProcessing(id, Math.min(200, workMs / 10));
      await kill("ingest");
      await restart();
    }

    // 2. Anywhere in the work, the save included (the later part of the run), three times.
    for (const n of [4, 5, 6]) {
      const id = await uploadOne(n);
      await waitForProcessing(id, workMs * 0.4);
      await sleep(workMs * 0.5 * random());
      await kill("save");
      await restart();
    }

    // 3. During a webhook delivery: the receiver takes the request and the server dies holding it.
    const hung = new Promise<void>((resolve) => {
      onHang = resolve;
    });
    const id7 = await uploadOne(7);
    await Promise.race([hung, sleep(120_000)]);
    await kill("webhook");
    await restart();
    expect(id7).toBeTruthy();

    // 4. During an upload request carrying an Idempotency-Key; the client retries with the same key.
    const idem = { "idempotency-key": `crash-upload-${SEED}` };
    const inFlight = upload(
      server.base,
      key,
      bigQuestionnaireCsv(QUESTIONS, { seed: 8 }),
      "crash-8.csv",
      customerId,
      idem,
    ).catch(() => null);
    await sleep(random() * 30);
    await kill("upload request");
    await inFlight;
    await restart();
    const retried = await upload(
      server.base,
      key,
      bigQuestionnaireCsv(QUESTIONS, { seed: 8 }),
      "crash-8.csv",
      customerId,
      idem,
    );
    expect(retried.status).toBe(202);
    acknowledged.add(retried.body.id);

    // Everything settles after the last restart.
    const deadline = Date.now() + 180_000;
    for (const id of acknowledged) {
      while (["queued", "processing"].includes(await statusOf(id)) && Date.now() < deadline) await sleep(100);
    }
    while (Date.now() < deadline) {
      const drafted = new Set(
        deliveries.filter((d) => d.type === "questionnaire.drafted").map((d) => d.questionnaireId),
      );
      if ([...acknowledged].every((id) => drafted.has(id))) break;
      await sleep(100);
    }

    const db = new Database(dbPath, { readonly: true });
    try {
      const all = db.prepare("select id, status from questionnaires").all() as { id: string; status: string }[];
      // The killed upload either never reached the database or is the questionnaire its retry returned.
      expect(all.map((q) => q.id).sort()).toEqual([...acknowledged].sort());
      for (const { id, status } of all) {
        expect(status, id).toBe("drafted");
        const counts = db
          .prepare(
            `select (select count(*) from questions where questionnaire_id = ?) as questions,
                      (select count(distinct ordinal) from questions where questionnaire_id = ?) as ordinals,
                      (select count(*) from answers where questionnaire_id = ?) as answers,
                      (select count(*) from audit_log where subject = ? and action = 'questionnaire.drafted') as drafted`,
          )
          .get(id, id, id, id) as Record<string, number>;
        expect(counts, id).toEqual({ questions: QUESTIONS, ordinals: QUESTIONS, answers: QUESTIONS, drafted: 1 });
      }
      const open = db.prepare("select count(*) as n from jobs where state in ('queued', 'running')").get() as {
        n: number;
      };
      expect(open.n).toBe(0);
    } finally {
      db.close();
    }
    const delivered = new Set(
      deliveries.filter((d) => d.type === "questionnaire.drafted").map((d) => d.questionnaireId),
    );
    for (const id of acknowledged) expect(delivered.has(id), `questionnaire.drafted for ${id}`).toBe(true);
    console.log(
      `crash test (seed ${SEED}): ${kills.length} kills (${kills.join(", ")}), ${acknowledged.size} questionnaires drafted once each, ` +
        `${deliveries.length} deliveries received (${deliveries.length - new Set(deliveries.map((d) => d.id)).size} redelivered)`,
    );
  }, 600_000);
});
