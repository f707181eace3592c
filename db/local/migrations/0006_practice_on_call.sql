-- Who takes the practice's patients when it is closed (its on-call doctor, or the regional service): JSON, null when not set.
ALTER TABLE `practice` ADD `on_call` text;
