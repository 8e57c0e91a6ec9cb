-- The user store (server/store/): what people typed or did, kept in its own DuckDB file (HAMKOR_STATE) so that no
-- rebuild or import of the analytics database can touch it. Every statement is IF NOT EXISTS: the server runs this
-- file at every start, so a store made by an older release gains what it lacks and loses nothing. Times are UTC.
-- Editable objects carry `version` (bumped by every change) with who changed them last and when.

CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE SEQUENCE IF NOT EXISTS account_ids START 1;
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY DEFAULT nextval('account_ids'),
  username VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  region_soato VARCHAR,               -- region heads
  district_soato VARCHAR,             -- district heads, planners, analysts
  inspector_id INTEGER,               -- inspectors: their own territory
  password_hash VARCHAR NOT NULL,     -- scrypt$N$r$p$salt$hash (server/auth/passwords.ts)
  disabled BOOLEAN NOT NULL,
  failed_logins INTEGER NOT NULL,
  locked_until TIMESTAMP,
  created_at TIMESTAMP NOT NULL,
  version INTEGER NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

-- Sessions of people (kind 'account') and of kiosks (kind 'kiosk', subject = kiosk token id); only a hash of the
-- session token is kept, so a copy of this file signs nobody in.
CREATE TABLE IF NOT EXISTS sessions (
  token_hash VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  subject INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL,
  last_seen_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS kiosk_ids START 1;
CREATE TABLE IF NOT EXISTS kiosk_tokens (
  id INTEGER PRIMARY KEY DEFAULT nextval('kiosk_ids'),
  name VARCHAR NOT NULL,
  playlist_id INTEGER NOT NULL,
  token_hash VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL,
  revoked_at TIMESTAMP
);

-- Append-only: the store offers no update or delete of these rows.
CREATE SEQUENCE IF NOT EXISTS audit_ids START 1;
CREATE TABLE IF NOT EXISTS audit (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'),
  happened_at TIMESTAMP NOT NULL,
  account_id INTEGER,
  username VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  area VARCHAR NOT NULL,
  params VARCHAR NOT NULL,
  status INTEGER NOT NULL,
  ip VARCHAR NOT NULL
);

-- Model cooperation plans: for a district and a period, the joint actions each inspector must hold with each service,
-- by type. Fulfilment is never stored: it is counted from the analytics database's joint actions when a plan is read.
CREATE SEQUENCE IF NOT EXISTS plan_ids START 1;
CREATE TABLE IF NOT EXISTS plans (
  id INTEGER PRIMARY KEY DEFAULT nextval('plan_ids'),
  name VARCHAR NOT NULL,
  district_soato VARCHAR NOT NULL,
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,            -- inclusive
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL,
  copied_from INTEGER,                -- the plan this one was copied from as a template (it may since be deleted)
  version INTEGER NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS plan_items (
  plan_id INTEGER NOT NULL,
  inspector_id INTEGER NOT NULL,
  service VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  required INTEGER NOT NULL
);

-- A deleted plan that had recorded fulfilment, as it stood when deleted (plan, items and fulfilment as JSON).
CREATE TABLE IF NOT EXISTS plans_archive (
  plan_id INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  district_soato VARCHAR NOT NULL,
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,
  archived_at TIMESTAMP NOT NULL,
  archived_by VARCHAR NOT NULL,
  snapshot VARCHAR NOT NULL
);

-- Wall-screen playlists; `slides` is a JSON array of { kind, dwellS, caption } (server/contract/playlists.ts).
CREATE SEQUENCE IF NOT EXISTS playlist_ids START 1;
CREATE TABLE IF NOT EXISTS playlists (
  id INTEGER PRIMARY KEY DEFAULT nextval('playlist_ids'),
  name VARCHAR NOT NULL,
  district_soato VARCHAR,             -- NULL = the whole area
  period VARCHAR NOT NULL,            -- 7d, 4w or 2026-10-01..2026-10-31
  slides VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

-- Territory plan versions, one district each: which post (an inspector's, or a vacant one) covers each mahalla. A
-- version is drawn as a draft, submitted, and approved by the district head's order, which puts it in force from
-- `effective_from` until the next approved version of the district takes over. The plan the analytics database held
-- when this store first met it is kept as each district's version 1 (approved, order not recorded), so no rebuild of
-- that database changes which plan was in force.
CREATE SEQUENCE IF NOT EXISTS territory_version_ids START 1;
CREATE TABLE IF NOT EXISTS territory_versions (
  id INTEGER PRIMARY KEY DEFAULT nextval('territory_version_ids'),
  district_soato VARCHAR NOT NULL,
  number INTEGER NOT NULL,            -- 1, 2, … within the district, as people call them
  name VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  status VARCHAR NOT NULL,            -- draft, submitted, approved (server/contract/territories.ts)
  parent_id INTEGER,                  -- the version this one was copied from (it may since be deleted)
  order_number VARCHAR,               -- the approving order (buyruq); NULL until approved, or not recorded
  order_date DATE,
  effective_from DATE,                -- approved: in force from this day
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

-- The posts of a version: `post` is its number within the version (kept by copies); inspector NULL = vacant.
CREATE TABLE IF NOT EXISTS territory_posts (
  version_id INTEGER NOT NULL,
  post INTEGER NOT NULL,
  inspector_id INTEGER,
  label VARCHAR
);

-- Which post covers each mahalla; a mahalla of the district without a row is unassigned in that version.
CREATE TABLE IF NOT EXISTS territory_assignments (
  version_id INTEGER NOT NULL,
  mahalla_id INTEGER NOT NULL,
  post INTEGER NOT NULL
);

-- Every step of a version's workflow with who took it, when and why (append-only: the store offers no update).
CREATE TABLE IF NOT EXISTS territory_transitions (
  version_id INTEGER NOT NULL,
  happened_at TIMESTAMP NOT NULL,
  done_by VARCHAR NOT NULL,
  action VARCHAR NOT NULL,            -- seed, create, submit, return, approve, delete
  from_status VARCHAR,
  to_status VARCHAR NOT NULL,
  reason VARCHAR NOT NULL
);
