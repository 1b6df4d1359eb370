CREATE TABLE `questionnaire_insights` (
	`tenant_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`buyer` text NOT NULL,
	`asked_on` text NOT NULL,
	`region` text NOT NULL,
	`nda_in_force` integer NOT NULL,
	`questions` integer NOT NULL,
	`frameworks` text NOT NULL,
	`soc2_types` text NOT NULL,
	`iso_editions` text NOT NULL,
	`withheld` text NOT NULL,
	`controls` text NOT NULL,
	`unevidenced` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `questionnaire_id`)
);
--> statement-breakpoint
CREATE INDEX `questionnaire_insights_asked` ON `questionnaire_insights` (`tenant_id`,`asked_on`);--> statement-breakpoint
ALTER TABLE `answers` ADD `insight` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `deal_stage` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `deal_amount` real;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `deal_stage` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `deal_amount` real;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `drafted_at` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `approved_at` text;