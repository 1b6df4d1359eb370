/**
 * `npm run bench`: every benchmark, printed as numbers. Performance lives here, not in timed tests.
 * Each suite exports a function returning measurements; a failing suite is reported, not hidden.
 */
interface Measurement {
  name: string;
  value: number;
  unit: string;
}

const suites: { name: string; load: () => Promise<() => Promise<Measurement[]>> }[] = [
  { name: "ingest", load: async () => (await import("./ingest.js")).benchIngest },
  { name: "csv", load: async () => (await import("./csv.js")).benchCsv },
  { name: "insights", load: async () => (await import("./insights.js")).benchInsights },
  { name: "match+draft+cite", load: async () => (await import("./match.js")).benchMatch },
  { name: "http", load: async () => (await import("./http.js")).benchHttp },
  { name: "load", load: async () => (await import("./load.js")).benchLoad },
  { name: "freeze", load: async () => (await import("./freeze.js")).benchFreeze },
  { name: "memory", load: async () => (await import("./memory.js")).benchMemory },
  { name: "big", load: async () => (await import("./big.js")).benchBig },
  { name: "worker", load: async () => (await import("./worker.js")).benchWorker },
];

const only = process.argv.slice(2);
let failed = false;
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  console.log(`\n## ${suite.name}`);
  try {
    const run = await suite.load();
    for (const m of await run()) console.log(`${m.name.padEnd(56)} ${String(m.value).padStart(12)} ${m.unit}`);
  } catch (error) {
    failed = true;
    console.log(`failed: ${(error as Error).message}`);
  }
}
process.exitCode = failed ? 1 : 0;
