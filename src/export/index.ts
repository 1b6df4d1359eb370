export { type AnswersForWriteBackOptions, answersForWriteBack, type WriteBackLocation } from "./answers.js";
export { writeBackCsv } from "./csv-writeback.js";
export { fillOriginal } from "./fill.js";
export { reportToCsv } from "./report-csv.js";
export { reportToJson } from "./report-json.js";
export type { WriteBackAnswer, WriteBackOptions, WriteBackResult } from "./types.js";
export { writeBackXlsx } from "./xlsx-writeback.js";
