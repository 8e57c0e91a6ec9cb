// The version of data/schema.sql that a database was built with (stored in its meta table as `schema_version`).
// Bump it whenever schema.sql or what the generator writes changes, so `npm start` rebuilds an old demo database
// instead of serving one that lacks a table or column (e.g. the H3 cells of version 2, the plans of version 3).
// Version 5: records may lack a point (lon, lat, h3 NULL). Version 6: names are stored with one apostrophe each (ʻ after
// o/g, ʼ else; server/shared/uz-names.ts). data/import/schema-upgrade.ts upgrades a version 4 or 5 in place.
// Version 7: weekly counts per mahalla (incident_weeks, application_weeks), which the upgrade builds from the records.
// Version 8: official names of regions and districts (name_uz_cyrl added, name_ru filled from data/geo/uz_official_names.csv).
export const SCHEMA_VERSION = 8;
