import { type Job, jobContext, type ServiceDeps } from "../context.js";
import { processQuestionnaire } from "../questionnaires/process.js";
import { deliverWebhook } from "../webhooks/deliver.js";

/** Runs one background job with a context for the tenant that enqueued it. */
export async function runJob(deps: ServiceDeps, job: Job): Promise<void> {
  switch (job.type) {
    case "questionnaire.process":
      return processQuestionnaire(jobContext(deps, job.tenantId, "process"), job.questionnaireId);
    case "webhook.deliver":
      return deliverWebhook(jobContext(deps, job.tenantId, "webhooks"), job.deliveryId);
  }
}
