import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryBlobStore } from "../../src/blobs/fs.js";
import { tenants } from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import type { ServiceContext } from "../../src/services/context.js";
import { demandInsight } from "../../src/services/insights/demand.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { answerFile } from "../../src/services/questionnaires/answer-file.js";
import { DRIVERS } from "./drivers.js";

/** The demand facts are recorded and read the same on better-sqlite3 and D1 (one drizzle schema, JSON columns). */
describe.each(DRIVERS)("demand insight on $name", (driver) => {
  let db: Db;
  let close: () => Promise<void>;
  const clock = { now: () => new Date("2026-03-10T12:00:00Z") };
  const ctx = (): ServiceContext => ({ tenantId: "tn_i", actor: "test", db, blobs: memoryBlobStore(), clock });

  beforeAll(async () => {
    ({ db, close } = await driver.open());
    await db.insert(tenants).values({ id: "tn_i", name: "tn_i", createdAt: clock.now().toISOString() });
    await replaceLibrary(ctx(), await loadLibraryDir("answer-library"));
    for (const [file, region, ndaOnFile] of [
      ["vsa-like.xlsx", "eu", false],
      ["rfp-homemade.xlsx", "us", true],
      ["semicolon-eu.csv", "eu", false],
    ] as const) {
      await answerFile(ctx(), {
        bytes: new Uint8Array(readFileSync(`fixtures/${file}`)),
        fileName: file,
        customer: { region, ndaOnFile, asOf: "2026-11-24" },
      });
    }
  }, 120_000);
  afterAll(async () => close());

  it("counts what the three questionnaires asked for", async () => {
    const report = await demandInsight(ctx(), { from: "2026-03-01", to: "2026-03-31" });
    expect(report.volume).toMatchObject({ questionnaires: 3, questions: 27 + 20 + 19, buyers: 3 });
    const count = (f: string) => report.frameworks.find((x) => x.framework === f)?.questionnaires;
    expect([count("soc2"), count("iso27001"), count("gdpr"), count("nist-csf")]).toEqual([2, 3, 2, 1]);
    expect(report.withheld.find((g) => g.framework === "soc2" && g.artifactType === "soc2-type2")).toMatchObject({
      region: "eu",
      reason: "no_nda",
      buyers: 1,
      substituted: 1,
      substitute: "iso27001-certificate",
    });
    const eu = await demandInsight(ctx(), { from: "2026-03-01", to: "2026-03-31", region: "eu" });
    expect(eu.volume.questionnaires).toBe(2);
  });
});
