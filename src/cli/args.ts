import { type ParseArgsConfig, parseArgs } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

import { QuireError } from "../domain/errors.js";

/** parseArgs, with its errors turned into a usage error the CLI prints on one line. */
export function parseCliArgs<const T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new QuireError("usage", (error as Error).message, 2);
  }
}
