// The API's zod extension must load before the domain's schemas are built (zod 4 adds .openapi per instance).
import "@hono/zod-openapi";
import { readFileSync } from "node:fs";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";
import { fileForm, type Harness, harness } from "../api/harness.js";
import { multipart, startWorker } from "./workerd.js";

/**
 * The same upload answered by both runtimes: the Node app (SQLite, files on disk) and the Worker as
 * wrangler builds it, in workerd (D1, R2, Queues). Spreadsheets, CSVs and PDFs (pdf.js without its
 * Web Worker) must give the same report, question for question.
 */
const FIXTURES = [
  "caiq-like.xlsx",
  "simple.csv",
  "semicolon-eu.csv",
  "numbered.pdf",
  "bulleted.pdf",
  "table-printed.pdf",
] as const;
const FIELDS = { region: "us", nda: "true", asOf: "2026-11-24" };

/** A report with its questions' stored ids blanked: each database makes its own, the rest must agree. */
const withoutStoredIds = (body: unknown) => {
  const report = AnswerReportSchema.parse(body);
  return { ...report, questions: report.questions.map((q) => ({ ...q, id: "" })) };
};

describe("Workers and Node answer the same files alike (workerd via Miniflare)", () => {
  let mf: Miniflare;
  let workerKey: string;
  let node: Harness;
  let nodeKey: string;

  beforeAll(async () => {
    ({ mf, key: workerKey } = await startWorker());
    node = await harness();
    nodeKey = (await node.tenant("Parity")).adminKey;
  }, 180_000);
  afterAll(async () => {
    await mf?.dispose();
    await node?.close();
  });

  const onWorker = async (path: string, init: { method?: string; form?: FormData; json?: object } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${workerKey}` };
    let body: Uint8Array | string | undefined;
    if (init.json) {
      body = JSON.stringify(init.json);
      headers["content-type"] = "application/json";
    } else if (init.form) {
      const encoded = await multipart(init.form);
      body = encoded.body;
      headers["content-type"] = encoded.contentType;
    }
    return mf.dispatchFetch(`http://quire.test${path}`, { method: init.method ?? "GET", headers, body });
  };

  for (const file of FIXTURES) {
    it(`${file}: the Worker's report equals Node's`, async () => {
      const bytes = new Uint8Array(readFileSync(`fixtures/${file}`));
      const res = await onWorker("/v1/answer", { method: "POST", form: fileForm(bytes, file, FIELDS) });
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(200);
      const fromWorker = withoutStoredIds(json);
      const fromNode = await node.call("POST", "/v1/answer", { key: nodeKey, form: fileForm(bytes, file, FIELDS) });
      expect(fromNode.status).toBe(200);
      const expected = JSON.parse(readFileSync(`fixtures/${file}.expected.json`, "utf8")) as { questions: unknown[] };
      expect(fromWorker.questions).toHaveLength(expected.questions.length);
      expect(fromWorker).toEqual(withoutStoredIds(fromNode.body));
    }, 60_000);
  }

  it("processes a PDF as a queued job, with the questions Node finds", async () => {
    const bytes = new Uint8Array(readFileSync("fixtures/numbered.pdf"));
    const customer = await onWorker("/v1/customers", { method: "POST", json: { name: "Umbrella", region: "us" } });
    const { id: customerId } = (await customer.json()) as { id: string };
    const created = await onWorker("/v1/questionnaires", {
      method: "POST",
      form: fileForm(bytes, "numbered.pdf", { customerId }),
    });
    expect(created.status, await created.clone().text()).toBe(202);
    const { id } = (await created.json()) as { id: string };
    let status = "queued";
    for (let i = 0; i < 200 && ["queued", "processing"].includes(status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await onWorker(`/v1/questionnaires/${id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe("drafted");
    const answers = (await (await onWorker(`/v1/questionnaires/${id}/answers?limit=100`)).json()) as {
      data: { questionText?: string; text?: string }[];
    };
    const viaNode = await node.call("POST", "/v1/answer", {
      key: nodeKey,
      form: fileForm(bytes, "numbered.pdf", FIELDS),
    });
    expect(answers.data).toHaveLength(viaNode.body.questions.length);
  }, 60_000);
});

describe("A file over the Workers question cap (MAX_QUESTIONS)", () => {
  it("is refused with 413 too_many_questions, and a queued one fails with that code, on Workers and on Node", async () => {
    const { mf, key } = await startWorker({ bindings: { MAX_QUESTIONS: "30" } });
    const node = await harness({ deps: { maxQuestions: 30 } });
    try {
      const bytes = new Uint8Array(readFileSync("fixtures/numbered.pdf")); // 31 questions
      const encoded = await multipart(fileForm(bytes, "numbered.pdf", FIELDS));
      const res = await mf.dispatchFetch("http://quire.test/v1/answer", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": encoded.contentType },
        body: encoded.body,
      });
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(await res.json()).toMatchObject({ code: "too_many_questions" });
      const nodeKey = (await node.tenant("Capped")).adminKey;
      const viaNode = await node.call("POST", "/v1/answer", {
        key: nodeKey,
        form: fileForm(bytes, "numbered.pdf", FIELDS),
      });
      expect(viaNode.status).toBe(413);
      expect(viaNode.body.code).toBe("too_many_questions");
      // Queued, the questionnaire fails with the same code (the consumer checks before drafting).
      const auth = { authorization: `Bearer ${key}` };
      const customer = await mf.dispatchFetch("http://quire.test/v1/customers", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ name: "Capped buyer", region: "us" }),
      });
      const { id: customerId } = (await customer.json()) as { id: string };
      const upload = await multipart(fileForm(bytes, "numbered.pdf", { customerId }));
      const created = await mf.dispatchFetch("http://quire.test/v1/questionnaires", {
        method: "POST",
        headers: { ...auth, "content-type": upload.contentType },
        body: upload.body,
      });
      expect(created.status).toBe(202);
      const { id } = (await created.json()) as { id: string };
      let body: { status: string; failure?: { code: string } } = { status: "queued" };
      for (let i = 0; i < 200 && ["queued", "processing"].includes(body.status); i++) {
        await new Promise((r) => setTimeout(r, 100));
        body = (await (
          await mf.dispatchFetch(`http://quire.test/v1/questionnaires/${id}`, { headers: auth })
        ).json()) as typeof body;
      }
      expect(body).toMatchObject({ status: "failed", failure: { code: "too_many_questions" } });
      // Within the cap the same deployment answers.
      const small = await multipart(
        fileForm(new Uint8Array(readFileSync("fixtures/bulleted.pdf")), "bulleted.pdf", FIELDS),
      );
      const ok = await mf.dispatchFetch("http://quire.test/v1/answer", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": small.contentType },
        body: small.body,
      });
      expect(ok.status).toBe(200);
    } finally {
      await mf.dispose();
      await node.close();
    }
  }, 120_000);
});
