import type { Library } from "../domain/library/types.js";
import { parseLibraryOrThrow } from "./parse.js";
import { readLibraryFiles } from "./read-files.js";

export { readLibraryFiles } from "./read-files.js";

export async function loadLibraryDir(dir: string): Promise<Library> {
  return parseLibraryOrThrow(await readLibraryFiles(dir));
}
