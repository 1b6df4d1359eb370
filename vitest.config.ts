import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Page tests poll the browser for what a click or key changed; on a loaded 2-core CI machine a
    // dialog's fetch can take seconds, and the 1 s default turned waiting into flaky failures.
    expect: { poll: { timeout: 10_000 } },
  },
});
