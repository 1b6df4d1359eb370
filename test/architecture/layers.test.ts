import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The layer rules of docs/ARCHITECTURE.md are Biome `noRestrictedImports` overrides per folder
 * (biome.json). This runs that rule alone: on the real tree it finds nothing, and on a copy of the
 * tree with one planted violation per layer it reports each, by file and by the layer's message.
 */
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const BIOME = join(ROOT, "node_modules", ".bin", "biome");

interface Lint {
  readonly code: number;
  /** file (relative to the tree) → messages, from the one-line GitHub reporter. */
  readonly findings: Map<string, string[]>;
}

async function lintLayers(tree: string): Promise<Lint> {
  const args = ["lint", "--only=style/noRestrictedImports", "--reporter=github", "--max-diagnostics=none", "src"];
  const { code, stdout } = await run(BIOME, args, { cwd: tree, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, stdout: e.stdout ?? "" }),
  );
  const findings = new Map<string, string[]>();
  for (const m of stdout.matchAll(/^::error title=lint\/style\/noRestrictedImports,file=([^,]+),[^:]*::(.*)$/gm)) {
    const file = (m[1] ?? "").replace(`${tree}/`, "");
    findings.set(file, [...(findings.get(file) ?? []), m[2] ?? ""]);
  }
  return { code, findings };
}

const PLANTED: readonly { file: string; code: string; layer: RegExp }[] = [
  { file: "src/domain/matching/planted.ts", code: 'import { readFileSync } from "node:fs";', layer: /domain is pure/ },
  { file: "src/domain/planted.ts", code: 'import type { Db } from "../db/types.js";', layer: /domain is pure/ },
  { file: "src/ports/planted.ts", code: 'import type { Db } from "../db/types.js";', layer: /port is an interface/ },
  { file: "src/services/planted.ts", code: 'import { Hono } from "hono";', layer: /services know no transport/ },
  {
    file: "src/blobs/planted.ts",
    code: 'import type { BlobStore } from "../services/context.js";',
    layer: /adapters .* never import services/,
  },
  {
    file: "src/llm/planted.ts",
    code: 'import type { LlmSettings } from "../services/context.js";',
    layer: /adapters .* never import services/,
  },
  {
    file: "src/ingest/planted.ts",
    code: 'import { writeBackCsv } from "../export/csv-writeback.js";',
    layer: /ingest .* never imports export/,
  },
  {
    file: "src/api/routes/planted.ts",
    code: 'import { eq } from "drizzle-orm";',
    layer: /interfaces reach the database/,
  },
  { file: "src/cli/planted.ts", code: 'import { openSqlite } from "../db/sqlite.js";', layer: /interfaces reach/ },
  {
    file: "src/web/planted.ts",
    code: 'import { questionnaires } from "../db/schema/index.js";',
    layer: /interfaces reach the database/,
  },
];

describe("layer rules (biome noRestrictedImports per folder)", () => {
  const copy = mkdtempSync(join(tmpdir(), "quire-layers-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("the real tree keeps every layer rule", async () => {
    const lint = await lintLayers(ROOT);
    expect([...lint.findings.keys()]).toEqual([]);
    expect(lint.code).toBe(0);
  });

  it("a copy of the tree with a violation planted in each layer fails, naming each file and its layer", async () => {
    cpSync(join(ROOT, "src"), join(copy, "src"), { recursive: true });
    // The same rules, without the git ignore file (the copy is not a checkout).
    const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8"));
    writeFileSync(join(copy, "biome.json"), JSON.stringify({ ...config, vcs: { enabled: false } }));
    for (const p of PLANTED) {
      mkdirSync(dirname(join(copy, p.file)), { recursive: true });
      writeFileSync(join(copy, p.file), `${p.code}\nexport const planted = 1;\n`);
    }
    const lint = await lintLayers(copy);
    expect(lint.code).not.toBe(0);
    for (const p of PLANTED) {
      expect(lint.findings.get(p.file), p.file).toEqual([expect.stringMatching(p.layer)]);
    }
    // Nothing but the planted files: the copy is otherwise the clean tree.
    expect([...lint.findings.keys()].sort()).toEqual(PLANTED.map((p) => p.file).sort());
  });
});
