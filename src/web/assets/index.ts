/**
 * The web client's files, bundled from src/web/client/ by scripts/build-web.ts into
 * bundle.generated.ts: strings, so the Workers bundle carries them (no filesystem there).
 */
export { CLIENT_ENTRIES as ENTRY_ASSETS, CLIENT_FILES as ASSETS } from "./bundle.generated.js";
