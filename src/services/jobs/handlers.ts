import { type Job, jobContext, type ServiceContext, type ServiceDeps } from "../context.js";
import { failQuestionnaire, pollQuestionnaire, processQuestionnaire } from "../questionnaires/process.js";
import { abandonDelivery, deliverWebhook } from "../webhooks/deliver.js";
import type { JobFailure, JobLane, JobOutcome } from "./types.js";

type JobOf<T extends Job["type"]> = Extract<Job, { type: T }>;

/**
 * What the runners need to know about one kind of job. A new kind (a scheduled sweep, a new
 * event's delivery) adds an entry here and a member to `Job`; the tables, leases, retries and
 * sweeps are shared.
 */
export interface JobHandler<J extends Job> {
  readonly lane: JobLane;
  /** Runs, counting runs a crash interrupted; after the last the job is abandoned. */
  readonly maxAttempts: number;
  /** Higher runs first within a lane (after per-tenant fairness). */
  readonly priority?: number;
  run(ctx: ServiceContext, job: J): Promise<JobOutcome | undefined>;
  /** The job will not run again: record why where a person will see it (the questionnaire, the delivery log). */
  abandon(ctx: ServiceContext, job: J, failure: JobFailure): Promise<void>;
}

/**
 * What the questionnaire's owner reads when its job is given up. Memory, time and repeated
 * interruptions say what to do; an internal error stays in the server log (its text may name
 * internals), and the questionnaire says only that it failed.
 */
function questionnaireFailure(failure: JobFailure): { code: string; message: string; status: number } {
  switch (failure.code) {
    case "job_memory_exceeded":
    case "processing_timeout":
      return { ...failure, status: 413 };
    case "processing_interrupted":
      return {
        code: failure.code,
        message: `Processing was interrupted repeatedly (${failure.message}); upload the file again, or split it if it is very large.`,
        status: 500,
      };
    default:
      console.error(`questionnaire job given up: ${failure.code}: ${failure.message}`);
      return {
        code: "processing_error",
        message: "the questionnaire could not be processed; the server log has details",
        status: 500,
      };
  }
}

type Handlers = { readonly [T in Job["type"]]: JobHandler<JobOf<T>> };

export const JOB_HANDLERS: Handlers = {
  "questionnaire.process": {
    lane: "process",
    // A file that kills the process (or its thread) three times is not tried a fourth time.
    maxAttempts: 3,
    run: async (ctx, job) => {
      await processQuestionnaire(ctx, job.questionnaireId);
      return undefined;
    },
    abandon: (ctx, job, failure) => failQuestionnaire(ctx, job.questionnaireId, questionnaireFailure(failure)),
  },
  "questionnaire.llm_poll": {
    lane: "process",
    // A poll a minute for the Message Batch's 24 hours, with room for crashes; then offline drafts.
    maxAttempts: 2_000,
    run: (ctx, job) => pollQuestionnaire(ctx, job.questionnaireId),
    abandon: async (ctx, job) => {
      await pollQuestionnaire(ctx, job.questionnaireId, true);
    },
  },
  "webhook.deliver": {
    lane: "webhooks",
    // Delivery retries are counted by the delivery itself (webhook settings); this bounds crashes.
    maxAttempts: 20,
    run: (ctx, job) => deliverWebhook(ctx, job.deliveryId),
    abandon: (ctx, job, failure) => abandonDelivery(ctx, job.deliveryId, `${failure.code}: ${failure.message}`),
  },
};

export const handlerFor = <J extends Job>(job: J): JobHandler<J> => JOB_HANDLERS[job.type] as unknown as JobHandler<J>;

const contextFor = (deps: ServiceDeps, job: Job): ServiceContext =>
  jobContext(deps, job.tenantId, job.type === "webhook.deliver" ? "webhooks" : "process");

/** Runs one job's handler with a context for the tenant that asked for it. */
export async function runJob(deps: ServiceDeps, job: Job): Promise<JobOutcome> {
  return (await handlerFor(job).run(contextFor(deps, job), job)) ?? { kind: "done" };
}

/** Gives a job up for good, telling its subject why. */
export async function abandonJob(deps: ServiceDeps, job: Job, failure: JobFailure): Promise<void> {
  await handlerFor(job).abandon(contextFor(deps, job), job, failure);
}
