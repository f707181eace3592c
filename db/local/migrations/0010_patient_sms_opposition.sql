-- A patient's opposition to SMS, synced with the row (issue 17); patients synced before the upgrade have none.
ALTER TABLE `patient` ADD `sms_opposition` integer DEFAULT false NOT NULL;