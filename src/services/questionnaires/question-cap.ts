import { QuireError } from "../../domain/errors.js";
import type { Questionnaire } from "../../domain/questionnaire/types.js";

/**
 * A runtime's ceiling on questions per questionnaire (ServiceDeps.maxQuestions). Workers set one
 * so that a single invocation (one queue message, one request) stays inside the platform's CPU
 * limit with headroom; Node has none (a job thread has no such limit). Checked after ingest,
 * before any drafting, so an oversized file costs only its parse.
 */
export function checkQuestionCount(questionnaire: Questionnaire, maxQuestions: number | undefined): void {
  const n = questionnaire.questions.length;
  if (maxQuestions !== undefined && n > maxQuestions) {
    throw new QuireError(
      "too_many_questions",
      `The questionnaire has ${n} questions; this deployment answers at most ${maxQuestions} per file. Split it into smaller files.`,
      413,
      { questions: n, limit: maxQuestions },
    );
  }
}
