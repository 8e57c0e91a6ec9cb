-- Hamkor database schema: the single source of table definitions (DuckDB).
-- Codes in the ENUM types must match server/contract/catalog.ts (test/data/schema.test.ts checks it).
-- Coordinates are WGS84 lon/lat degrees; geometries are GeoJSON text (no spatial extension offline).
-- Timestamps are local Tashkent time (UTC+5, no DST) stored without a zone.

CREATE TYPE incident_category AS ENUM ('person', 'property', 'fraud', 'drugs', 'trafficking', 'organised',
  'extremism', 'hooliganism', 'traffic', 'domestic', 'wanted_found', 'missing_person');
CREATE TYPE incident_status AS ENUM ('registered', 'solved', 'unsolved');
CREATE TYPE service_code AS ENUM ('duty_unit', 'criminal_investigation', 'investigation', 'inquiry',
  'operational_search', 'forensics', 'migration', 'traffic_safety', 'juvenile', 'patrol');
CREATE TYPE registry AS ENUM ('form1', 'form2', 'alphabetical');
CREATE TYPE application_channel AS ENUM ('in_person', 'written', 'phone', 'online', 'hotline');
CREATE TYPE receiver AS ENUM ('duty_unit', 'inspector', 'service');
CREATE TYPE applicant_kind AS ENUM ('citizen', 'legal_entity');
CREATE TYPE application_status AS ENUM ('open', 'resolved');
CREATE TYPE joint_action_type AS ENUM ('joint_raid', 'joint_patrol', 'preventive_talk', 'wanted_search',
  'migration_check', 'traffic_event', 'school_family_meeting');

-- Key/value facts about this database: scale, seed, build time, data period.
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE regions (
  soato VARCHAR PRIMARY KEY,          -- 4 digits, e.g. 1726 Tashkent city
  name_uz VARCHAR NOT NULL,
  name_ru VARCHAR,
  name_en VARCHAR,
  geometry VARCHAR NOT NULL,          -- GeoJSON Polygon/MultiPolygon
  name_uz_cyrl VARCHAR                -- official Cyrillic Uzbek name (name_ru too); last: schema 8 added it
);

CREATE TABLE districts (
  soato VARCHAR PRIMARY KEY,          -- 7 digits, e.g. 1726294 Chilonzor
  region_soato VARCHAR NOT NULL,
  name_uz VARCHAR NOT NULL,
  name_ru VARCHAR,
  name_en VARCHAR,
  area_km2 DOUBLE NOT NULL,
  source VARCHAR NOT NULL,            -- 'osm' | 'ocha'
  geometry VARCHAR NOT NULL,
  name_uz_cyrl VARCHAR                -- official names (data/geo/uz_official_names.csv); NULL: the UI transliterates
);

CREATE TABLE mahallas (
  id INTEGER PRIMARY KEY,
  code VARCHAR NOT NULL UNIQUE,       -- 10 digits: district SOATO + 3
  name VARCHAR NOT NULL,
  district_soato VARCHAR NOT NULL,
  population INTEGER NOT NULL,
  households INTEGER NOT NULL,
  area_km2 DOUBLE NOT NULL,
  centroid_lon DOUBLE NOT NULL,
  centroid_lat DOUBLE NOT NULL,
  synthetic BOOLEAN NOT NULL,         -- true for generated demo boundaries
  geometry VARCHAR NOT NULL
);

-- Queen contiguity computed at ingest; shared_m = 0 where two mahallas touch only at a corner.
CREATE TABLE mahalla_adjacency (a INTEGER NOT NULL, b INTEGER NOT NULL, shared_m DOUBLE NOT NULL, PRIMARY KEY (a, b));

CREATE TABLE base_points (
  id INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL,
  district_soato VARCHAR NOT NULL,
  mahalla_id INTEGER,
  lon DOUBLE NOT NULL,
  lat DOUBLE NOT NULL
);

CREATE TABLE inspectors (
  id INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL,
  rank VARCHAR NOT NULL,
  district_soato VARCHAR NOT NULL,
  base_point_id INTEGER NOT NULL
);

-- Current territory: each mahalla has at most one inspector (a missing row = unassigned mahalla).
CREATE TABLE territory_assignment (
  mahalla_id INTEGER PRIMARY KEY,
  inspector_id INTEGER NOT NULL,
  since DATE NOT NULL
);

CREATE TABLE services (code service_code PRIMARY KEY, name VARCHAR NOT NULL, sort INTEGER NOT NULL);

