CREATE TABLE `answer_insights` (
	`tenant_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`ref` integer NOT NULL,
	`insight` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `questionnaire_id`, `ref`)
);
--> statement-breakpoint
ALTER TABLE `answers` ADD `insight_ref` integer;--> statement-breakpoint
-- Existing rows: each distinct insight of a questionnaire stored once (numbered from 0 in text
-- order), every answer pointed at its own, so each answer's insight reads back as it was saved.
INSERT INTO `answer_insights` (`tenant_id`, `questionnaire_id`, `ref`, `insight`)
SELECT `tenant_id`, `questionnaire_id`,
	row_number() OVER (PARTITION BY `tenant_id`, `questionnaire_id` ORDER BY `insight`) - 1, `insight`
FROM (SELECT DISTINCT `tenant_id`, `questionnaire_id`, `insight` FROM `answers` WHERE `insight` IS NOT NULL);--> statement-breakpoint
UPDATE `answers` SET `insight_ref` = (
	SELECT i.`ref` FROM `answer_insights` i
	WHERE i.`tenant_id` = `answers`.`tenant_id` AND i.`questionnaire_id` = `answers`.`questionnaire_id` AND i.`insight` = `answers`.`insight`
) WHERE `insight` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `answers` DROP COLUMN `insight`;
