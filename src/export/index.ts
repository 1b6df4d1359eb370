export {
  type AnswersForWriteBackOptions,
  answersForWriteBack,
  DRAFT_MARK,
  NEVER_WRITTEN,
  selectForWriteBack,
  type WriteBackLocation,
  type WriteBackSelection,
} from "./answers.js";
export { crosswalkCsv, crosswalkXlsx } from "./crosswalk.js";
export { writeBackCsv } from "./csv-writeback.js";
export { fillOriginal } from "./fill.js";
export { reportToCsv } from "./report-csv.js";
export { reportToJson } from "./report-json.js";
export type { WriteBackAnswer, WriteBackOptions, WriteBackResult } from "./types.js";
export { writeBackXlsx } from "./xlsx-writeback.js";