-- Fact tables are loaded sorted by time so date-range filters skip row groups (zone maps).
CREATE TABLE incidents (
  id INTEGER NOT NULL,
  ts TIMESTAMP NOT NULL,
  lon DOUBLE,                         -- NULL with lat and h3: imported with only a mahalla code (no point on maps)
  lat DOUBLE,
  mahalla_id INTEGER NOT NULL,
  category incident_category NOT NULL,
  status incident_status NOT NULL,
  h3 UBIGINT                          -- H3 cell at resolution 9 (coarser parents by bit masks: server/geo/h3-bits.ts)
);

CREATE TABLE applications (
  id INTEGER NOT NULL,
  received_at TIMESTAMP NOT NULL,
  lon DOUBLE,                         -- NULL with lat and h3: as for incidents
  lat DOUBLE,
  mahalla_id INTEGER NOT NULL,
  applicant applicant_kind NOT NULL,
  channel application_channel NOT NULL,
  registry registry NOT NULL,
  received_by receiver NOT NULL,
  service service_code,               -- the service it was passed to; NULL = kept by the prevention inspector
  status application_status NOT NULL,
  resolved_at TIMESTAMP,              -- NULL while open
  h3 UBIGINT                          -- H3 cell at resolution 9, as for incidents
);

CREATE TABLE joint_actions (
  id INTEGER NOT NULL,
  day DATE NOT NULL,
  mahalla_id INTEGER NOT NULL,
  inspector_id INTEGER NOT NULL,
  type joint_action_type NOT NULL,
  persons_checked INTEGER NOT NULL,
  offences_found INTEGER NOT NULL,
  wanted_found INTEGER NOT NULL
);

CREATE TABLE joint_action_services (action_id INTEGER NOT NULL, service service_code NOT NULL);

-- Monthly counts per mahalla by every filter a card can apply, written once the records are loaded: a mahalla's
-- three-year trend reads a few hundred rows instead of scanning three years of records (server/services/mahallas/card.ts).
CREATE TABLE incident_months (
  mahalla_id INTEGER NOT NULL,
  month DATE NOT NULL,
  category incident_category NOT NULL,
  status incident_status NOT NULL,
  n INTEGER NOT NULL
);
CREATE TABLE application_months (
  mahalla_id INTEGER NOT NULL,
  month DATE NOT NULL,
  registry registry NOT NULL,
  received_by receiver NOT NULL,
  n INTEGER NOT NULL
);
-- Weekly counts per mahalla (weeks Sunday to Saturday, `week` its Sunday) by the same filters, sorted by week: the
-- emerging hot spots read these instead of grouping every record of three years (server/db/aggregates.ts keeps them).
CREATE TABLE incident_weeks (
  mahalla_id INTEGER NOT NULL,
  week DATE NOT NULL,
  category incident_category NOT NULL,
  status incident_status NOT NULL,
  n INTEGER NOT NULL
);
CREATE TABLE application_weeks (
  mahalla_id INTEGER NOT NULL,
  week DATE NOT NULL,
  registry registry NOT NULL,
  received_by receiver NOT NULL,
  n INTEGER NOT NULL
);

-- Boundary versions (data/import/boundaries/versions.ts): every imported set of polygons is kept with its file and
-- checksum; version 0 holds the boundaries in force before the first import of a level. Districts and regions are
-- keyed by code (id 0). A database built before these tables existed gains them on its first boundary import.
CREATE TABLE boundary_versions (
  version INTEGER PRIMARY KEY,
  level VARCHAR NOT NULL,             -- 'mahallas' | 'districts' | 'regions'
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL,
  features INTEGER NOT NULL,
  added INTEGER NOT NULL,
  retired INTEGER NOT NULL,
  moved INTEGER NOT NULL              -- records placed in another mahalla by this version
);
CREATE TABLE boundary_geometries (
  version INTEGER NOT NULL,
  id INTEGER NOT NULL,
  code VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  parent VARCHAR NOT NULL,            -- district SOATO of a mahalla, region SOATO of a district
  geometry VARCHAR NOT NULL,
  PRIMARY KEY (version, code)
);
-- A mahalla's id stays with its code for good: a retired code keeps its id (and gets it back if it returns).
CREATE TABLE mahalla_ids (
  code VARCHAR PRIMARY KEY,
  id INTEGER NOT NULL UNIQUE,
  first_version INTEGER NOT NULL,
  retired_version INTEGER             -- NULL while in force
);

-- Plans, their archive and wall-screen playlists are not here: what people type lives in the user store
-- (data/state-schema.sql), which no rebuild of this database touches.
