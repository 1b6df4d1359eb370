import { pathToFileURL } from "node:url";
// `npm start`: runs the built Node server (dist/server.mjs, built by `npm ci` through `prepare`,
// or `npm run build`), plain JavaScript, so neither the server nor its job threads transpile the
// sources at start. When a source is newer than the bundle it is rebuilt first (esbuild, a second
// or two); without esbuild (no dev dependencies) the TypeScript runs through tsx as before.
import { buildServer, SERVER_BUNDLE, serverBundleIsFresh } from "./build.mjs";

async function loadServer() {
  if (serverBundleIsFresh() || (await buildServer().catch(() => false))) {
    return import(pathToFileURL(SERVER_BUNDLE).href);
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/runtime/node.ts");
}

const { runNodeServer } = await loadServer();
await runNodeServer();
