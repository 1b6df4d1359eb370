ALTER TABLE `questionnaires` ADD `llm_usage` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `llm_bulk` text;