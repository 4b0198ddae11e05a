/**
 * The data register (verwerkingsregister, field level): every column of every table, classified as
 * personal data — with its category, purpose, who may see it and how long it is kept — or as not
 * personal, with the reason. `npm run data-register` renders it to docs/data-register.md.
 *
 * How a field is classified:
 * - Personal: it identifies a person (directly, or by a code or key that singles them out), or it
 *   says something about a person that matters for their privacy (what concern was noticed about a
 *   young person, what was done about it, the function a staff member holds).
 * - Not personal: organisation data (cities, schools, partnerships), technical keys of records,
 *   bookkeeping (timestamps, versions) and the context of a row whose link to a person is classified
 *   on the link itself (e.g. `RoleAssignment.personId`).
 * Pseudonymous data is personal data under the GDPR: `Youth.code` and every key or link to a young
 * person or a staff member is classified as such.
 *
 * Typed against the generated Prisma client: a model or scalar field missing here, or listed here but
 * no longer in the client, does not compile; test/data-register.test.ts checks the same against the
 * current prisma/schema.prisma (so a new column fails the tests until it is classified here).
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** Kinds of personal data, from most to least directly identifying. */
export const CATEGORIES = {
  identifying: 'Names a person directly.',
  contact: 'Contact details of a person.',
  pseudonymous:
    'A code or key that singles out a person without naming them (a young person\'s reference, or a link to a staff member). Still personal data under the GDPR.',
  'quasi-identifying': 'Does not identify on its own, but narrows down who a young person is when combined with other fields.',
  'special/sensitive':
    'Says what concern was noticed about a minor or what was done about it; can amount to special-category data (health, art. 9 GDPR) or data about criminal offences (art. 10).',
  'free text about a minor':
    'Free text written by staff about a young person; can contain anything, including special-category data. Must not contain names.',
  'concern metadata':
    'That there is a concern about a (pseudonymous) young person and where it stands, without what it is (the Verwijsindex pattern).',
  'plugin values': 'Values of city plugin fields; what they hold depends on the plugin, so they are treated like the record\'s content.',
  'staff work data': 'About a staff member\'s work: employer, function, what they did.',
} as const;
export type Category = keyof typeof CATEGORIES;

/** The roles in the order the register lists them. */
export const ROLES = [
  'ADMIN',
  'YOUTH_WORKER',
  'SCHOOL_CONTACT',
  'STUDENT_COUNSELLOR',
  'MENTOR',
  'POLICY_ADVISOR',
  'ANALYST',
] as const satisfies readonly Role[];

// A role missing from ROLES does not compile.
type MissingRoles = Exclude<Role, (typeof ROLES)[number]>;
const everyRoleListed: [MissingRoles] extends [never] ? true : MissingRoles = true;
void everyRoleListed;

/** Who may see a group of fields: what each role sees of them; a role not listed sees nothing. */
export interface Audience {
  title: string;
  /** Applies to every role (e.g. how reads are logged). */
  note?: string;
  roles: Partial<Record<Role, string>>;
}

const partnershipStaff = 'the people of their partnerships, and themselves';

