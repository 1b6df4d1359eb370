CREATE TABLE `freshness_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`message` text NOT NULL,
	`details` text,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `freshness_findings_key` ON `freshness_findings` (`tenant_id`,`key`);--> statement-breakpoint
CREATE INDEX `freshness_findings_owner` ON `freshness_findings` (`tenant_id`,`owner`);--> statement-breakpoint
CREATE TABLE `library_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`owner` text NOT NULL,
	`answers` text NOT NULL,
	`message` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `library_conflicts_entry` ON `library_conflicts` (`tenant_id`,`entry_id`,`status`);--> statement-breakpoint
ALTER TABLE `answers` ADD `on_request` text;--> statement-breakpoint
ALTER TABLE `answers` ADD `entry_ids` text;