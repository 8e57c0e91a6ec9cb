// The closed vocabularies of Hamkor, shared by schema checks, generator, API validation and UI labels.
// Codes are stable identifiers stored in DuckDB ENUM columns (data/schema.sql must list the same codes, in order).

/** Incident categories, as the prevention service reports them. */
export const INCIDENT_CATEGORIES = [
  'person',
  'property',
  'fraud',
  'drugs',
  'trafficking',
  'organised',
  'extremism',
  'hooliganism',
  'traffic',
  'domestic',
  'wanted_found',
  'missing_person',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  person: 'Crimes against the person',
  property: 'Property crimes',
  fraud: 'Fraud',
  drugs: 'Drugs',
  trafficking: 'Human trafficking',
  organised: 'Organised crime',
  extremism: 'Extremism / terrorism',
  hooliganism: 'Hooliganism',
  traffic: 'Traffic',
  domestic: 'Domestic violence',
  wanted_found: 'Wanted person found',
  missing_person: 'Missing person',
};

export const INCIDENT_STATUSES = ['registered', 'solved', 'unsolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  registered: 'Registered',
  solved: 'Solved',
  unsolved: 'Unsolved',
};

/** Sectoral services that cooperate with prevention inspectors (the duty unit included). */
export const SERVICES = [
  'duty_unit',
  'criminal_investigation',
  'investigation',
  'inquiry',
  'operational_search',
  'forensics',
  'migration',
  'traffic_safety',
  'juvenile',
  'patrol',
] as const;
export type ServiceCode = (typeof SERVICES)[number];

export const SERVICE_LABELS: Record<ServiceCode, string> = {
  duty_unit: 'Duty unit',
  criminal_investigation: 'Criminal investigation & counter-terrorism/extremism',
  investigation: 'Investigation',
  inquiry: 'Inquiry',
  operational_search: 'Operational search',
  forensics: 'Forensics',
  migration: 'Migration & citizenship registration',
  traffic_safety: 'Traffic safety',
  juvenile: 'Juvenile affairs',
  patrol: 'Patrol & public order',
};

/** Where an application is registered (national shares ≈ 17.8 / 43.6 / 38.6 %). */
export const REGISTRIES = ['form1', 'form2', 'alphabetical'] as const;
export type Registry = (typeof REGISTRIES)[number];
export const REGISTRY_LABELS: Record<Registry, string> = {
  form1: 'Form No. 1 book',
  form2: 'Form No. 2 journal',
  alphabetical: 'Alphabetical book',
};

export const APPLICATION_CHANNELS = ['in_person', 'written', 'phone', 'online', 'hotline'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/** Who received the application first: the duty unit takes about a fifth. */
export const RECEIVERS = ['duty_unit', 'inspector', 'service'] as const;
export type Receiver = (typeof RECEIVERS)[number];

export const APPLICANT_KINDS = ['citizen', 'legal_entity'] as const;
export const APPLICATION_STATUSES = ['open', 'resolved'] as const;

export const JOINT_ACTION_TYPES = [
  'joint_raid',
  'joint_patrol',
  'preventive_talk',
  'wanted_search',
  'migration_check',
  'traffic_event',
  'school_family_meeting',
] as const;
export type JointActionType = (typeof JOINT_ACTION_TYPES)[number];

export const JOINT_ACTION_LABELS: Record<JointActionType, string> = {
  joint_raid: 'Joint raid',
  joint_patrol: 'Joint patrol',
  preventive_talk: 'Preventive talk',
  wanted_search: 'Search for a wanted or missing person',
  migration_check: 'Migration-registration check',
  traffic_event: 'Traffic-safety event',
  school_family_meeting: 'School / family prevention meeting',
};

/**
 * The service a prevention inspector most needs beside him where a category of incidents concentrates: a hot spot of
 * these incidents with no recent joint action with this service is a cooperation gap. One service per category, so a
 * gap names whom to call. Why each:
 * - person, property, organised, extremism: criminal investigation & counter-terrorism/extremism solves and prevents
 *   serious crime against persons and property and runs the extremism and organised-crime lines;
 * - wanted_found, missing_person: searching for wanted and missing persons is criminal investigation's task (the
 *   demo's `wanted_search` actions always include it);
 * - drugs, trafficking: covert work on dealers and traffickers is operational search's;
 * - fraud: fraud cases are built by investigation (documents, accounts), not by street presence;
 * - hooliganism: public-order offences call for patrol & public order in the street;
 * - traffic: traffic safety;
 * - domestic: juvenile affairs works with families at risk and runs the school/family prevention meetings.
 */
export const RELEVANT_SERVICE: Record<IncidentCategory, ServiceCode> = {
  person: 'criminal_investigation',
  property: 'criminal_investigation',
  fraud: 'investigation',
  drugs: 'operational_search',
  trafficking: 'operational_search',
  organised: 'criminal_investigation',
  extremism: 'criminal_investigation',
  hooliganism: 'patrol',
  traffic: 'traffic_safety',
  domestic: 'juvenile',
  wanted_found: 'criminal_investigation',
  missing_person: 'criminal_investigation',
};

/** States of a plan item's fulfilment, best first (aggregates take the worst of their items). */
export const PLAN_STATES = ['done', 'on_track', 'behind', 'overdue'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  done: 'Done',
  on_track: 'On track',
  behind: 'Behind schedule',
  overdue: 'Overdue',
};

export const CHANNEL_LABELS: Record<ApplicationChannel, string> = {
  in_person: 'In person',
  written: 'Written',
  phone: 'Phone',
  online: 'Online',
  hotline: 'Hotline',
};
export const RECEIVER_LABELS: Record<Receiver, string> = {
  duty_unit: 'Duty unit',
  inspector: 'Prevention inspector',
  service: 'A service',
};
export const APPLICANT_LABELS: Record<(typeof APPLICANT_KINDS)[number], string> = {
  citizen: 'Citizen',
  legal_entity: 'Legal entity',
};

/**
 * Legal term for answering an application, calendar days from receipt. The Law "On appeals of individuals and legal
 * entities" (No. ZRU-445, 11 September 2017) gives 15 days where no extra study or checking is needed and up to one
 * month where it is. Our rule, since the records do not say which applies: an application the prevention inspector
 * keeps is one he can answer himself (15 days); one passed to a service needs that service's checking (30 days).
 * An application is overdue while it is still open after its term.
 */
export const APPLICATION_TERM_DAYS = { kept: 15, passed: 30 } as const;

/** What the map counts: incidents, or citizens' and legal entities' applications (issue 3, item 7). */
export const RECORD_SOURCES = ['incidents', 'applications'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];
