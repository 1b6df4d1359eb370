/** Work that runs after the response: processing an upload, delivering a webhook. */
export type Job =
  | { readonly type: "questionnaire.process"; readonly tenantId: string; readonly questionnaireId: string }
  | { readonly type: "webhook.deliver"; readonly tenantId: string; readonly deliveryId: string };

/**
 * The background-job port. Node: an in-process queue (services/jobs/in-process-queue.ts);
 * Workers: Cloudflare Queues (runtime/workers/queue.ts). Delays serve webhook retries.
 */
export interface JobQueue {
  enqueue(job: Job, options?: { delayMs?: number }): Promise<void>;
}
