-- Roles say what they let their holders do, in both languages.
ALTER TABLE roles ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE roles ADD COLUMN description_fr TEXT NOT NULL DEFAULT '';