/** The access rules of src/auth/policy.ts, per group of fields. */
export const AUDIENCES = {
  signalContent: {
    title: 'signal content',
    note: 'Every read of signal content is written to the audit log, whoever reads it. To anyone else who may know the signal exists these fields read as null, with a NEED_TO_KNOW reason in the response (`Signal.access` is METADATA).',
    roles: {
      ADMIN: 'every signal',
      YOUTH_WORKER: 'signals of their partnerships that youth work owns or that are shared with youth work',
      SCHOOL_CONTACT: 'signals of their partnerships that the school owns or that are shared with the school',
      STUDENT_COUNSELLOR: 'signals of their partnerships that the school owns or that are shared with the school',
      MENTOR: 'the signals they reported',
    },
  },
  signalMetadata: {
    title: 'signal metadata',
    note:
      'What a metadata reader gets of a signal (`Signal.access` METADATA): that it exists, its status (REFERRED reads as IN_PROGRESS: a referral is content), life domain, owner side and audience (`sharedWith`), and when it was reported (`reportedAt`, `createdAt`) or anonymised (`anonymisedAt`). Not the follow-up timestamps (see signal progress). Whoever may read the content sees these too.',
    roles: {
      ADMIN: 'every signal',
      YOUTH_WORKER: 'the signals whose content they may read (other signals of the partnership: not at all)',
      SCHOOL_CONTACT: 'every signal of their partnerships',
      STUDENT_COUNSELLOR: 'every signal of their partnerships',
      MENTOR: 'the signals they reported',
      POLICY_ADVISOR: 'every signal of their city',
    },
  },
  signalProgress: {
    title: 'signal progress',
    note: 'When the follow-up reached each step. Read at row level only by those who may read the content (not audited: they say nothing about what was noticed); to metadata readers they read as null with a NEED_TO_KNOW reason. Analysts and policy advisors get them only as aggregates (response times) through `evaluation`.',
    roles: {
      ADMIN: 'every signal',
      YOUTH_WORKER: 'signals of their partnerships that youth work owns or that are shared with youth work',
      SCHOOL_CONTACT: 'signals of their partnerships that the school owns or that are shared with the school',
      STUDENT_COUNSELLOR: 'signals of their partnerships that the school owns or that are shared with the school',
      MENTOR: 'the signals they reported',
    },
  },
  youth: {
    title: 'youth references',
    roles: {
      ADMIN: 'every young person',
      YOUTH_WORKER: 'young people of the schools of their partnerships',
      SCHOOL_CONTACT: 'young people of the schools of their partnerships',
      STUDENT_COUNSELLOR: 'young people of the schools of their partnerships',
      MENTOR: 'young people of the schools of their partnerships (to link a signal they report)',
    },
  },
  activities: {
    title: 'activities',
    roles: {
      ADMIN: 'every activity',
      YOUTH_WORKER: 'activities of their partnerships',
      SCHOOL_CONTACT: 'activities of their partnerships',
      STUDENT_COUNSELLOR: 'activities of their partnerships',
      POLICY_ADVISOR: 'activities of their city',
      ANALYST: 'only the columns of the evaluation export `/exports/activities.*` (kind, time, duration, location, school, plugin values), for their cities',
    },
  },
  activityNotes: {
    title: 'notes of an activity',
    roles: {
      ADMIN: 'every activity',
      YOUTH_WORKER: 'activities of their partnerships',
      SCHOOL_CONTACT: 'activities of their partnerships',
      STUDENT_COUNSELLOR: 'activities of their partnerships',
    },
  },
  activityYouth: {
    title: 'young person of an activity',
    roles: {
      ADMIN: 'every activity',
      YOUTH_WORKER: 'activities of their partnerships',
      SCHOOL_CONTACT: 'activities of their partnerships',
      STUDENT_COUNSELLOR: 'activities of their partnerships',
    },
  },
  people: {
    title: 'people',
    note: 'Everyone sees themselves.',
    roles: {
      ADMIN: 'everyone',
      YOUTH_WORKER: partnershipStaff,
      SCHOOL_CONTACT: partnershipStaff,
      STUDENT_COUNSELLOR: partnershipStaff,
      MENTOR: partnershipStaff,
      POLICY_ADVISOR: 'the people of their city, and themselves',
      ANALYST: 'only themselves',
    },
  },
  roleAssignments: {
    title: 'role assignments',
    note: 'Everyone sees their own roles. Every grant and revocation is written to the audit log.',
    roles: {
      ADMIN: 'every role assignment',
      YOUTH_WORKER: 'their own',
      SCHOOL_CONTACT: 'their own',
      STUDENT_COUNSELLOR: 'their own',
      MENTOR: 'their own',
      POLICY_ADVISOR: 'their own',
      ANALYST: 'their own',
    },
  },
  assessments: {
    title: 'partnership monitor comments and action plans',
    note: 'Analysts and policy advisors get the scores only, as aggregates through `evaluation`.',
    roles: {
      ADMIN: 'every assessment',
      YOUTH_WORKER: 'assessments of their partnerships',
      SCHOOL_CONTACT: 'assessments of their partnerships',
      STUDENT_COUNSELLOR: 'assessments of their partnerships',
      MENTOR: 'assessments of their partnerships',
    },
  },
  audit: {
    title: 'audit log',
    note: 'Read through the `auditEvents` connection; no API edits or deletes it.',
    roles: { ADMIN: 'every event' },
  },
  notExposed: {
    title: 'not in the API',
    note: 'Stored, but no query returns it.',
    roles: {},
  },
} as const satisfies Record<string, Audience>;
export type AudienceName = keyof typeof AUDIENCES;

