import type { ServiceContext } from "../context.js";
import { type QuestionnaireView, questionnaireRow, toQuestionnaire } from "./shape.js";

export async function getQuestionnaire(ctx: ServiceContext, id: string): Promise<QuestionnaireView> {
  return toQuestionnaire(await questionnaireRow(ctx, id));
}
