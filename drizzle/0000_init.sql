CREATE TABLE `answer_history` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`answer_id` text NOT NULL,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `answer_history_answer` ON `answer_history` (`tenant_id`,`answer_id`,`at`);--> statement-breakpoint
CREATE TABLE `answers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`status` text NOT NULL,
	`value` text,
	`text` text,
	`confidence` real NOT NULL,
	`entry_id` text,
	`controls` text NOT NULL,
	`citations` text NOT NULL,
	`withheld` text NOT NULL,
	`alternatives` text NOT NULL,
	`notes` text NOT NULL,
	`matched_terms` text NOT NULL,
	`assignee` text,
	`reviewer` text,
	`reviewed_at` text,
	`reject_reason` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `answers_questionnaire` ON `answers` (`tenant_id`,`questionnaire_id`,`status`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`name` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`last_used_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_prefix` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE INDEX `api_keys_tenant` ON `api_keys` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`actor` text NOT NULL,
	`key_id` text,
	`action` text NOT NULL,
	`subject` text NOT NULL,
	`details` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_tenant_at` ON `audit_log` (`tenant_id`,`at`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`nda_on_file` integer NOT NULL,
	`nda_signed_on` text,
	`nda_until` text,
	`crm_system` text,
	`crm_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_tenant` ON `customers` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `library_artifacts` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `library_controls` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `library_entries` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`topic` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`customer_id` text,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`status` text NOT NULL,
	`failure` text,
	`blob_key` text NOT NULL,
	`hints` text,
	`region` text NOT NULL,
	`nda_on_file` integer NOT NULL,
	`as_of` text NOT NULL,
	`summary` text,
	`warnings` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `questionnaires_tenant_created` ON `questionnaires` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`source_id` text,
	`section` text,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`allowed_values` text,
	`sheet` text,
	`row` integer,
	`answer_cell` text,
	`comment_cell` text,
	`existing_answer` text
);
--> statement-breakpoint
CREATE INDEX `questions_questionnaire` ON `questions` (`tenant_id`,`questionnaire_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
