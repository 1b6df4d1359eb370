import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AnswerReport } from "../domain/answering/report.js";

/**
 * The report as `JSON.stringify(report, null, 2)` writes it plus a final newline, byte for byte,
 * produced a question at a time: a 5,000-question report is ~12 MB, which as one string (and its
 * UTF-8 copy) would be built in memory whole before the first byte reached the disk.
 */
export function* reportJsonChunks(report: AnswerReport): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== "function");
  yield "{";
  for (const [i, [key, value]] of entries.entries()) {
    yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    if (key === "questions" && Array.isArray(value) && value.length > 0) {
      yield "[";
      for (const [j, question] of value.entries()) {
        yield `${j === 0 ? "" : ","}\n    ${indent(JSON.stringify(question ?? null, null, 2) ?? "null", "    ")}`;
      }
      yield "\n  ]";
    } else {
      yield indent(JSON.stringify(value, null, 2), "  ");
    }
  }
  yield entries.length === 0 ? "}\n" : "\n}\n";
}

const indent = (json: string, by: string) => json.replaceAll("\n", `\n${by}`);

/** Writes the report file from reportJsonChunks, a question at a time. */
export async function writeReportFile(path: string, report: AnswerReport): Promise<void> {
  await pipeline(Readable.from(reportJsonChunks(report)), createWriteStream(path));
}
