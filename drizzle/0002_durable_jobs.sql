CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`type` text NOT NULL,
	`lane` text NOT NULL,
	`payload` text NOT NULL,
	`dedupe_key` text,
	`state` text NOT NULL,
	`priority` integer NOT NULL,
	`attempts` integer NOT NULL,
	`max_attempts` integer NOT NULL,
	`run_at` text NOT NULL,
	`lease_owner` text,
	`lease_expires_at` text,
	`last_error` text,
	`metrics` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `jobs_runnable` ON `jobs` (`lane`,`state`,`run_at`);--> statement-breakpoint
CREATE INDEX `jobs_tenant_state` ON `jobs` (`tenant_id`,`lane`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_dedupe` ON `jobs` (`dedupe_key`);--> statement-breakpoint
DROP INDEX `questions_questionnaire`;--> statement-breakpoint
CREATE UNIQUE INDEX `questions_questionnaire` ON `questions` (`tenant_id`,`questionnaire_id`,`ordinal`);--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `owner` text;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `locked_until` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `request_key` text;--> statement-breakpoint
CREATE INDEX `questionnaires_tenant_status` ON `questionnaires` (`tenant_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaires_request_key` ON `questionnaires` (`tenant_id`,`request_key`);--> statement-breakpoint
-- Work the in-memory queue of earlier versions lost in a crash: questionnaires left queued or
-- processing and webhook deliveries left pending get a durable job each, so they finish.
INSERT INTO `jobs` (`id`, `tenant_id`, `type`, `lane`, `payload`, `dedupe_key`, `state`, `priority`, `attempts`, `max_attempts`, `run_at`, `created_at`, `updated_at`)
SELECT 'job_' || lower(hex(randomblob(10))), `tenant_id`, 'questionnaire.process', 'process',
       json_object('type', 'questionnaire.process', 'tenantId', `tenant_id`, 'questionnaireId', `id`),
       'questionnaire.process:' || `id`, 'queued', 0, 0, 3, `updated_at`, `updated_at`, `updated_at`
FROM `questionnaires` WHERE `status` IN ('queued', 'processing');--> statement-breakpoint
INSERT INTO `jobs` (`id`, `tenant_id`, `type`, `lane`, `payload`, `dedupe_key`, `state`, `priority`, `attempts`, `max_attempts`, `run_at`, `created_at`, `updated_at`)
SELECT 'job_' || lower(hex(randomblob(10))), `tenant_id`, 'webhook.deliver', 'webhooks',
       json_object('type', 'webhook.deliver', 'tenantId', `tenant_id`, 'deliveryId', `id`),
       NULL, 'queued', 0, 0, 20, coalesce(`next_attempt_at`, `updated_at`), `updated_at`, `updated_at`
FROM `webhook_deliveries` WHERE `status` = 'pending';
