import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { QuireError } from "../domain/errors.js";

/** One file of answer-library/, already read: its path relative to the library root and its text. */
export interface LibraryFile {
  readonly path: string;
  readonly text: string;
}

/** Reads every .yaml/.yml file below the library folder (README and other files are ignored). */
export async function readLibraryFiles(dir: string): Promise<LibraryFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })) as string[];
  } catch {
    throw new QuireError("library_not_found", `answer library folder not found: ${dir}`, 404);
  }
  const yamlNames = names.filter((n) => /\.ya?ml$/i.test(n)).sort();
  return Promise.all(
    yamlNames.map(async (name) => ({
      path: relative(dir, join(dir, name)).replaceAll("\\", "/"),
      text: await readFile(join(dir, name), "utf8"),
    })),
  );
}
