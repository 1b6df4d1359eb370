import { z } from "zod";

/**
 * The reply the API is told to produce (structured outputs, through the SDK's zodOutputFormat): one
 * item per question of the batch. Flat on purpose (a decline is a non-null `decline`, the other
 * fields then empty) so the JSON schema stays in the subset the API enforces. Bounds the JSON
 * schema cannot carry (confidence 0..1, at most two entries, allowed values, shortlists, artifacts)
 * are checked question by question in the domain (refine.ts validateAnswer), never here: one bad
 * item must not cost the whole batch.
 */
export const ModelItemSchema = z
  .object({
    questionId: z.string(),
    decline: z.string().nullable(),
    entryIds: z.array(z.string()),
    value: z.string().nullable(),
    text: z.string(),
    confidence: z.number(),
    artifacts: z.array(z.string()),
  })
  .strict();
export type ModelItem = z.infer<typeof ModelItemSchema>;

export const ModelReplySchema = z.object({ answers: z.array(ModelItemSchema) }).strict();
export type ModelReply = z.infer<typeof ModelReplySchema>;