/** How long a group of fields is kept. */
export interface RetentionRule {
  /** Short form for the register's tables. */
  title: string;
  rule: string;
}

export const RETENTION = {
  signalContent: {
    title: 'cleared after the city period',
    rule: 'When a closed signal is older than its city\'s retention period (`City.retentionMonths`, default 24 months after closing), retention anonymises it: summary, referral destination, pilot values and follow-up notes are cleared and the young person is unlinked (one ANONYMISE audit event per signal). Runs on the server\'s schedule and with `npm run retention`.',
  },
  signalKept: {
    title: 'kept; anonymous after the city period',
    rule: 'Kept so evaluation figures do not change. Once retention has unlinked the young person (see above) it no longer relates to a known person.',
  },
  youth: {
    title: 'kept; erased on request',
    rule: 'Kept while the young person is followed up. Retention unlinks the reference from old signals; once no signal is linked to it and it has had no activity for its city\'s period (`City.youthRetentionMonths`, default 24 months; also a reference that never had any activity or signal, counted from its registration), retention anonymises it as `eraseYouth` does: the code is replaced by a random one, the registering person unlinked and the texts of its activities cleared (one ANONYMISE audit event; figures unchanged, as its records stay linked to the anonymous reference). On an AVG art. 17 request an admin runs `eraseYouth` at any time, which also clears the texts of its signals and follow-ups.',
  },
  activities: {
    title: 'kept; anonymous with the young person',
    rule: 'Kept until the activity is deleted (`deleteActivity`), so evaluation figures do not change. The young person of individual guidance stays linked, but once the reference is anonymised (by retention after `City.youthRetentionMonths` without a new activity or a linked signal, or by `eraseYouth`) the link leads to a code nobody can recognise.',
  },
  activityNotes: {
    title: 'cleared after the city period',
    rule: 'When an activity is older than its city\'s period (`City.activityRetentionMonths`, default 24 months after it took place), retention clears its notes and location note (one ANONYMISE audit event per activity), as it does when the young person of the activity is anonymised. Kind, time, duration, participants, themes and plugin values stay, so figures do not change.',
  },
  staff: {
    title: 'while the account exists',
    rule: 'Kept while the person works with the API. An admin deactivates a person who leaves (`deactivatePerson`): they can no longer sign in, their roles stay listed and what they recorded stays, attributed; roles are revoked with `revokeRole`. On an AVG art. 17 request an admin runs `erasePerson`: name and e-mail become a pseudonym, the OIDC subject is cleared, roles are revoked and the person deactivated; what they recorded stays with the pseudonymous author (one ANONYMISE audit event). Retention does the same, with no actor, for a person deactivated longer ago than their city\'s period (`City.staffRetentionMonths`, default 24 months; a person\'s cities are those of their organisation, school and roles, and with several the longest period applies; a person tied to no city is left to `erasePerson`).',
  },
  roleAssignments: {
    title: 'until revoked',
    rule: '`revokeRole` deletes the assignment; the audit log keeps that it was granted and revoked.',
  },
  assessments: {
    title: 'kept with the partnership',
    rule: 'Kept as long as the partnership exists, so the monitor can show scores over time. No expiry period yet; the API cannot delete an assessment.',
  },
  liveEvents: {
    title: 'minutes (LIVE_EVENT_RETENTION_MINUTES)',
    rule: 'Kept so a subscriber can resume after a reconnect (default 60 minutes), then deleted by the server.',
  },
  audit: {
    title: 'kept; append-only',
    rule: 'Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE, so no API or job removes events. No expiry period yet.',
  },
} as const satisfies Record<string, RetentionRule>;
export type RetentionName = keyof typeof RETENTION;

// ---------------------------------------------------------------------------------------------
// Field entries
// ---------------------------------------------------------------------------------------------

export interface PersonalField {
  personal: true;
  category: Category;
  purpose: string;
  visibleTo: AudienceName;
  retention: RetentionName;
}

