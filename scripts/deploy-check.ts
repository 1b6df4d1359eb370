/**
 * `npm run deploy:check`: builds the Worker as `wrangler deploy` would (nothing is sent), prints its
 * size, and fails when the gzipped bundle is over budget. Runs in CI.
 */
import { BUNDLE_BUDGET_GZIP_BYTES, buildWorkerBundle } from "./worker-bundle.js";

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const bundle = await buildWorkerBundle(process.argv[2]);
const share = ((bundle.gzipBytes / BUNDLE_BUDGET_GZIP_BYTES) * 100).toFixed(0);
console.log(`worker bundle: ${bundle.file}`);
console.log(`  raw     ${kib(bundle.rawBytes)}`);
console.log(`  gzip    ${kib(bundle.gzipBytes)}  (budget ${kib(BUNDLE_BUDGET_GZIP_BYTES)}, ${share}% used)`);
if (bundle.gzipBytes > BUNDLE_BUDGET_GZIP_BYTES) {
  console.error(`over budget by ${kib(bundle.gzipBytes - BUNDLE_BUDGET_GZIP_BYTES)}: see docs/DEPLOY.md (bundle size)`);
  process.exitCode = 1;
}
