import {
  type Crosswalk,
  crosswalk,
  crosswalkTables,
  FRAMEWORK_BY_FLAG,
  type FrameworkFlag,
} from "../../domain/library/crosswalk.js";
import { crosswalkCsv, crosswalkXlsx } from "../../export/index.js";
import type { ServiceContext } from "../context.js";
import { loadLibrary } from "./load.js";

export type CrosswalkFormat = "json" | "csv" | "xlsx";

export type CrosswalkResult =
  | { readonly format: "json"; readonly body: Crosswalk }
  | {
      readonly format: "csv" | "xlsx";
      readonly body: string | Uint8Array;
      readonly fileName: string;
      readonly contentType: string;
    };

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The tenant's crosswalk: every control's framework references, entries and artifacts; per framework, coverage and gaps. */
export async function libraryCrosswalk(
  ctx: ServiceContext,
  input: { framework?: FrameworkFlag | undefined; format: CrosswalkFormat },
): Promise<CrosswalkResult> {
  const only = input.framework ? FRAMEWORK_BY_FLAG[input.framework] : undefined;
  const cw = crosswalk(await loadLibrary(ctx), only);
  if (input.format === "json") return { format: "json", body: cw };
  const tables = crosswalkTables(cw, only);
  const base = `crosswalk${input.framework ? `-${input.framework}` : ""}`;
  if (input.format === "csv") {
    return {
      format: "csv",
      body: crosswalkCsv(tables[0] as never),
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
    };
  }
  return { format: "xlsx", body: crosswalkXlsx(tables), fileName: `${base}.xlsx`, contentType: XLSX_TYPE };
}