export interface NonPersonalField {
  personal: false;
  /** One line: why this field is not personal data. */
  reason: string;
}

export type FieldEntry = PersonalField | NonPersonalField;

const personal = (category: Category, purpose: string, visibleTo: AudienceName, retention: RetentionName): PersonalField => ({
  personal: true,
  category,
  purpose,
  visibleTo,
  retention,
});
const notPersonal = (reason: string): NonPersonalField => ({ personal: false, reason });

const KEY = notPersonal('technical key of the record');
const CREATED = notPersonal('record bookkeeping: when the row was created');
const UPDATED = notPersonal('record bookkeeping: when the row last changed');
const VERSION = notPersonal('record bookkeeping: optimistic-concurrency version');
const CITY = notPersonal('link to a municipality');

/** Each model's scalar fields (the names of `Prisma.<Model>ScalarFieldEnum`), from the generated client. */
type ScalarFieldsOf<M extends Prisma.ModelName> = keyof Prisma.TypeMap['model'][M]['fields'] & string;

export interface ModelEntry<M extends Prisma.ModelName> {
  /** What the table holds, seen from privacy. */
  about: string;
  fields: Record<ScalarFieldsOf<M>, FieldEntry>;
}

export type DataRegister = { [M in Prisma.ModelName]: ModelEntry<M> };

// ---------------------------------------------------------------------------------------------
// The register, in the order of prisma/schema.prisma
// ---------------------------------------------------------------------------------------------

