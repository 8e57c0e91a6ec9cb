// The closed set of issue codes (contract/issues.ts), one table per area, each code with the names of the parameters
// its message takes (ICU arguments of `apiError.<code>` in every locale: test/web/api-error.test.ts).

/** Request validation: zod issues (server/routes/validate.ts), the contract's refinements and the web's own forms. */
const REQUEST = {
  required: [],
  empty: [],
  too_short: ['min'],
  too_long: ['max'],
  too_few: ['min'],
  too_many: ['max'],
  too_small: ['min'],
  not_positive: [],
  too_big: ['max'],
  not_number: [],
  not_whole: [],
  not_boolean: [],
  not_list: [],
  wrong_type: [],
  not_one_of: ['allowed'],
  invalid_format: [],
  invalid_date: [],
  date_out_of_range: ['min', 'max'],
  date_order: [],
  period_too_long: ['max'],
  invalid_id: [],
  invalid_district: [],
  invalid_username: [],
  duplicate_item: [],
  role_field_required: ['role'],
  role_field_excluded: ['role'],
  not_json: [],
  too_large: ['max'],
  out_of_range: ['min', 'max'],
  too_few_letters: ['min'],
  invalid_bbox: [],
  invalid_period: [],
  from_and_to: [],
  no_route: [],
} as const;

/** Sign-in, sessions, roles, areas, and the Host and Origin checks of every request (server/http/security.ts). */
const ACCESS = {
  signin_failed: [],
  signin_throttled: ['seconds'],
  account_locked: ['attempts', 'minutes'],
  account_disabled: [],
  kiosk_link_invalid: [],
  session_ended: [],
  role_forbidden: [],
  outside_area: [],
  wrong_current_password: [],
  own_admin_role: [],
  host_refused: ['host'],
  cross_site: [],
} as const;

/** Objects the user names, and changes to them. */
const OBJECTS = {
  not_found: ['what'],
  unknown_reference: ['what', 'id'],
  wrong_district: ['what', 'id', 'district', 'expected'],
  name_taken: [],
  stale_version: ['by', 'at', 'version'],
  last_playlist: [],
  confirm_recorded: ['name', 'recorded', 'verb'],
} as const;

/** Hot-spot analysis: trends, scans and hexagons asked of a period or an area they cannot work on. */
const ANALYSIS = {
  trend_too_short: ['bin', 'min', 'bins'],
  emerging_too_short: ['min', 'weeks'],
  scan_too_large: ['share', 'mahallas'],
  resolution_too_fine: ['res', 'max'],
} as const;

/** Territory versions: their content, and the steps of draft → submitted → approved. */
const TERRITORIES = {
  not_draft: ['number', 'status'],
  effective_too_early: ['date'],
  replaces_unseen: ['number', 'unseen', 'date'],
  map_changed: [],
  post_repeated: ['post'],
  inspector_has_post: ['inspector', 'post'],
  mahalla_assigned_twice: ['mahalla'],
  post_unknown: ['post'],
  order_after_effective: ['date'],
  version_other_district: ['number', 'district', 'expected'],
  submit_not_draft: ['number', 'status'],
  already_draft: ['number'],
  stays_on_record: ['number', 'phase', 'date'],
  approve_draft: ['number'],
  already_approved: ['number', 'date'],
  approver_only: ['number'],
} as const;

/** Imports: uploads, the mapping of a file's columns or fields, and runs. */
const IMPORTS = {
  upload_missing: [],
  file_empty: [],
  file_too_large: ['max'],
  no_header_row: ['file'],
  no_features: ['file'],
  file_unreadable: ['file'],
  wrong_extension: ['allowed'],
  boundary_only: [],
  records_only: [],
  not_a_table: [],
  mapping_unknown_column: ['column'],
  mapping_no_codes: ['column'],
  mapping_unknown_code: ['code', 'allowed'],
  mapping_field_missing: ['field'],
  columns_missing: ['columns', 'headers'],
  import_run_missing: [],
  import_file_missing: ['what'],
} as const;

/** Rows of an imported table refused one by one, as the import page's report lists them (data/import/**). */
const IMPORT_ROWS = {
  not_date_time: [],
  outside_degrees: ['limit'],
  unknown_label: [],
  row_width: ['fields', 'width'],
  coordinate_missing: ['given'],
  no_place: [],
  unknown_mahalla_code: [],
  outside_mahallas: [],
  mahalla_mismatch: ['code', 'found'],
  duplicate_row_id: ['row'],
  resolved_empty: [],
  resolved_while_open: [],
  resolved_before_received: [],
} as const;

/**
 * Boundary files (data/import/boundaries/**) refused whole or feature by feature, and the rows of the staff, base-point
 * and territory tables (data/import/reference.ts, territory.ts) refused for what the database lacks.
 */
const IMPORT_SHAPES = {
  boundary_code_format: ['level', 'digits'],
  duplicate_feature: ['row'],
  unknown_parent: ['level', 'value'],
  not_count: [],
  no_geometry: [],
  not_polygon: [],
  no_rings: [],
  ring_too_short: [],
  ring_not_closed: [],
  ring_crosses: ['lon', 'lat'],
  outside_uzbekistan: ['lon', 'lat', 'crs'],
  not_json_file: [],
  not_feature_collection: [],
  no_prj: [],
  kmz_no_kml: [],
  zip_shp_count: ['count'],
  crs_unsupported: ['crs'],
  prj_unsupported: ['kind', 'detail'],
  duplicate_mahalla: ['row'],
  unknown_district_code: [],
  unknown_inspector: ['how'],
} as const;

/** The server's own state. */
const SERVER = {
  unavailable: [],
  stale_database: [],
  internal: [],
} as const;

/** Every issue code, with the names of the parameters its message takes. */
export const ISSUE_PARAMS = {
  ...REQUEST,
  ...ACCESS,
  ...OBJECTS,
  ...ANALYSIS,
  ...TERRITORIES,
  ...IMPORTS,
  ...IMPORT_ROWS,
  ...IMPORT_SHAPES,
  ...SERVER,
} as const satisfies Record<string, readonly string[]>;
