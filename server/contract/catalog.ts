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