export const DATA_REGISTER = {
  City: {
    about: 'Municipalities, one per city pilot (tenant). Organisation data.',
    fields: {
      id: KEY,
      name: notPersonal('name of a municipality (an organisation)'),
      cbsCode: notPersonal('public CBS code of a municipality'),
      retentionMonths: notPersonal('a setting: how long closed signals keep their content'),
      minCellSize: notPersonal('a setting: the smallest number of records an evaluation figure may rest on'),
      maxPerturbation: notPersonal('a setting: the largest change the cell key method makes to an evaluation count'),
      activityRetentionMonths: notPersonal('a setting: how long activities keep their notes and location note'),
      youthRetentionMonths: notPersonal('a setting: how long an unused youth reference keeps its code'),
      staffRetentionMonths: notPersonal('a setting: how long a deactivated staff member keeps their name and e-mail'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  School: {
    about: 'Secondary schools. Organisation data.',
    fields: {
      id: KEY,
      name: notPersonal('name of a school (an organisation)'),
      brinCode: notPersonal('public DUO code of a school'),
      cityId: CITY,
      district: notPersonal('district of a school building'),
      schoolType: notPersonal('type of school'),
      enrolment: notPersonal('number of students (an aggregate)'),
      pilotData: notPersonal('city pilot values about the school (organisation data)'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  YouthWorkOrganisation: {
    about: 'Youth work organisations, employers of youth workers. Organisation data.',
    fields: {
      id: KEY,
      name: notPersonal('name of an organisation'),
      cityId: CITY,
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  Person: {
    about: 'Staff of youth work organisations, schools and municipalities who use the API. Never young people.',
    fields: {
      id: personal('pseudonymous', 'stable key of a staff member, linking what they reported, logged, attended and read', 'people', 'staff'),
      name: personal('identifying', 'show colleagues who reported, followed up or ran something, and whom to contact', 'people', 'staff'),
      email: personal('contact', 'sign-in, and contact between the partners', 'people', 'staff'),
      organisationId: personal('staff work data', 'the youth work organisation that employs them (their side of a partnership)', 'people', 'staff'),
      schoolId: personal('staff work data', 'the school that employs them (their side of a partnership)', 'people', 'staff'),
      deactivatedAt: personal('staff work data', 'when they left: from then on they cannot sign in (what they recorded stays, attributed)', 'people', 'staff'),
      oidcSubject: personal('pseudonymous', 'sign-in through the city\'s identity provider (OIDC_PERSON_CLAIM=sub): the provider\'s subject of this person', 'people', 'staff'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  RoleAssignment: {
    about: 'Which role a staff member holds, and where; it decides what they may see and do.',
    fields: {
      id: KEY,
      personId: personal('pseudonymous', 'whose role it is', 'roleAssignments', 'roleAssignments'),
      role: personal('staff work data', 'the function held, which decides what the person may see and do', 'roleAssignments', 'roleAssignments'),
      scope: notPersonal('where the role applies (global, a city or a partnership); the person is `personId`'),
      cityId: notPersonal('the municipality the role applies to; the person is `personId`'),
      partnershipId: notPersonal('the partnership the role applies to; the person is `personId`'),
      grantedById: personal('pseudonymous', 'who granted the role (accountability)', 'notExposed', 'roleAssignments'),
      createdAt: notPersonal('record bookkeeping: when the role was granted'),
    },
  },
  Partnership: {
    about: 'Agreements between one youth work organisation and one school. Organisation data, except the school\'s contact person.',
    fields: {
      id: KEY,
      name: notPersonal('name of a partnership'),
      schoolId: notPersonal('link to a school (an organisation)'),
      youthWorkOrganisationId: notPersonal('link to a youth work organisation'),
      cityId: CITY,
      form: notPersonal('form of the collaboration (with or in the school)'),
      status: notPersonal('status of the partnership'),
      startsOn: notPersonal('start of the partnership'),
      endsOn: notPersonal('end of the partnership'),
      goals: notPersonal('agreed goals of the organisations'),
      rolesAndResponsibilities: notPersonal('agreed roles of the organisations, not of named people'),
      fundingType: notPersonal('kind of funding'),
      fundingSource: notPersonal('who funds the partnership (an organisation)'),
      fundedUntil: notPersonal('end of funding'),
      hasRoom: notPersonal('whether youth work has a room in the school'),
      roomLocation: notPersonal('where that room is'),
      schoolContactId: personal('pseudonymous', 'the school\'s fixed contact person for youth work', 'people', 'staff'),
      consultationEveryWeeks: notPersonal('agreed consultation rhythm'),
      pilotData: notPersonal('city pilot values about the partnership (organisation data)'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  Youth: {
    about: 'Pseudonymous references to young people (minors): a random code, school, year group and age band; never a name, birth date, address, contact detail or citizen number (a test enforces this).',
    fields: {
      id: personal('pseudonymous', 'stable key linking a young person\'s signals and individual guidance', 'youth', 'youth'),
      code: personal('pseudonymous', 'random code by which staff recognise the same young person without naming them; not derived from any identity', 'youth', 'youth'),
      schoolId: personal('quasi-identifying', 'the school the young person attends, so that staff of its partnerships can work with the reference', 'youth', 'youth'),
      yearGroup: personal('quasi-identifying', 'school year (leerjaar), for follow-up and evaluation by year', 'youth', 'youth'),
      ageBand: personal('quasi-identifying', 'an age band instead of a birth date, for evaluation by age', 'youth', 'youth'),
      registeredById: personal('pseudonymous', 'the staff member who registered the reference (accountability)', 'notExposed', 'youth'),
      recordKey: notPersonal('a random number drawn once (cell key method), never shown: evaluation counts are perturbed by the sum of the keys of the records they count and of every record of their city and bucket'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  Signal: {
    about: 'Concerns about a young person, a group or a trend. While a signal is linked to a young person, what it says is personal data about a minor, often sensitive.',
    fields: {
      id: KEY,
      partnershipId: notPersonal('the partnership (organisations) the signal belongs to'),
      lifeDomain: personal('concern metadata', 'where the concern arose (school, home, neighbourhood, online)', 'signalMetadata', 'signalKept'),
      category: personal('special/sensitive', 'what kind of concern (e.g. home situation, substance use, criminal involvement)', 'signalContent', 'signalKept'),
      subject: notPersonal('whether it concerns an individual, a group or a trend'),
      urgency: personal('special/sensitive', 'how serious the concern is', 'signalContent', 'signalKept'),
      summary: personal('free text about a minor', 'what was noticed, so that the partners can act on it', 'signalContent', 'signalContent'),
      youthId: personal('pseudonymous', 'the young person concerned, to follow them up over time', 'signalContent', 'signalContent'),
      reportedById: personal('pseudonymous', 'the staff member who reported it (accountability; whom to ask)', 'signalContent', 'signalKept'),
      ownerSide: notPersonal('which organisation side owns the signal'),
      sharedWith: notPersonal('which side(s) may read the content'),
      legalBasis: notPersonal('the legal basis for sharing (consent, legal duty); documents the processing'),
      anonymisedAt: notPersonal('when retention cleared the content'),
      status: personal('concern metadata', 'where the follow-up stands', 'signalMetadata', 'signalKept'),
      referralDestination: personal('special/sensitive', 'where the young person was referred to (e.g. buurtteam); can reveal health or safety concerns', 'signalContent', 'signalContent'),
      reportedAt: notPersonal('when the signal was reported (signal metadata); kept for evaluation (response times)'),
      acknowledgedAt: personal('concern metadata', 'when the signal was acknowledged; kept for evaluation (response times)', 'signalProgress', 'signalKept'),
      inProgressAt: personal('concern metadata', 'when the signal was taken in hand; kept for evaluation (response times)', 'signalProgress', 'signalKept'),
      referredAt: personal('concern metadata', 'when the signal was referred elsewhere; kept for evaluation (response times)', 'signalProgress', 'signalKept'),
      closedAt: personal('concern metadata', 'when the signal was closed; starts the retention period', 'signalProgress', 'signalKept'),
      pilotData: personal('plugin values', 'what a city pilot records about the signal', 'signalContent', 'signalContent'),
      recordKey: notPersonal('a random number drawn once (cell key method), never shown: evaluation counts are perturbed by the sum of the keys of the records they count and of every record of their city and bucket'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  SignalFollowUp: {
    about: 'Steps taken on a signal; part of the signal\'s content.',
    fields: {
      id: KEY,
      signalId: notPersonal('link to the signal (classified there)'),
      byId: personal('pseudonymous', 'the staff member who took the step', 'signalContent', 'signalKept'),
      at: notPersonal('when the step was taken, kept for evaluation'),
      action: personal('special/sensitive', 'what was done (e.g. contact with parents, a referral)', 'signalContent', 'signalKept'),
      note: personal('free text about a minor', 'details of the step, for the colleagues who follow up', 'signalContent', 'signalContent'),
      createdAt: CREATED,
    },
  },
  Activity: {
    about: 'What youth work does in or with a school. Mostly organisation data; individual guidance links a young person, and notes are free text.',
    fields: {
      id: KEY,
      partnershipId: notPersonal('the partnership (organisations) the activity belongs to'),
      kind: notPersonal('kind of activity'),
      startsAt: notPersonal('when it took place'),
      durationMinutes: notPersonal('how long it took'),
      location: notPersonal('kind of place'),
      locationNote: personal('free text about a minor', 'where it took place (a room or site); free text, so it may say more', 'activities', 'activityNotes'),
      participantCount: notPersonal('number of participants (a count)'),
      themes: personal('special/sensitive', 'topics covered; for individual guidance, what the young person was guided on', 'activities', 'activities'),
      notes: personal('free text about a minor', 'what happened, for the partners; may mention young people (never by name)', 'activityNotes', 'activityNotes'),
      details: notPersonal('kind-specific facts (topic, audience, subjects, counts, planned); people, young people and signals are linked in their own columns and tables'),
      youthId: personal('pseudonymous', 'the young person, for individual guidance', 'activityYouth', 'activities'),
      loggedById: personal('pseudonymous', 'the staff member who logged it', 'activities', 'activities'),
      pilotData: personal('plugin values', 'what a city pilot records about the activity', 'activities', 'activities'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  ActivityFacilitator: {
    about: 'Which staff members ran an activity.',
    fields: {
      activityId: notPersonal('link to the activity (classified there)'),
      personId: personal('pseudonymous', 'who ran the activity (reach and workload of youth work)', 'activities', 'activities'),
    },
  },
  ActivityAttendee: {
    about: 'Which staff members attended a consultation meeting.',
    fields: {
      activityId: notPersonal('link to the activity (classified there)'),
      personId: personal('pseudonymous', 'who attended (how regularly the partners consult)', 'activities', 'activities'),
    },
  },
  ActivitySignal: {
    about: 'Which signals a consultation meeting discussed.',
    fields: {
      activityId: notPersonal('link to the activity (classified there)'),
      signalId: notPersonal('link to the signal (classified there; shown only to whom may know it exists)'),
    },
  },
  PartnershipAssessment: {
    about: 'Rounds of the partnership monitor: how youth work and the school score their collaboration, with an action plan. About organisations, except who recorded it and what staff wrote.',
    fields: {
      id: KEY,
      partnershipId: notPersonal('the partnership (organisations) assessed'),
      round: notPersonal('which round of the monitor'),
      assessedOn: notPersonal('when the partnership was assessed'),
      actionPlan: personal('staff work data', 'what the partners agreed to improve; free text by staff that may mention colleagues', 'assessments', 'assessments'),
      recordedById: personal('pseudonymous', 'the staff member who recorded the assessment (accountability)', 'assessments', 'assessments'),
      createdAt: CREATED,
      updatedAt: UPDATED,
      version: VERSION,
    },
  },
  PartnershipAssessmentScore: {
    about: 'The score of one element (werkzaam element or randvoorwaarde) in one monitor round.',
    fields: {
      assessmentId: notPersonal('link to the assessment (classified there)'),
      element: notPersonal('which element is scored'),
      score: notPersonal('a score of the collaboration between organisations (1–5); analysts see it only aggregated'),
      comment: personal('staff work data', 'why the partners gave this score; free text by staff that may mention colleagues', 'assessments', 'assessments'),
    },
  },
  AuditEvent: {
    about: 'Append-only log of every read of signal content and every write to signals, youth references and role assignments.',
    fields: {
      id: KEY,
      at: notPersonal('when it happened; who acted is `actorId`'),
      actorId: personal('pseudonymous', 'who read or wrote (accountability; supervision of access)', 'audit', 'audit'),
      operation: notPersonal('what was done (read, create, update, …); who acted is `actorId`'),
      entity: notPersonal('the kind of record'),
      entityId: personal('pseudonymous', 'the record read or written; for youth references and people, their key', 'audit', 'audit'),
      fields: notPersonal('names of the fields read or written'),
    },
  },
  LiveEvent: {
    about: 'The outbox of live updates: which record changed, numbered, so a subscriber can resume. Only keys; kept for minutes.',
    fields: {
      position: notPersonal('the number of the event (a subscriber resumes after it)'),
      topic: notPersonal('which subscription the event is for'),
      recordId: personal('pseudonymous', 'the record the event is about (an activity, a signal, a partnership) or, for a role change, the person whose roles changed, so their open connections refresh', 'notExposed', 'liveEvents'),
      partnershipId: notPersonal('the partnership the record belongs to'),
      data: notPersonal('a plugin event\'s declared extra values, which plugins/README.md requires to be non-personal (e.g. an urgency level); null for core events'),
      createdAt: notPersonal('when the event was committed (it is pruned after LIVE_EVENT_RETENTION_MINUTES)'),
    },
  },
} as const satisfies DataRegister;

// ---------------------------------------------------------------------------------------------
// Rendering (docs/data-register.md)
// ---------------------------------------------------------------------------------------------

export const DATA_REGISTER_FILE = 'docs/data-register.md';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;
const anchor = (heading: string) =>
  `#${heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')}`;
const audienceHeading = (name: AudienceName) => `Audience: ${AUDIENCES[name].title}`;
const rolesOf = (audience: Audience) => ROLES.filter((role) => audience.roles[role] !== undefined);

/** A field a city plugin stores in a record's `pilotData` (see src/plugins), for the register. */
export interface PluginFieldEntry {
  plugin: string;
  cities: readonly string[];
  model: 'Partnership' | 'School' | 'Signal' | 'Activity';
  field: string;
  type: string;
  description: string;
}

/**
 * docs/data-register.md, from the register above and the fields of the default city plugins.
 * Deterministic: the same register gives the same text.
 */
export function renderDataRegister(register: DataRegister = DATA_REGISTER, pluginFields: readonly PluginFieldEntry[] = []): string {
  const models = Object.entries(register) as [Prisma.ModelName, ModelEntry<Prisma.ModelName>][];
  const fieldCount = models.reduce((n, [, m]) => n + Object.keys(m.fields).length, 0);
  const personalCount = models.reduce((n, [, m]) => n + Object.values<FieldEntry>(m.fields).filter((f) => f.personal).length, 0);
  const out: string[] = [];
  const line = (text = '') => out.push(text);

  line('# Data register');
  line();
  line('<!-- Generated from src/privacy/data-register.ts by `npm run data-register`; do not edit by hand. -->');
  line();
  line(
    `Every column of every table in \`prisma/schema.prisma\` (${models.length} tables, ${fieldCount} columns), ` +
      `classified: ${personalCount} hold personal data, each with its category, purpose, who may see it and how long it is kept; ` +
      'the others are listed with the reason they are not personal. A test fails when a column is added without being classified ' +
      'here, or when this file is stale (`npm run data-register -- --check`).',
  );
  line();
  line('## Categories of personal data');
  line();
  line('| category | meaning |');
  line('| --- | --- |');
  for (const [name, meaning] of Object.entries(CATEGORIES)) line(`| ${name} | ${cell(meaning)} |`);
  line();
  line('## Who may see what');
  line();
  line('Each personal field names an audience; the audience says what each role sees of it. A role not listed sees nothing of it. Nobody but an ADMIN sees another city\'s data.');
  for (const name of Object.keys(AUDIENCES) as AudienceName[]) {
    const audience: Audience = AUDIENCES[name];
    line();
    line(`### ${audienceHeading(name)}`);
    line();
    if (audience.note) {
      line(audience.note);
      line();
    }
    const roles = rolesOf(audience);
    if (roles.length === 0) {
      line('No role sees these fields through the API.');
      continue;
    }
    line('| role | sees |');
    line('| --- | --- |');
    for (const role of roles) line(`| ${role} | ${cell(audience.roles[role]!)} |`);
  }
  line();
  line('## Retention');
  line();
  line('| retention | what happens |');
  line('| --- | --- |');
  for (const rule of Object.values<RetentionRule>(RETENTION)) line(`| ${rule.title} | ${cell(rule.rule)} |`);
  line();
  line('## Tables');
  for (const [model, entry] of models) {
    const fields = Object.entries(entry.fields) as [string, FieldEntry][];
    const personalFields = fields.filter((f): f is [string, PersonalField] => f[1].personal);
    const otherFields = fields.filter((f): f is [string, NonPersonalField] => !f[1].personal);
    line();
    line(`### ${model}`);
    line();
    line(entry.about);
    line();
    if (personalFields.length === 0) {
      line('No personal data.');
    } else {
      line('| field | category | purpose | visible to | retention |');
      line('| --- | --- | --- | --- | --- |');
      for (const [field, f] of personalFields) {
        const audience: Audience = AUDIENCES[f.visibleTo];
        const roles = rolesOf(audience);
        const visible = `[${audience.title}](${anchor(audienceHeading(f.visibleTo))}): ${roles.length ? roles.join(', ') : 'nobody'}`;
        line(`| ${code(field)} | ${f.category} | ${cell(f.purpose)} | ${cell(visible)} | ${cell(RETENTION[f.retention].title)} |`);
      }
    }
    if (otherFields.length > 0) {
      line();
      line('Not personal:');
      line();
      for (const [field, f] of otherFields) line(`- ${code(field)}: ${f.reason}`);
    }
  }
  if (pluginFields.length > 0) {
    line();
    line('## City plugin fields');
    line();
    line(
      'Fields of the city plugins enabled by default, stored in the `pilotData` column of their record under the plugin\'s name. ' +
        'Each takes the classification, audience and retention of that column (a signal\'s plugin values are signal content). ' +
        'A plugin declares its fields in `plugins/<name>/index.ts`; a plugin enabled in a deployment adds its own.',
    );
    line();
    line('| plugin (cities) | record | field | type | meaning | stored as |');
    line('| --- | --- | --- | --- | --- | --- |');
    for (const f of pluginFields) {
      const column = (register as Record<string, ModelEntry<Prisma.ModelName>>)[f.model]?.fields as Record<string, FieldEntry> | undefined;
      const entry = column?.pilotData;
      const classification = entry?.personal ? `personal (${entry.category}), ${AUDIENCES[entry.visibleTo].title}` : 'not personal';
      line(`| ${f.plugin} (${f.cities.join(', ')}) | ${f.model} | ${code(f.field)} | ${f.type} | ${cell(f.description)} | ${code(`${f.model}.pilotData`)}: ${cell(classification)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
