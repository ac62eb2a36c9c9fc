-- A database as untrain left it before member reports (schema 3), written by that untrain over the protocol
-- (sqlite3 .dump): the input of store_migration_test.cc, which holds the migration to an unchanged status.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE events (
  seq              INTEGER PRIMARY KEY,
  recorded         INTEGER NOT NULL,
  time             INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  action           TEXT NOT NULL,
  source           TEXT NOT NULL,
  platform         TEXT NOT NULL,
  account          TEXT NOT NULL,
  setting          TEXT NOT NULL,
  value            INTEGER CHECK (value IN (0, 1)),
  previous         INTEGER CHECK (previous IN (0, 1)),
  url              TEXT NOT NULL,
  detail           TEXT NOT NULL,
  untrain_version  TEXT NOT NULL,
  rules_version    TEXT NOT NULL,
  prev_hash        TEXT NOT NULL,
  hash             TEXT NOT NULL
);
INSERT INTO events VALUES(1,1795958740471,1780000000000,'observation','first-seen','page-load','linkedin','jane-doe','ai-training',1,NULL,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','0000000000000000000000000000000000000000000000000000000000000000','73bd7c525a2b1a31b140070d35b6b010fad2eb15b25276a0e524ae0c550c548a');
INSERT INTO events VALUES(2,1795958740473,1780003600000,'observation','check','page-load','linkedin','jane-doe','ai-training',1,1,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','73bd7c525a2b1a31b140070d35b6b010fad2eb15b25276a0e524ae0c550c548a','4c99f5ccf70a4209e239a39dff8da3b35e4b61f6dc99496166c475a57efc7157');
INSERT INTO events VALUES(3,1795958740479,1780007200000,'observation','change','user-change','linkedin','jane-doe','ai-training',0,1,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','4c99f5ccf70a4209e239a39dff8da3b35e4b61f6dc99496166c475a57efc7157','372a082ac88cf47aaed6ca08a05ade5fed31d683b70f4d131ea872dfcb7d6e4a');
INSERT INTO events VALUES(4,1795958740483,1780010800000,'observation','check','page-load','linkedin','jane-doe','ai-training',0,0,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','372a082ac88cf47aaed6ca08a05ade5fed31d683b70f4d131ea872dfcb7d6e4a','b6958a786b6df2ab6204a4f4347a8b121c701f3a9d0ed9e15c82d88a126a6821');
INSERT INTO events VALUES(5,1795958740491,1780001800000,'observation','change','page-load','linkedin','jane-doe','ai-training',1,0,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','b6958a786b6df2ab6204a4f4347a8b121c701f3a9d0ed9e15c82d88a126a6821','6925bef6c61ee013c3f1abd873a38153e808e9bf6c9a128485a746f5d9df8c82');
INSERT INTO events VALUES(6,1795958740495,1780000000000,'observation','first-seen','page-load','linkedin','jane-doe','research',1,NULL,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','6925bef6c61ee013c3f1abd873a38153e808e9bf6c9a128485a746f5d9df8c82','26e539fbf880b67f03016ca5c026ddf0228d20b68873277b82b76b6007f3a09f');
INSERT INTO events VALUES(7,1795958740499,1780018000000,'observation','check','page-load','linkedin','jane-doe','research',1,1,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','26e539fbf880b67f03016ca5c026ddf0228d20b68873277b82b76b6007f3a09f','d5606125484f44cf6bd1436d69ebc19ca91c4bb3db2a7f901ee4105ab6f359dc');
INSERT INTO events VALUES(8,1795958740503,1780018000000,'observation','change','assisted','linkedin','jane-doe','research',0,1,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','d5606125484f44cf6bd1436d69ebc19ca91c4bb3db2a7f901ee4105ab6f359dc','7f8d5440d1e0f80f97e0d1979fdd0a8c4a498b393a19a469318c254cc20cc10e');
INSERT INTO events VALUES(9,1795958740507,1780014400000,'observation','first-seen','page-load','linkedin','','ai-training',1,NULL,'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement','','0.1.0','2026-11-28','7f8d5440d1e0f80f97e0d1979fdd0a8c4a498b393a19a469318c254cc20cc10e','48250954c90dd16a987f61ce3d099415902436f0f3967e4eb60e0a3a8759f976');
INSERT INTO events VALUES(10,1795958740511,1780017999999,'nudge','snoozed','banner','linkedin','jane-doe','research',NULL,NULL,'','{"until":1780108000000,"verdict":"on-by-default"}','0.1.0','2026-11-28','48250954c90dd16a987f61ce3d099415902436f0f3967e4eb60e0a3a8759f976','9534d9a54f46dd7c3b034288de20800b3197269a93623c3a7b1af8aa78c1ebab');
INSERT INTO events VALUES(11,1795958740515,1780014400001,'nudge','dismissed','banner','linkedin','','ai-training',NULL,NULL,'','{"verdict":"on-by-default"}','0.1.0','2026-11-28','9534d9a54f46dd7c3b034288de20800b3197269a93623c3a7b1af8aa78c1ebab','e7cc9682b1ad1d450804d5ca1eff3e54a79e74e7dbe7ebf04a33780aa3f41183');
INSERT INTO events VALUES(12,1795958740522,1780021600000,'form','sent','popup','linkedin','jane-doe','',NULL,NULL,'','{"form":"objection-form","sent_on":"2026-05-29"}','0.1.0','2026-11-28','e7cc9682b1ad1d450804d5ca1eff3e54a79e74e7dbe7ebf04a33780aa3f41183','678ab6c12b4ac9e3f228bd51d333a65f4ff82fe906e504a7592f45656561278e');
CREATE TABLE current_state (
  platform      TEXT NOT NULL,
  account       TEXT NOT NULL,
  setting       TEXT NOT NULL,
  value         INTEGER NOT NULL,
  first_value   INTEGER NOT NULL,
  first_seen    INTEGER NOT NULL,
  last_checked  INTEGER NOT NULL,
  last_changed  INTEGER,
  PRIMARY KEY (platform, account, setting)
) WITHOUT ROWID;
INSERT INTO current_state VALUES('linkedin','','ai-training',1,1,1780014400000,1780014400000,NULL);
INSERT INTO current_state VALUES('linkedin','jane-doe','ai-training',0,1,1780000000000,1780010800000,1780007200000);
INSERT INTO current_state VALUES('linkedin','jane-doe','research',0,1,1780000000000,1780018000000,1780018000000);
CREATE TABLE nudge_state (
  platform           TEXT NOT NULL,
  account            TEXT NOT NULL,
  setting            TEXT NOT NULL,
  snoozed_until      INTEGER,
  dismissed_verdict  TEXT,
  dismissed_value    INTEGER CHECK (dismissed_value IN (0, 1)),
  dismissed_changed  INTEGER,
  PRIMARY KEY (platform, account, setting)
) WITHOUT ROWID;
INSERT INTO nudge_state VALUES('linkedin','','ai-training',NULL,'on-by-default',1,NULL);
INSERT INTO nudge_state VALUES('linkedin','jane-doe','research',1780108000000,NULL,NULL,NULL);
CREATE TABLE form_state (
  platform  TEXT NOT NULL,
  account   TEXT NOT NULL,
  form      TEXT NOT NULL,
  sent_on   TEXT NOT NULL,
  recorded  INTEGER NOT NULL,
  PRIMARY KEY (platform, account, form)
) WITHOUT ROWID;
INSERT INTO form_state VALUES('linkedin','jane-doe','objection-form','2026-05-29',1795958740522);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be changed'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be deleted'); END;
COMMIT;
PRAGMA user_version = 3;
