import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { QuireError } from "../domain/errors.js";
import {
  type Artifact,
  ArtifactSchema,
  type Control,
  ControlSchema,
  type FrameworkRef,
  type Library,
  type LibraryEntry,
  LibraryEntrySchema,
} from "../domain/library/types.js";
import type { LibraryFile } from "./read-files.js";

export type { LibraryFile } from "./read-files.js";

export interface LibraryIssue {
  readonly file: string;
  readonly field: string;
  readonly message: string;
}

const refList = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

/** Controls are written with one list per framework, which is easier to review than {framework, ref} pairs. */
const ControlFileItem = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.string(),
    owner: z.string().optional(),
    productFeature: z.boolean().optional(),
    iso27001: refList,
    soc2: refList,
    nis2: refList,
    gdpr: refList,
  })
  .strict();

const ControlsFile = z.object({ controls: z.array(z.unknown()) }).strict();
const ArtifactsFile = z
  .object({
    /** Default owner of every artifact below (who renews and reviews them). */
    owner: z.string().min(1).optional(),
    /** Default grace, in days, after a document's review date before it stops being cited. */
    reviewGraceDays: z.number().int().min(0).optional(),
    artifacts: z.array(z.unknown()),
  })
  .strict();

/** Artifacts with a review cycle (policies and other documents); attestations have validity dates instead. */
const REVIEWED_TYPES = new Set(["policy", "subprocessor-list", "pentest-letter", "other"]);
const EntriesFile = z
  .object({
    topic: z.string().min(1),
    owner: z.string().min(1).optional(),
    entries: z.array(z.unknown()),
  })
  .strict();

const fieldPath = (prefix: string, path: readonly PropertyKey[]): string =>
  [prefix, ...path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("").replace(/^\./, "");

function issuesOf(file: string, prefix: string, error: z.ZodError): LibraryIssue[] {
  return error.issues.map((issue) => ({
    file,
    field: fieldPath(prefix, issue.path) || "(file)",
    message: issue.message,
  }));
}

function toRefs(item: z.infer<typeof ControlFileItem>): FrameworkRef[] {
  return [
    ...item.iso27001.map((ref) => ({ framework: "ISO27001:2022" as const, ref })),
    ...item.soc2.map((ref) => ({ framework: "SOC2" as const, ref })),
    ...item.nis2.map((ref) => ({ framework: "NIS2" as const, ref })),
    ...item.gdpr.map((ref) => ({ framework: "GDPR" as const, ref })),
  ];
}

/**
 * Parses the files of an answer library into a validated Library. Every problem is collected
 * with its file and field, so an owner can fix them all in one pass; nothing is silently dropped.
 */
export function parseLibraryFiles(files: readonly LibraryFile[]): { library: Library; issues: LibraryIssue[] } {
  const controls: Control[] = [];
  const artifacts: Artifact[] = [];
  const entries: LibraryEntry[] = [];
  const issues: LibraryIssue[] = [];
  const seen = new Map<string, string>();

  const noteId = (file: string, field: string, kind: string, id: string) => {
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first) issues.push({ file, field, message: `duplicate ${kind} id "${id}" (first defined in ${first})` });
    else seen.set(key, file);
  };

  for (const file of files) {
    let doc: unknown;
    try {
      doc = parseYaml(file.text, { prettyErrors: true });
    } catch (error) {
      issues.push({
        file: file.path,
        field: "(file)",
        message: `not valid YAML: ${(error as Error).message.split("\n")[0]}`,
      });
      continue;
    }
    const name = file.path.replaceAll("\\", "/");
    if (/(^|\/)controls\//.test(name) || /(^|\/)controls\.ya?ml$/.test(name)) {
      const parsed = ControlsFile.safeParse(doc);
      if (!parsed.success) {
        issues.push(...issuesOf(file.path, "", parsed.error));
        continue;
      }
      parsed.data.controls.forEach((raw, i) => {
        const item = ControlFileItem.safeParse(raw);
        if (!item.success) {
          issues.push(...issuesOf(file.path, `controls[${i}]`, item.error));
          return;
        }
        const control = ControlSchema.safeParse({ ...item.data, refs: toRefs(item.data) });
        if (!control.success) {
          issues.push(...issuesOf(file.path, `controls[${i}]`, control.error));
          return;
        }
        noteId(file.path, `controls[${i}].id`, "control", control.data.id);
        controls.push(control.data);
      });
    } else if (/(^|\/)artifacts(\/|\.ya?ml$)/.test(name)) {
      const parsed = ArtifactsFile.safeParse(doc);
      if (!parsed.success) {
        issues.push(...issuesOf(file.path, "", parsed.error));
        continue;
      }
      const { owner, reviewGraceDays } = parsed.data;
      parsed.data.artifacts.forEach((raw, i) => {
        const defaults =
          typeof raw === "object" && raw !== null
            ? {
                ...(owner !== undefined && { owner }),
                ...(reviewGraceDays !== undefined &&
                  REVIEWED_TYPES.has(String((raw as { type?: unknown }).type)) && { reviewGraceDays }),
                ...raw,
              }
            : raw;
        const artifact = ArtifactSchema.safeParse(defaults);
        if (!artifact.success) {
          issues.push(...issuesOf(file.path, `artifacts[${i}]`, artifact.error));
          return;
        }
        noteId(file.path, `artifacts[${i}].id`, "artifact", artifact.data.id);
        artifacts.push(artifact.data);
      });
    } else if (/(^|\/)entries\//.test(name)) {
      const parsed = EntriesFile.safeParse(doc);
      if (!parsed.success) {
        issues.push(...issuesOf(file.path, "", parsed.error));
        continue;
      }
      const { topic, owner } = parsed.data;
      parsed.data.entries.forEach((raw, i) => {
        const withDefaults = typeof raw === "object" && raw !== null ? { topic, owner, ...raw } : raw;
        const entry = LibraryEntrySchema.strict().safeParse(withDefaults);
        if (!entry.success) {
          issues.push(...issuesOf(file.path, `entries[${i}]`, entry.error));
          return;
        }
        noteId(file.path, `entries[${i}].id`, "entry", entry.data.id);
        entries.push(entry.data);
      });
    } else {
      issues.push({
        file: file.path,
        field: "(file)",
        message: "unknown library file: put controls in controls/, entries in entries/, artifacts in artifacts.yaml",
      });
    }
  }
  return { library: { controls, artifacts, entries }, issues };
}

/** Like parseLibraryFiles, but refuses a library with any problem (the CLI and the seeder use this). */
export function parseLibraryOrThrow(files: readonly LibraryFile[]): Library {
  const { library, issues } = parseLibraryFiles(files);
  if (issues.length > 0) {
    const lines = issues.slice(0, 20).map((i) => `${i.file}: ${i.field}: ${i.message}`);
    const more = issues.length > 20 ? `\n… and ${issues.length - 20} more` : "";
    throw new QuireError(
      "library_invalid",
      `the answer library has ${issues.length} error(s):\n${lines.join("\n")}${more}`,
      422,
      {
        issues,
      },
    );
  }
  return library;
}
