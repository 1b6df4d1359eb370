CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`body_hash` text NOT NULL,
	`status` integer,
	`response_body` text,
	`content_type` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_status_code` integer,
	`last_error` text,
	`next_attempt_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_subscription` ON `webhook_deliveries` (`tenant_id`,`subscription_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`description` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_tenant` ON `webhook_subscriptions` (`tenant_id`);--> statement-breakpoint
DROP INDEX `customers_tenant`;--> statement-breakpoint
CREATE INDEX `customers_tenant` ON `customers` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `questionnaires_tenant_created`;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `nda_until` text;--> statement-breakpoint
CREATE INDEX `questionnaires_tenant_created` ON `questionnaires` (`tenant_id`,`created_at`,`id`);