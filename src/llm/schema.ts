import { z } from "zod";

/** What the model must return: one JSON object, validated before anything else looks at it. */
export const ModelAnswerSchema = z
  .object({
    entryIds: z.array(z.string().min(1)).min(1).max(2),
    value: z.string().min(1).nullable(),
    text: z.string().min(1).max(4000),
    confidence: z.number().min(0).max(1),
    artifacts: z.array(z.string()).default([]),
  })
  .strict();

/** The model may say that none of the candidates answers the question. */
export const ModelDeclineSchema = z.object({ decline: z.string().min(1).max(500) }).strict();

export const ModelOutputSchema = z.union([ModelAnswerSchema, ModelDeclineSchema]);
export type ModelOutput = z.infer<typeof ModelOutputSchema>;

/** The JSON object in a model reply, tolerating a code fence or a sentence around it. */
export function extractJson(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) throw new Error("no JSON object in the reply");
  return JSON.parse(text.slice(start, end + 1));
}
