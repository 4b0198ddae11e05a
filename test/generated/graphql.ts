/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** All given conditions must hold; a list matches any of its values. */
export type ActivityFilter = {
  amsterdam?: AmsterdamActivityFilter | null | undefined;
  arnhem?: ArnhemActivityFilter | null | undefined;
  /** Only activities this person facilitated. */
  facilitatorId?: string | number | null | undefined;
  kind?: Array<ActivityKind> | null | undefined;
  location?: Array<ActivityLocation> | null | undefined;
  partnershipId?: string | number | null | undefined;
  /** Starting at or after this instant. */
  startsAfter?: string | null | undefined;
  /** Starting before this instant. */
  startsBefore?: string | null | undefined;
  /** Only activities with this theme. */
  theme?: string | null | undefined;
};

/** What kind of activity it was. City plugins can add kinds. */
export type ActivityKind =
  /** A mentor lesson taught together by the mentor and the school youth worker (co-teaching) (city plugin arnhem) */
  | 'ARNHEM_MENTOR_LESSON'
  /** Conversations with students during breaks (pauzegesprekken), in the schoolyard or the youth work room. */
  | 'BREAK_CONVERSATION'
  /** Consultation meeting (overleg) of youth work and school, where signals are shared. */
  | 'CONSULTATION'
  /** Homework help (huiswerkbegeleiding), often in a community or youth centre. */
  | 'HOMEWORK_HELP'
  /** Individual guidance (individuele begeleiding) of one young person. */
  | 'INDIVIDUAL_GUIDANCE'
  /** Information session (voorlichting) given by youth workers at school, e.g. on online safety. */
  | 'INFORMATION_SESSION';

export type ActivityLocation =
  | 'CLASSROOM'
  /** Community or youth centre (buurthuis / jongerencentrum). */
  | 'COMMUNITY_CENTRE'
  | 'ONLINE'
  | 'OTHER'
  /** Schoolyard (schoolplein), e.g. during breaks. */
  | 'SCHOOLYARD'
  /** Youth work's own room in the school. */
  | 'SCHOOL_ROOM';

export type ActivityOrder = {
  direction?: OrderDirection | null | undefined;
  field: ActivityOrderField;
};

export type ActivityOrderField =
  | 'CREATED_AT'
  | 'DURATION'
  | 'STARTS_AT';

/** What kind of actor a person is: shown also when who they are is hidden from you. */
export type ActorKind =
  /** An administrator of the platform. */
  | 'ADMINISTRATOR'
  /** Someone of a municipality (policy advisor, analyst). */
  | 'MUNICIPALITY'
  /** None of these (yet). */
  | 'OTHER'
  /** Someone of a school. */
  | 'SCHOOL'
  /** Someone of a youth work organisation. */
  | 'YOUTH_WORK';

export type AddSignalFollowUpInput = {
  action: FollowUpAction;
  /** When it happened; defaults to now; not in the future. */
  at?: string | null | undefined;
  /** What was done, without names (max 1000 characters). */
  note?: string | null | undefined;
  signalId: string | number;
};

export type AgeBand =
  | 'AGE_12_13'
  | 'AGE_14_15'
  | 'AGE_16_17'
  | 'AGE_18_PLUS'
  | 'UNDER_12';

export type AmsterdamActivityBreakThemes =
  | 'GROEPSDRUK'
  | 'MIDDELENGEBRUIK'
  | 'ONLINE_VEILIGHEID'
  | 'PESTEN'
  | 'RELATIES_EN_SEKSUALITEIT'
  | 'SCHOOLVERZUIM'
  | 'THUISSITUATIE'
  | 'TOEKOMST_EN_WERK'
  | 'VRIJE_TIJD'
  | 'WEERBAARHEID';

/** Filter on the amsterdam pilot's fields: all given must hold; a list field matches when it holds the value. */
export type AmsterdamActivityFilter = {
  /** Themes of the break conversation, from the city's list. */
  breakThemes?: AmsterdamActivityBreakThemes | null | undefined;
  /** Whether the youth work room in the school was open during this activity. */
  roomOpen?: boolean | null | undefined;
};

/** Values of the amsterdam pilot (Amsterdam). Left out: unchanged (or the default, when creating); null: cleared. */
export type AmsterdamActivityInput = {
  /** Themes of the break conversation, from the city's list. (only for BREAK_CONVERSATION; filterable) */
  breakThemes?: Array<AmsterdamActivityBreakThemes> | null | undefined;
  /** Whether the youth work room in the school was open during this activity. (only for BREAK_CONVERSATION, INDIVIDUAL_GUIDANCE; filterable; groupable) */
  roomOpen?: boolean | null | undefined;
};

/** Filter on the amsterdam pilot's fields: all given must hold; a list field matches when it holds the value. */
export type AmsterdamPartnershipFilter = {
  /** The school year (its first calendar year) in which the school joined the pilot. */
  pilotCohort?: number | null | undefined;
};

/** Values of the amsterdam pilot (Amsterdam). Left out: unchanged (or the default, when creating); null: cleared. */
export type AmsterdamPartnershipInput = {
  /** The neighbourhood team (buurtteam) the school hands young people over to, e.g. "Buurtteam Nieuw-West Oost". (min 3; max 100) */
  buurtteam?: string | null | undefined;
  /** The school year (its first calendar year) in which the school joined the pilot. (min 2018; max 2035; filterable; groupable) */
  pilotCohort?: number | null | undefined;
  /** Hours per week the youth work room in the school is open, as agreed. (min 0; max 60) */
  roomHoursPerWeek?: number | null | undefined;
};

/** Filter on the amsterdam pilot's fields: all given must hold; a list field matches when it holds the value. */
export type AmsterdamSignalFilter = {
  /** Where the youth worker brought the young person in person (warm handover), if anywhere. */
  warmHandover?: AmsterdamSignalWarmHandover | null | undefined;
};

/** Values of the amsterdam pilot (Amsterdam). Left out: unchanged (or the default, when creating); null: cleared. */
export type AmsterdamSignalInput = {
  /** The day of the warm handover. (min 2018-01-01) */
  handoverOn?: string | null | undefined;
  /** Where the youth worker brought the young person in person (warm handover), if anywhere. (filterable; groupable) */
  warmHandover?: AmsterdamSignalWarmHandover | null | undefined;
};

export type AmsterdamSignalWarmHandover =
  | 'BUURTTEAM'
  | 'JEUGDHULP'
  | 'LEERPLICHT'
  | 'OUDER_EN_KIND_TEAM'
  | 'SCHULDHULP'
  | 'SPORT_EN_CULTUUR';

/** Filter on the arnhem pilot's fields: all given must hold; a list field matches when it holds the value. */
export type ArnhemActivityFilter = {
  /** Whether the school's student counsellor (leerlingbegeleider) took part. */
  counsellorPresent?: boolean | null | undefined;
};

/** Values of the arnhem pilot (Arnhem). Left out: unchanged (or the default, when creating); null: cleared. */
export type ArnhemActivityInput = {
  /** Whether the school's student counsellor (leerlingbegeleider) took part. (filterable; groupable) */
  counsellorPresent?: boolean | null | undefined;
};

/** Details of a ARNHEM_MENTOR_LESSON activity (city plugin arnhem). */
export type ArnhemMentorLessonDetailsInput = {
  /** Whether the mentor co-taught (not only the youth worker). (default true) */
  mentorPresent?: boolean | null | undefined;
  /** Topic of the lesson. (required) */
  topic?: ArnhemMentorLessonTopic | null | undefined;
  /** Year group (leerjaar) of the class, 1–6. (required; min 1; max 6) */
  yearGroup?: number | null | undefined;
};

export type ArnhemMentorLessonTopic =
  | 'GROEPSDRUK'
  | 'MIDDELEN'
  | 'ONLINE_GEDRAG'
  | 'RELATIES_EN_SEKSUALITEIT'
  | 'TOEKOMST'
  | 'WEERBAARHEID';

/** Filter on the arnhem pilot's fields: all given must hold; a list field matches when it holds the value. */
export type ArnhemPartnershipFilter = {
  /** Phase of the pilot at this school: preparing, starting, running, evaluating, embedded. */
  pilotPhase?: ArnhemPartnershipPilotPhase | null | undefined;
};

/** Values of the arnhem pilot (Arnhem). Left out: unchanged (or the default, when creating); null: cleared. */
export type ArnhemPartnershipInput = {
  /** Whether the municipal policy advisor takes part in the consultations of this partnership. */
  advisorInvolved?: boolean | null | undefined;
  /** Number of the covenant (convenant) with the municipality that funds the pilot at this school, e.g. ARN-2025-014. (pattern ARN-\d{4}-\d{3}) */
  covenantNumber?: string | null | undefined;
  /** Phase of the pilot at this school: preparing, starting, running, evaluating, embedded. (default "START"; filterable; groupable) */
  pilotPhase?: ArnhemPartnershipPilotPhase | null | undefined;
};

export type ArnhemPartnershipPilotPhase =
  | 'BORGING'
  | 'EVALUATIE'
  | 'START'
  | 'UITVOERING'
  | 'VOORBEREIDING';

/** Filter on the arnhem pilot's fields: all given must hold; a list field matches when it holds the value. */
export type ArnhemSignalFilter = {
  /** Whether the young person was handed over in person to the neighbourhood team (wijkteam). */
  warmHandover?: boolean | null | undefined;
};

/** Values of the arnhem pilot (Arnhem). Left out: unchanged (or the default, when creating); null: cleared. */
export type ArnhemSignalInput = {
  /** Whether the young person was handed over in person to the neighbourhood team (wijkteam). (filterable; groupable) */
  warmHandover?: boolean | null | undefined;
};

/** What the partnership monitor scores: the werkzame elementen and the randvoorwaarden (preconditions). */
export type AssessmentElement =
  /** Werkzaam element: students and teachers reach youth work easily (toegankelijkheid). */
  | 'ACCESSIBILITY'
  /** Werkzaam element: regular consultation and shared signals, a fixed contact person (afstemming). */
  | 'ALIGNMENT'
  /** Precondition: a fixed contact person and rooms made available (facilitering). */
  | 'FACILITATION'
  /** Precondition: management endorses the collaboration (draagvlak). */
  | 'MANAGEMENT_SUPPORT'
  /** Werkzaam element: equal partners, one goal, clear roles (partnerschap). */
  | 'PARTNERSHIP'
  /** Precondition: long-term funding (structurele financiering). */
  | 'STRUCTURAL_FUNDING'
  /** Werkzaam element: students and staff know youth work's role and presence (bekendheid). */
  | 'VISIBILITY';

export type AssessmentScoreInput = {
  /** Why this score (at most 1,000 characters). */
  comment?: string | null | undefined;
  element: AssessmentElement;
  /** 1–5. */
  score: number;
};

export type AssignRoleInput = {
  /** Required for POLICY_ADVISOR; optional for ANALYST (omit for a global analyst). */
  cityId?: string | number | null | undefined;
  /** Required for YOUTH_WORKER, SCHOOL_CONTACT, MENTOR and STUDENT_COUNSELLOR. */
  partnershipId?: string | number | null | undefined;
  personId: string | number;
  role: Role;
};

export type AuditEventFilter = {
  actorId?: string | number | null | undefined;
  /** Before this instant. */
  before?: string | null | undefined;
  entity?: AuditedEntity | null | undefined;
  /** The global ID of an audited record (a Signal, Youth, RoleAssignment, City, School, YouthWorkOrganisation, Person or Activity). */
  entityId?: string | number | null | undefined;
  /** At or after this instant. */
  from?: string | null | undefined;
  operation?: Array<AuditOperation> | null | undefined;
};

export type AuditOperation =
  | 'ANONYMISE'
  | 'CREATE'
  | 'DELETE'
  | 'READ'
  | 'SHARE'
  | 'UPDATE';

export type AuditedEntity =
  | 'Activity'
  | 'City'
  | 'Person'
  | 'RoleAssignment'
  | 'School'
  | 'Signal'
  | 'Youth'
  | 'YouthWorkOrganisation';

export type BreakConversationDetailsInput = {
  youngPeopleSpokenTo?: number | null | undefined;
};

export type ChangeSignalStatusInput = {
  /** The `version` you last read; a stale one is a CONFLICT. */
  expectedVersion: number;
  /** Required when the status becomes REFERRED (e.g. buurtteam). */
  referralDestination?: string | null | undefined;
  signalId: string | number;
  status: SignalStatus;
};

export type ConsultationDetailsInput = {
  /** People who attended (with a role in the partnership). */
  attendeeIds?: Array<string | number> | null | undefined;
  /** Part of the agreed rhythm (true) or ad hoc (false). */
  planned?: boolean | null | undefined;
  /** Signals of this partnership that were discussed. */
  signalIds?: Array<string | number> | null | undefined;
};

export type CreatePartnershipInput = {
  /** Pilot fields of the amsterdam plugin. */
  amsterdam?: AmsterdamPartnershipInput | null | undefined;
  /** Pilot fields of the arnhem plugin. */
  arnhem?: ArnhemPartnershipInput | null | undefined;
  /** Consultation rhythm: every N weeks (1–52). */
  consultationEveryWeeks?: number | null | undefined;
  endsOn?: string | null | undefined;
  facilities?: PartnershipFacilitiesInput | null | undefined;
  form: PartnershipForm;
  funding?: PartnershipFundingInput | null | undefined;
  goals?: Array<string> | null | undefined;
  /** Defaults to "<organisation> × <school>". */
  name?: string | null | undefined;
  rolesAndResponsibilities?: string | null | undefined;
  /** A person of the school: its fixed contact person for youth work. */
  schoolContactId?: string | number | null | undefined;
  schoolId: string | number;
  startsOn: string;
  status?: PartnershipStatus | null | undefined;
  youthWorkOrganisationId: string | number;
};

export type DeleteActivityInput = {
  activityId: string | number;
  /** The `version` you last read; a stale one is a CONFLICT. */
  expectedVersion: number;
};

/** How figures are bucketed in time, in the Europe/Amsterdam time zone. */
export type EvaluationBucket =
  /** Calendar months. */
  | 'MONTH'
  /** Dutch school years, 1 August to 31 July (schooljaar). */
  | 'SCHOOL_YEAR'
  /** ISO weeks, Monday to Sunday (week 1 holds the year's first Thursday). */
  | 'WEEK';

/** What evaluation figures can be grouped by. Each applies to some metric families only. */
export type EvaluationDimension =
  /** The kind of activity (activities only). Applies to: activities. */
  | 'ACTIVITY_KIND'
  /** The school year (its first calendar year) in which the school joined the pilot. (city plugin amsterdam, partnership; empty outside Amsterdam) Applies to: activities, reach, signals, consultations, monitor. */
  | 'AMSTERDAM_PILOT_COHORT'
  /** Whether the youth work room in the school was open during this activity. (city plugin amsterdam, activity; empty outside Amsterdam) Applies to: activities. */
  | 'AMSTERDAM_ROOM_OPEN'
  /** The city district (stadsdeel) of the school, for figures per district. (city plugin amsterdam, school; empty outside Amsterdam) Applies to: activities, reach, signals, consultations, monitor. */
  | 'AMSTERDAM_STADSDEEL'
  /** Where the youth worker brought the young person in person (warm handover), if anywhere. (city plugin amsterdam, signal; empty outside Amsterdam) Applies to: signals. */
  | 'AMSTERDAM_WARM_HANDOVER'
  /** Whether the school's student counsellor (leerlingbegeleider) took part. (city plugin arnhem, activity; empty outside Arnhem) Applies to: activities. */
  | 'ARNHEM_COUNSELLOR_PRESENT'
  /** Phase of the pilot at this school: preparing, starting, running, evaluating, embedded. (city plugin arnhem, partnership; empty outside Arnhem) Applies to: activities, reach, signals, consultations, monitor. */
  | 'ARNHEM_PILOT_PHASE'
  /** Whether the young person was handed over in person to the neighbourhood team (wijkteam). (city plugin arnhem, signal; empty outside Arnhem) Applies to: signals. */
  | 'ARNHEM_WARM_HANDOVER'
  /** The round of the partnership monitor (monitor only). Applies to: monitor. */
  | 'ASSESSMENT_ROUND'
  /** The municipality (gemeente). Applies to: activities, reach, signals, consultations, monitor. */
  | 'CITY'
  /** The life domain (leefdomein) of a signal (signals only). Applies to: signals. */
  | 'LIFE_DOMAIN'
  /** The partnership. Applies to: activities, reach, signals, consultations, monitor. */
  | 'PARTNERSHIP'
  /** With the school (mét) or in the school (ín). Applies to: activities, reach, signals, consultations, monitor. */
  | 'PARTNERSHIP_FORM'
  /** The school of the partnership. Applies to: activities, reach, signals, consultations, monitor. */
  | 'SCHOOL'
  /** The category of a signal (signals only). Applies to: signals. */
  | 'SIGNAL_CATEGORY'
  /** Where a signal stands now (signals only). REFERRED counts as IN_PROGRESS except for admins: that a signal was referred is content. Applies to: signals. */
  | 'SIGNAL_STATUS';

/** Only these cities, schools or partnerships (all given conditions hold), within the cities you may evaluate. */
export type EvaluationFilter = {
  cityIds?: Array<string | number> | null | undefined;
  /** At most one partnership (a list for compatibility); for several, group by PARTNERSHIP. */
  partnershipIds?: Array<string | number> | null | undefined;
  /** At most one school (a list for compatibility); for several, group by SCHOOL. */
  schoolIds?: Array<string | number> | null | undefined;
};

export type FollowUpAction =
  | 'CONSULTED_PARTNER'
  | 'CONTACT_WITH_PARENTS'
  | 'CONVERSATION_WITH_YOUTH'
  | 'DISCUSSED_IN_CONSULTATION'
  | 'MONITORING'
  | 'OTHER'
  | 'REFERRED';

export type FundingType =
  /** No dedicated funding. */
  | 'NONE'
  /** Project or pilot funding with an end date. */
  | 'PROJECT'
  /** Long-term (structurele) funding. */
  | 'STRUCTURAL';

export type HomeworkHelpDetailsInput = {
  attendeeCount?: number | null | undefined;
  subjects?: Array<string> | null | undefined;
};

export type IndividualGuidanceDetailsInput = {
  /** The young person guided (a Youth ID). */
  youthId?: string | number | null | undefined;
};

export type InformationSessionDetailsInput = {
  /** e.g. "leerjaar 2", "ouders". */
  audience?: string | null | undefined;
  topic?: string | null | undefined;
};

/** Why a signal may be shared beyond the side that owns it (AVG/GDPR). */
export type LegalBasis =
  /** The young person (or a parent) agreed. */
  | 'CONSENT'
  /** A legal duty, e.g. under the reporting code (meldcode huiselijk geweld en kindermishandeling). */
  | 'LEGAL_DUTY'
  /** Not shared beyond the owning side. */
  | 'NONE';

/** The life domain (leefdomein) where a signal was noticed. */
export type LifeDomain =
  | 'HOME'
  | 'NEIGHBOURHOOD'
  | 'ONLINE'
  | 'SCHOOL';

/** Only partnershipId, kind, startsAt and durationMinutes are required, so a break conversation can be logged in a few taps. */
export type LogActivityInput = {
  /** Pilot fields of the amsterdam plugin. */
  amsterdam?: AmsterdamActivityInput | null | undefined;
  /** Pilot fields of the arnhem plugin. */
  arnhem?: ArnhemActivityInput | null | undefined;
  arnhemMentorLesson?: ArnhemMentorLessonDetailsInput | null | undefined;
  breakConversation?: BreakConversationDetailsInput | null | undefined;
  consultation?: ConsultationDetailsInput | null | undefined;
  /** 1–1440. */
  durationMinutes: number;
  /** People who ran it; defaults to you. */
  facilitatorIds?: Array<string | number> | null | undefined;
  homeworkHelp?: HomeworkHelpDetailsInput | null | undefined;
  individualGuidance?: IndividualGuidanceDetailsInput | null | undefined;
  informationSession?: InformationSessionDetailsInput | null | undefined;
  kind: ActivityKind;
  location?: ActivityLocation | null | undefined;
  locationNote?: string | null | undefined;
  /** Max 2000 characters; no names of young people. */
  notes?: string | null | undefined;
  /** Number of young people taking part (0–10000). */
  participantCount?: number | null | undefined;
  partnershipId: string | number;
  startsAt: string;
  /** Up to 20 themes, e.g. pesten, online veiligheid. */
  themes?: Array<string> | null | undefined;
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

/** A side of the partnership. */
export type PartnerSide =
  /** The school. */
  | 'SCHOOL'
  /** Youth work (jongerenwerk). */
  | 'YOUTH_WORK';

export type PartnershipFacilitiesInput = {
  hasRoom: boolean;
  roomLocation?: string | null | undefined;
};

export type PartnershipFilter = {
  amsterdam?: AmsterdamPartnershipFilter | null | undefined;
  arnhem?: ArnhemPartnershipFilter | null | undefined;
  cityId?: string | number | null | undefined;
  form?: PartnershipForm | null | undefined;
  schoolId?: string | number | null | undefined;
  /** Part of the name, case-insensitive. */
  search?: string | null | undefined;
  /** Any of these statuses. */
  status?: Array<PartnershipStatus> | null | undefined;
  youthWorkOrganisationId?: string | number | null | undefined;
};

export type PartnershipForm =
  /** Youth work *in* the school (ín de school): present in the building, e.g. with its own room. */
  | 'IN_SCHOOL'
  /** Youth work *with* the school (mét de school): cooperation, not structurally in the building. */
  | 'WITH_SCHOOL';

export type PartnershipFundingInput = {
  source?: string | null | undefined;
  type: FundingType;
  until?: string | null | undefined;
};

export type PartnershipOrder = {
  direction?: OrderDirection | null | undefined;
  field: PartnershipOrderField;
};

export type PartnershipOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'STARTS_ON';

export type PartnershipStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'PAUSED'
  | 'PLANNED';

/** How much of a person you may read (need to know). */
export type PersonAccess =
  /** Everything: you may see this person through `node` and `people`. */
  | 'FULL'
  /** Only the ID and the kind of actor: you reached someone you may not see through a relation (a follow-up, a report, an activity); the other fields are null. */
  | 'REFERENCE';

export type PersonFilter = {
  /** Only people with a role in this partnership. */
  partnershipId?: string | number | null | undefined;
  /** Only people holding this role. */
  role?: Role | null | undefined;
  /** Part of the name or email, case-insensitive. */
  search?: string | null | undefined;
};

export type PersonOrder = {
  direction?: OrderDirection | null | undefined;
  field: PersonOrderField;
};

export type PersonOrderField =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'NAME';

/** A new round of the partnership monitor; it gets the next round number of the partnership. */
export type RecordAssessmentInput = {
  /** What the partners agreed to improve (at most 5,000 characters). */
  actionPlan?: string | null | undefined;
  assessedOn: string;
  partnershipId: string | number;
  /** Every element exactly once. */
  scores: Array<AssessmentScoreInput>;
};

/** A pseudonymous reference: no name, birth date or citizen number is ever asked. */
export type RegisterYouthInput = {
  ageBand?: AgeBand | null | undefined;
  /** The youth is registered at this partnership's school. */
  partnershipId: string | number;
  /** School year (leerjaar), 1–6. */
  yearGroup?: number | null | undefined;
};

/** The signal belongs to your side of the partnership (youth work or school). It is shared with the other side only when `sharedWith` says so, on a legal basis. */
export type ReportSignalInput = {
  /** Pilot fields of the amsterdam plugin. */
  amsterdam?: AmsterdamSignalInput | null | undefined;
  /** Pilot fields of the arnhem plugin. */
  arnhem?: ArnhemSignalInput | null | undefined;
  category: SignalCategory;
  /** Required (not NONE) when sharing with the other side. */
  legalBasis?: LegalBasis | null | undefined;
  lifeDomain: LifeDomain;
  /** Only for admins, who are on neither side. */
  ownerSide?: PartnerSide | null | undefined;
  partnershipId: string | number;
  /** Who may read the content; defaults to your own side. */
  sharedWith?: SignalAudience | null | undefined;
  subject?: SignalSubject | null | undefined;
  /** Short description without names (1–500 characters). */
  summary: string;
  urgency?: SignalUrgency | null | undefined;
  /** The young person (pseudonymous reference); only for INDIVIDUAL signals. */
  youthId?: string | number | null | undefined;
};

export type RevokeRoleInput = {
  roleAssignmentId: string | number;
};

/** What a person does in the collaboration. */
export type Role =
  /** Administrator: manages partnerships and roles. */
  | 'ADMIN'
  /** Analyst or researcher: evaluation data only, no personal data. */
  | 'ANALYST'
  /** Mentor or teacher (mentor/docent). */
  | 'MENTOR'
  /** Municipal policy advisor (beleidsadviseur), per city. */
  | 'POLICY_ADVISOR'
  /** The school's fixed contact person (vast aanspreekpunt) for youth work. */
  | 'SCHOOL_CONTACT'
  /** Student counsellor or care coordinator (leerlingbegeleider / zorgcoördinator). */
  | 'STUDENT_COUNSELLOR'
  /** Youth worker (jongerenwerker), per partnership. */
  | 'YOUTH_WORKER';

/** Where a role applies. */
export type RoleScope =
  | 'CITY'
  | 'GLOBAL'
  | 'PARTNERSHIP';

/** Widens who may read a signal, on a legal basis. Audited. Narrowing is not possible: what was read was read. */
export type ShareSignalInput = {
  /** The `version` you last read; a stale one is a CONFLICT. */
  expectedVersion: number;
  /** CONSENT or LEGAL_DUTY. */
  legalBasis: LegalBasis;
  /** The new, wider audience (usually BOTH). */
  sharedWith: SignalAudience;
  signalId: string | number;
};

/** How much of a signal you may read (need to know). */
export type SignalAccess =
  /** Everything, and every read of the content is audited. */
  | 'FULL'
  /** Only that it exists, its status (a referral reads as IN_PROGRESS), life domain, owner side and audience, and when it was reported (or anonymised); content fields and the follow-up timestamps are null. */
  | 'METADATA';

/** Who may read a signal's content. */
export type SignalAudience =
  /** Both sides of the partnership. */
  | 'BOTH'
  /** The school only. */
  | 'SCHOOL'
  /** Youth work only. */
  | 'YOUTH_WORK';

export type SignalCategory =
  | 'ATTENDANCE'
  | 'BULLYING'
  | 'CONFLICT'
  | 'CRIMINAL_INVOLVEMENT'
  | 'HOME_SITUATION'
  | 'ONLINE_BEHAVIOUR'
  | 'OTHER'
  | 'SAFETY'
  | 'SUBSTANCE_USE'
  | 'WELLBEING';

/** All given conditions must hold; a list matches any of its values. */
export type SignalFilter = {
  amsterdam?: AmsterdamSignalFilter | null | undefined;
  arnhem?: ArnhemSignalFilter | null | undefined;
  category?: Array<SignalCategory> | null | undefined;
  lifeDomain?: Array<LifeDomain> | null | undefined;
  partnershipId?: string | number | null | undefined;
  /** Reported at or after this instant. */
  reportedAfter?: string | null | undefined;
  /** Reported before this instant. */
  reportedBefore?: string | null | undefined;
  status?: Array<SignalStatus> | null | undefined;
  subject?: SignalSubject | null | undefined;
  urgency?: Array<SignalUrgency> | null | undefined;
  youthId?: string | number | null | undefined;
};

export type SignalOrder = {
  direction?: OrderDirection | null | undefined;
  field: SignalOrderField;
};

export type SignalOrderField =
  | 'REPORTED_AT'
  | 'UPDATED_AT'
  | 'URGENCY';

/** Workflow: NEW → ACKNOWLEDGED → IN_PROGRESS → REFERRED → CLOSED. */
export type SignalStatus =
  | 'ACKNOWLEDGED'
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'NEW'
  | 'REFERRED';

export type SignalSubject =
  /** About a group of young people (no youth reference). */
  | 'GROUP'
  /** About one young person (a pseudonymous youth reference may be linked). */
  | 'INDIVIDUAL'
  /** A trend in the neighbourhood, online or at school (no youth reference). */
  | 'TREND';

export type SignalUrgency =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'URGENT';

/** Corrects a logged activity. Fields left out keep their value; `null` clears an optional one. Kind-specific details, when given, replace the old ones. The kind itself cannot change: delete the activity and log it again. */
export type UpdateActivityInput = {
  activityId: string | number;
  /** Pilot fields of the amsterdam plugin. */
  amsterdam?: AmsterdamActivityInput | null | undefined;
  /** Pilot fields of the arnhem plugin. */
  arnhem?: ArnhemActivityInput | null | undefined;
  arnhemMentorLesson?: ArnhemMentorLessonDetailsInput | null | undefined;
  breakConversation?: BreakConversationDetailsInput | null | undefined;
  consultation?: ConsultationDetailsInput | null | undefined;
  /** 1–1440. */
  durationMinutes?: number | null | undefined;
  /** The `version` you last read; a stale one is a CONFLICT. */
  expectedVersion: number;
  /** People who ran it; defaults to you. */
  facilitatorIds?: Array<string | number> | null | undefined;
  homeworkHelp?: HomeworkHelpDetailsInput | null | undefined;
  individualGuidance?: IndividualGuidanceDetailsInput | null | undefined;
  informationSession?: InformationSessionDetailsInput | null | undefined;
  location?: ActivityLocation | null | undefined;
  locationNote?: string | null | undefined;
  /** Max 2000 characters; no names of young people. */
  notes?: string | null | undefined;
  /** Number of young people taking part (0–10000). */
  participantCount?: number | null | undefined;
  startsAt?: string | null | undefined;
  /** Up to 20 themes, e.g. pesten, online veiligheid. */
  themes?: Array<string> | null | undefined;
};

/** Corrects an assessment. Fields left out keep their value; scores, when given, replace all scores. */
export type UpdateAssessmentInput = {
  actionPlan?: string | null | undefined;
  assessedOn?: string | null | undefined;
  assessmentId: string | number;
  /** The `version` you last read; a stale one is a CONFLICT. */
  expectedVersion: number;
  scores?: Array<AssessmentScoreInput> | null | undefined;
};

export type UpdatePartnershipInput = {
  /** Pilot fields of the amsterdam plugin. */
  amsterdam?: AmsterdamPartnershipInput | null | undefined;
  /** Pilot fields of the arnhem plugin. */
  arnhem?: ArnhemPartnershipInput | null | undefined;
  /** Consultation rhythm: every N weeks (1–52). */
  consultationEveryWeeks?: number | null | undefined;
  endsOn?: string | null | undefined;
  /** The `version` you last read; a stale one is a CONFLICT. */
  expectedVersion: number;
  facilities?: PartnershipFacilitiesInput | null | undefined;
  form?: PartnershipForm | null | undefined;
  funding?: PartnershipFundingInput | null | undefined;
  goals?: Array<string> | null | undefined;
  id: string | number;
  /** Defaults to "<organisation> × <school>". */
  name?: string | null | undefined;
  rolesAndResponsibilities?: string | null | undefined;
  /** A person of the school: its fixed contact person for youth work. */
  schoolContactId?: string | number | null | undefined;
  startsOn?: string | null | undefined;
  status?: PartnershipStatus | null | undefined;
};

type ActivityFields_ArnhemMentorLesson_Fragment = { __typename: 'ArnhemMentorLesson', id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> };

type ActivityFields_BreakConversation_Fragment = { __typename: 'BreakConversation', youngPeopleSpokenTo: number | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> };

type ActivityFields_Consultation_Fragment = { __typename: 'Consultation', planned: boolean | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, attendees: Array<{ id: string }>, signalsDiscussed: Array<{ id: string }>, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> };

type ActivityFields_HomeworkHelp_Fragment = { __typename: 'HomeworkHelp', attendeeCount: number | null, subjects: Array<string>, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> };

type ActivityFields_IndividualGuidance_Fragment = { __typename: 'IndividualGuidance', id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, youth: { id: string, code: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> };

type ActivityFields_InformationSession_Fragment = { __typename: 'InformationSession', topic: string | null, audience: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> };

export type ActivityFieldsFragment =
  | ActivityFields_ArnhemMentorLesson_Fragment
  | ActivityFields_BreakConversation_Fragment
  | ActivityFields_Consultation_Fragment
  | ActivityFields_HomeworkHelp_Fragment
  | ActivityFields_IndividualGuidance_Fragment
  | ActivityFields_InformationSession_Fragment
;

export type ActivitiesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ActivityFilter | null | undefined;
  orderBy?: ActivityOrder | null | undefined;
}>;


export type ActivitiesQuery = { activities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node:
        | { __typename: 'ArnhemMentorLesson', id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
        | { __typename: 'BreakConversation', youngPeopleSpokenTo: number | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
        | { __typename: 'Consultation', planned: boolean | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, attendees: Array<{ id: string }>, signalsDiscussed: Array<{ id: string }>, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
        | { __typename: 'HomeworkHelp', attendeeCount: number | null, subjects: Array<string>, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
        | { __typename: 'IndividualGuidance', id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, youth: { id: string, code: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
        | { __typename: 'InformationSession', topic: string | null, audience: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
       }> } };

export type ActivitiesWithSchoolQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ActivitiesWithSchoolQuery = { activities: { edges: Array<{ node:
        | { id: string, partnership: { name: string, school: { name: string } }, facilitators: Array<{ name: string | null }> }
        | { id: string, partnership: { name: string, school: { name: string } }, facilitators: Array<{ name: string | null }> }
        | { id: string, partnership: { name: string, school: { name: string } }, facilitators: Array<{ name: string | null }> }
        | { id: string, partnership: { name: string, school: { name: string } }, facilitators: Array<{ name: string | null }> }
        | { id: string, partnership: { name: string, school: { name: string } }, facilitators: Array<{ name: string | null }> }
        | { id: string, partnership: { name: string, school: { name: string } }, facilitators: Array<{ name: string | null }> }
       }> } };

export type LogActivityMutationVariables = Exact<{
  input: LogActivityInput;
}>;


export type LogActivityMutation = { logActivity: { activity:
      | { __typename: 'ArnhemMentorLesson', id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'BreakConversation', youngPeopleSpokenTo: number | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'Consultation', planned: boolean | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, attendees: Array<{ id: string }>, signalsDiscussed: Array<{ id: string }>, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'HomeworkHelp', attendeeCount: number | null, subjects: Array<string>, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'IndividualGuidance', id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, youth: { id: string, code: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'InformationSession', topic: string | null, audience: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
     } };

export type OnActivityLoggedSubscriptionVariables = Exact<{
  partnershipId?: string | number | null | undefined;
}>;


export type OnActivityLoggedSubscription = { activityLogged:
    | { __typename: 'ArnhemMentorLesson', id: string, kind: ActivityKind, durationMinutes: number, partnership: { id: string } }
    | { __typename: 'BreakConversation', id: string, kind: ActivityKind, durationMinutes: number, partnership: { id: string } }
    | { __typename: 'Consultation', id: string, kind: ActivityKind, durationMinutes: number, partnership: { id: string } }
    | { __typename: 'HomeworkHelp', id: string, kind: ActivityKind, durationMinutes: number, partnership: { id: string } }
    | { __typename: 'IndividualGuidance', id: string, kind: ActivityKind, durationMinutes: number, partnership: { id: string } }
    | { __typename: 'InformationSession', id: string, kind: ActivityKind, durationMinutes: number, partnership: { id: string } }
   };

export type UpdateActivityMutationVariables = Exact<{
  input: UpdateActivityInput;
}>;


export type UpdateActivityMutation = { updateActivity: { activity:
      | { __typename: 'ArnhemMentorLesson', locationNote: string | null, notes: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'BreakConversation', locationNote: string | null, notes: string | null, youngPeopleSpokenTo: number | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'Consultation', locationNote: string | null, notes: string | null, planned: boolean | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, attendees: Array<{ id: string }>, signalsDiscussed: Array<{ id: string }>, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'HomeworkHelp', locationNote: string | null, notes: string | null, attendeeCount: number | null, subjects: Array<string>, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'IndividualGuidance', locationNote: string | null, notes: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, youth: { id: string, code: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'InformationSession', locationNote: string | null, notes: string | null, topic: string | null, audience: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, location: ActivityLocation | null, themes: Array<string>, version: number, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
     } };

export type DeleteActivityMutationVariables = Exact<{
  input: DeleteActivityInput;
}>;


export type DeleteActivityMutation = { deleteActivity: { deletedActivityId: string } };

export type E2ePartnershipsQueryVariables = Exact<{ [key: string]: never; }>;


export type E2ePartnershipsQuery = { partnerships: { totalCount: number, edges: Array<{ node: { id: string, name: string, city: { name: string } } }> } };

export type E2eReportSignalMutationVariables = Exact<{
  input: ReportSignalInput;
}>;


export type E2eReportSignalMutation = { reportSignal: { signal: { __typename: 'Signal', id: string, summary: string | null, partnership: { id: string } } } };

export type E2eSignalReportedSubscriptionVariables = Exact<{
  partnershipId?: string | number | null | undefined;
}>;


export type E2eSignalReportedSubscription = { signalReported: { __typename: 'Signal', id: string, summary: string | null, partnership: { id: string } } };

export type EvaluationCellFragment = { period: { start: string, end: string, label: string }, group: Array<{ dimension: EvaluationDimension, value: string | null, label: string | null }> };

export type EvaluationActivitiesQueryVariables = Exact<{
  from: string;
  to: string;
  bucket?: EvaluationBucket | null | undefined;
  groupBy?: Array<EvaluationDimension> | EvaluationDimension | null | undefined;
  filter?: EvaluationFilter | null | undefined;
}>;


export type EvaluationActivitiesQuery = { evaluation: { from: string, to: string, bucket: EvaluationBucket, activities: Array<{ count: number, participants: number, hours: number, period: { start: string, end: string, label: string }, group: Array<{ dimension: EvaluationDimension, value: string | null, label: string | null }> }> } | null };

export type EvaluationReachQueryVariables = Exact<{
  from: string;
  to: string;
  bucket?: EvaluationBucket | null | undefined;
  groupBy?: Array<EvaluationDimension> | EvaluationDimension | null | undefined;
  filter?: EvaluationFilter | null | undefined;
}>;


export type EvaluationReachQuery = { evaluation: { reach: Array<{ youngPeople: number | null, enrolmentShare: number | null, suppressed: boolean, suppressedFigures: Array<string>, period: { start: string, end: string, label: string, coversFrom: string, coversTo: string }, group: Array<{ dimension: EvaluationDimension, value: string | null, label: string | null }> }> } | null };

export type EvaluationSignalsQueryVariables = Exact<{
  from: string;
  to: string;
  bucket?: EvaluationBucket | null | undefined;
  groupBy?: Array<EvaluationDimension> | EvaluationDimension | null | undefined;
  filter?: EvaluationFilter | null | undefined;
  followUpWithinDays?: number | null | undefined;
}>;


export type EvaluationSignalsQuery = { evaluation: { signals: Array<{ count: number | null, followedUpWithinShare: number | null, medianHoursToFirstFollowUp: number | null, p90HoursToFirstFollowUp: number | null, medianHoursToClose: number | null, p90HoursToClose: number | null, suppressed: boolean, suppressedFigures: Array<string>, period: { start: string, end: string, label: string, coversFrom: string, coversTo: string }, group: Array<{ dimension: EvaluationDimension, value: string | null, label: string | null }> }> } | null };

export type EvaluationConsultationsQueryVariables = Exact<{
  from: string;
  to: string;
  bucket?: EvaluationBucket | null | undefined;
  groupBy?: Array<EvaluationDimension> | EvaluationDimension | null | undefined;
  filter?: EvaluationFilter | null | undefined;
}>;


export type EvaluationConsultationsQuery = { evaluation: { consultations: Array<{ partnerships: number, held: number, planned: number | null, heldShare: number | null, period: { start: string, end: string, label: string, coversFrom: string, coversTo: string }, group: Array<{ dimension: EvaluationDimension, value: string | null, label: string | null }> }> } | null };

export type EvaluationMonitorQueryVariables = Exact<{
  from: string;
  to: string;
  bucket?: EvaluationBucket | null | undefined;
  groupBy?: Array<EvaluationDimension> | EvaluationDimension | null | undefined;
  filter?: EvaluationFilter | null | undefined;
  lastRounds?: number | null | undefined;
}>;


export type EvaluationMonitorQuery = { evaluation: { monitor: Array<{ element: AssessmentElement, assessments: number, averageScore: number, medianScore: number, minScore: number, maxScore: number, period: { start: string, end: string, label: string, coversFrom: string, coversTo: string }, group: Array<{ dimension: EvaluationDimension, value: string | null, label: string | null }> }> } | null };

export type EvaluationAllQueryVariables = Exact<{
  from: string;
  to: string;
  bucket?: EvaluationBucket | null | undefined;
  groupBy?: Array<EvaluationDimension> | EvaluationDimension | null | undefined;
  filter?: EvaluationFilter | null | undefined;
}>;


export type EvaluationAllQuery = { evaluation: { activities: Array<{ count: number }>, reach: Array<{ youngPeople: number | null }>, signals: Array<{ count: number | null }>, consultations: Array<{ held: number }>, monitor: Array<{ averageScore: number }> } | null };

export type EvaluationNothingQueryVariables = Exact<{
  from: string;
  to: string;
  filter?: EvaluationFilter | null | undefined;
}>;


export type EvaluationNothingQuery = { evaluation: { from: string, to: string, bucket: EvaluationBucket } | null };

export type PeopleWithRolesQueryVariables = Exact<{
  filter?: PersonFilter | null | undefined;
}>;


export type PeopleWithRolesQuery = { people: { totalCount: number, edges: Array<{ node: { id: string, roles: Array<{ id: string, role: Role, partnership: { id: string } | null }> | null } }> } };

export type RoleAssignmentNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type RoleAssignmentNodeQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type AssessmentFieldsFragment = { id: string, round: number, assessedOn: string, actionPlan: string | null, version: number, recordedBy: { id: string } | null, partnership: { id: string }, scores: Array<{ element: AssessmentElement, score: number, comment: string | null }> };

export type RecordAssessmentMutationVariables = Exact<{
  input: RecordAssessmentInput;
}>;


export type RecordAssessmentMutation = { recordAssessment: { assessment: { id: string, round: number, assessedOn: string, actionPlan: string | null, version: number, recordedBy: { id: string } | null, partnership: { id: string }, scores: Array<{ element: AssessmentElement, score: number, comment: string | null }> } } };

export type UpdateAssessmentMutationVariables = Exact<{
  input: UpdateAssessmentInput;
}>;


export type UpdateAssessmentMutation = { updateAssessment: { assessment: { id: string, round: number, assessedOn: string, actionPlan: string | null, version: number, recordedBy: { id: string } | null, partnership: { id: string }, scores: Array<{ element: AssessmentElement, score: number, comment: string | null }> } } };

export type PartnershipAssessmentsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnershipAssessmentsQuery = { node:
    | { id: string, assessments: Array<{ id: string, round: number, assessedOn: string, actionPlan: string | null, version: number, recordedBy: { id: string } | null, partnership: { id: string }, scores: Array<{ element: AssessmentElement, score: number, comment: string | null }> }> | null }
    | Record<PropertyKey, never>
   | null };

export type LogActivityFullMutationVariables = Exact<{
  input: LogActivityInput;
}>;


export type LogActivityFullMutation = { logActivity: { activity:
      | { __typename: 'ArnhemMentorLesson', location: ActivityLocation | null, locationNote: string | null, notes: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, themes: Array<string>, version: number, loggedBy: { id: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'BreakConversation', location: ActivityLocation | null, locationNote: string | null, notes: string | null, youngPeopleSpokenTo: number | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, themes: Array<string>, version: number, loggedBy: { id: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'Consultation', location: ActivityLocation | null, locationNote: string | null, notes: string | null, planned: boolean | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, themes: Array<string>, version: number, loggedBy: { id: string } | null, attendees: Array<{ id: string }>, signalsDiscussed: Array<{ id: string }>, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'HomeworkHelp', location: ActivityLocation | null, locationNote: string | null, notes: string | null, attendeeCount: number | null, subjects: Array<string>, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, themes: Array<string>, version: number, loggedBy: { id: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'IndividualGuidance', location: ActivityLocation | null, locationNote: string | null, notes: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, themes: Array<string>, version: number, loggedBy: { id: string } | null, youth: { id: string, code: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
      | { __typename: 'InformationSession', location: ActivityLocation | null, locationNote: string | null, notes: string | null, topic: string | null, audience: string | null, id: string, kind: ActivityKind, startsAt: string, durationMinutes: number, participantCount: number | null, themes: Array<string>, version: number, loggedBy: { id: string } | null, partnership: { id: string, name: string }, facilitators: Array<{ id: string, name: string | null }> }
     } };

export type UpdatePartnershipFullMutationVariables = Exact<{
  input: UpdatePartnershipInput;
}>;


export type UpdatePartnershipFullMutation = { updatePartnership: { partnership: { id: string, name: string, form: PartnershipForm, status: PartnershipStatus, startsOn: string, endsOn: string | null, goals: Array<string>, rolesAndResponsibilities: string | null, consultationEveryWeeks: number | null, version: number, funding: { type: FundingType, source: string | null, until: string | null }, facilities: { hasRoom: boolean, roomLocation: string | null }, schoolContact: { id: string } | null } } };

export type CreatePartnershipFullMutationVariables = Exact<{
  input: CreatePartnershipInput;
}>;


export type CreatePartnershipFullMutation = { createPartnership: { partnership: { id: string, name: string, form: PartnershipForm, status: PartnershipStatus, startsOn: string, endsOn: string | null, goals: Array<string>, rolesAndResponsibilities: string | null, consultationEveryWeeks: number | null, version: number, funding: { type: FundingType, source: string | null, until: string | null }, facilities: { hasRoom: boolean, roomLocation: string | null }, schoolContact: { id: string } | null, school: { id: string }, youthWorkOrganisation: { id: string }, city: { id: string } } } };

export type AssignRoleFullMutationVariables = Exact<{
  input: AssignRoleInput;
}>;


export type AssignRoleFullMutation = { assignRole: { roleAssignment: { id: string, role: Role, scope: RoleScope, city: { id: string } | null, partnership: { id: string } | null } } };

export type SignalNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type SignalNodeQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string, lifeDomain: LifeDomain, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, status: SignalStatus, allowedTransitions: Array<SignalStatus>, referralDestination: string | null, reportedAt: string, acknowledgedAt: string | null, inProgressAt: string | null, referredAt: string | null, closedAt: string | null, version: number | null, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, partnership: { id: string }, followUps: Array<{ id: string, action: FollowUpAction, note: string | null, at: string, by: { id: string } | null }> | null }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type SignalRowsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: SignalFilter | null | undefined;
}>;


export type SignalRowsQuery = { signals: { totalCount: number, edges: Array<{ node: { id: string, partnership: { id: string }, reportedBy: { id: string } | null } }> } };

export type ActivityRowsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: ActivityFilter | null | undefined;
}>;


export type ActivityRowsQuery = { activities: { totalCount: number, edges: Array<{ node:
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
       }> } };

export type PartnershipRowsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: PartnershipFilter | null | undefined;
}>;


export type PartnershipRowsQuery = { partnerships: { totalCount: number, edges: Array<{ node: { id: string, city: { id: string } } }> } };

export type PartnershipNestedQueryVariables = Exact<{
  id: string | number;
  signalFilter?: SignalFilter | null | undefined;
}>;


export type PartnershipNestedQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', openSignalCount: number, id: string, signals: { totalCount: number, edges: Array<{ node: { id: string, reportedBy: { id: string } | null } }> }, activities: { totalCount: number } }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type PeopleRowsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: PersonFilter | null | undefined;
}>;


export type PeopleRowsQuery = { people: { totalCount: number, edges: Array<{ node: { id: string } }> } };

export type PartnershipVersionQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnershipVersionQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { name: string, version: number, consultationEveryWeeks: number | null, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type NtkSignalFragment = { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null };

export type NtkSignalsQueryVariables = Exact<{
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
  filter?: SignalFilter | null | undefined;
  orderBy?: SignalOrder | null | undefined;
}>;


export type NtkSignalsQuery = { signals: { totalCount: number, edges: Array<{ cursor: string, node: { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null } }> } };

export type NtkSignalMetadataQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: SignalFilter | null | undefined;
  orderBy?: SignalOrder | null | undefined;
}>;


export type NtkSignalMetadataQuery = { signals: { totalCount: number, edges: Array<{ node: { id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide } }> } };

export type NtkSignalsTwiceQueryVariables = Exact<{
  filter?: SignalFilter | null | undefined;
  id: string | number;
}>;


export type NtkSignalsTwiceQuery = { signals: { edges: Array<{ node: { id: string, summary: string | null } }> }, again: { edges: Array<{ node: { id: string, category: SignalCategory | null, urgency: SignalUrgency | null } }> }, node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { summary: string | null, id: string }
    | { id: string }
    | { id: string }
   | null };

export type NtkNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NtkNodeQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type NtkNodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NtkNodesQuery = { nodes: Array<
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null> };

export type NtkPartnershipSignalsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
  filter?: SignalFilter | null | undefined;
  orderBy?: SignalOrder | null | undefined;
}>;


export type NtkPartnershipSignalsQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string, signals: { totalCount: number, edges: Array<{ cursor: string, node: { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null } }> } }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type NtkYouthSignalsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
  filter?: SignalFilter | null | undefined;
  orderBy?: SignalOrder | null | undefined;
}>;


export type NtkYouthSignalsQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', code: string, id: string, signals: { totalCount: number, edges: Array<{ cursor: string, node: { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null } }> } }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type NtkConsultationQueryVariables = Exact<{
  id: string | number;
}>;


export type NtkConsultationQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string, signalsDiscussed: Array<{ __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null }> }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type NtkActivityQueryVariables = Exact<{
  id: string | number;
}>;


export type NtkActivityQuery = { node:
    | { __typename: 'ArnhemMentorLesson', notes: string | null, id: string, partnership: { id: string } }
    | { __typename: 'BreakConversation', notes: string | null, id: string, partnership: { id: string } }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', notes: string | null, id: string, partnership: { id: string } }
    | { __typename: 'HomeworkHelp', notes: string | null, id: string, partnership: { id: string } }
    | { __typename: 'IndividualGuidance', notes: string | null, id: string, partnership: { id: string }, youth: { id: string } | null }
    | { __typename: 'InformationSession', notes: string | null, id: string, partnership: { id: string } }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type NtkActivitiesQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: ActivityFilter | null | undefined;
}>;


export type NtkActivitiesQuery = { activities: { totalCount: number, edges: Array<{ node:
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
        | { id: string, partnership: { id: string } }
       }> } };

export type NtkPeopleQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: PersonFilter | null | undefined;
}>;


export type NtkPeopleQuery = { people: { totalCount: number, edges: Array<{ node: { id: string, name: string | null, email: string | null } }> } };

export type NtkAuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: AuditEventFilter | null | undefined;
}>;


export type NtkAuditEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { id: string, at: string, actorId: string | null, operation: AuditOperation, entity: AuditedEntity, entityId: string, fields: Array<string> } }> } };

export type NtkSignalMetaFragment = { id: string, access: SignalAccess, status: SignalStatus, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null };

export type NtkReportSignalMutationVariables = Exact<{
  input: ReportSignalInput;
}>;


export type NtkReportSignalMutation = { reportSignal: { signal: { id: string, access: SignalAccess, status: SignalStatus, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null } } };

export type NtkChangeSignalStatusMutationVariables = Exact<{
  input: ChangeSignalStatusInput;
}>;


export type NtkChangeSignalStatusMutation = { changeSignalStatus: { signal: { id: string, access: SignalAccess, status: SignalStatus, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null } } };

export type NtkAddSignalFollowUpMutationVariables = Exact<{
  input: AddSignalFollowUpInput;
}>;


export type NtkAddSignalFollowUpMutation = { addSignalFollowUp: { signal: { id: string, access: SignalAccess, status: SignalStatus, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null } } };

export type NtkShareSignalMutationVariables = Exact<{
  input: ShareSignalInput;
}>;


export type NtkShareSignalMutation = { shareSignal: { signal: { id: string, access: SignalAccess, status: SignalStatus, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null } } };

export type NtkLogActivityMutationVariables = Exact<{
  input: LogActivityInput;
}>;


export type NtkLogActivityMutation = { logActivity: { activity:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     } };

export type NtkRegisterYouthMutationVariables = Exact<{
  input: RegisterYouthInput;
}>;


export type NtkRegisterYouthMutation = { registerYouth: { youth: { id: string } } };

export type NtkSignalReportedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NtkSignalReportedSubscription = { signalReported: { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null } };

export type NtkSignalChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NtkSignalChangedSubscription = { signalChanged: { __typename: 'Signal', id: string, access: SignalAccess, status: SignalStatus, lifeDomain: LifeDomain, ownerSide: PartnerSide, sharedWith: SignalAudience, version: number | null, updatedAt: string | null, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, legalBasis: LegalBasis | null, referralDestination: string | null, partnership: { id: string }, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, followUps: Array<{ id: string, action: FollowUpAction, note: string | null }> | null } };

export type NtkPartnershipContactQueryVariables = Exact<{
  id: string | number;
}>;


export type NtkPartnershipContactQuery = { node:
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string, schoolContact: { id: string, name: string | null, email: string | null } | null }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string | null, email: string | null, roles: Array<{ role: Role, scope: RoleScope, partnership: { id: string } | null }> | null } };

export type MyPartnershipsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PartnershipFilter | null | undefined;
  orderBy?: PartnershipOrder | null | undefined;
}>;


export type MyPartnershipsQuery = { partnerships: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, form: PartnershipForm, status: PartnershipStatus, startsOn: string, endsOn: string | null, goals: Array<string>, rolesAndResponsibilities: string | null, consultationEveryWeeks: number | null, version: number, openSignalCount: number, funding: { type: FundingType, source: string | null, until: string | null }, facilities: { hasRoom: boolean, roomLocation: string | null }, schoolContact: { id: string, name: string | null } | null, school: { id: string, name: string, brinCode: string }, city: { id: string, name: string }, youthWorkOrganisation: { id: string, name: string } } }> } };

export type PartnershipsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type PartnershipsPageQuery = { partnerships: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string } }> } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'ArnhemMentorLesson', kind: ActivityKind, startsAt: string, id: string }
    | { __typename: 'BreakConversation', kind: ActivityKind, startsAt: string, id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', kind: ActivityKind, startsAt: string, id: string }
    | { __typename: 'HomeworkHelp', kind: ActivityKind, startsAt: string, id: string }
    | { __typename: 'IndividualGuidance', kind: ActivityKind, startsAt: string, id: string }
    | { __typename: 'InformationSession', kind: ActivityKind, startsAt: string, id: string }
    | { __typename: 'Partnership', name: string, id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string, personName: string | null }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', status: SignalStatus, summary: string | null, id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { __typename: 'ArnhemMentorLesson', id: string }
    | { __typename: 'BreakConversation', id: string }
    | { __typename: 'City', id: string }
    | { __typename: 'Consultation', id: string }
    | { __typename: 'HomeworkHelp', id: string }
    | { __typename: 'IndividualGuidance', id: string }
    | { __typename: 'InformationSession', id: string }
    | { __typename: 'Partnership', id: string }
    | { __typename: 'PartnershipAssessment', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'RoleAssignment', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'Signal', id: string }
    | { __typename: 'Youth', id: string }
    | { __typename: 'YouthWorkOrganisation', id: string }
   | null> };

export type PeopleQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: PersonFilter | null | undefined;
  orderBy?: PersonOrder | null | undefined;
}>;


export type PeopleQuery = { people: { totalCount: number, edges: Array<{ node: { id: string, name: string | null, email: string | null } }> } };

export type CreatePartnershipMutationVariables = Exact<{
  input: CreatePartnershipInput;
}>;


export type CreatePartnershipMutation = { createPartnership: { partnership: { id: string, name: string, form: PartnershipForm, version: number, city: { name: string } } } };

export type UpdatePartnershipMutationVariables = Exact<{
  input: UpdatePartnershipInput;
}>;


export type UpdatePartnershipMutation = { updatePartnership: { partnership: { id: string, name: string, version: number, consultationEveryWeeks: number | null, endsOn: string | null } } };

export type AssignRoleMutationVariables = Exact<{
  input: AssignRoleInput;
}>;


export type AssignRoleMutation = { assignRole: { roleAssignment: { id: string, role: Role, scope: RoleScope } } };

export type RevokeRoleMutationVariables = Exact<{
  input: RevokeRoleInput;
}>;


export type RevokeRoleMutation = { revokeRole: { revokedRoleAssignmentId: string } };

export type RelPersonFragment = { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null };

export type RelSignalQueryVariables = Exact<{
  id: string | number;
}>;


export type RelSignalQuery = { node:
    | { reportedBy: { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null } | null, followUps: Array<{ by: { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null } | null }> | null }
    | Record<PropertyKey, never>
   | null };

export type RelConsultationQueryVariables = Exact<{
  id: string | number;
}>;


export type RelConsultationQuery = { node:
    | { loggedBy: { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null } | null, facilitators: Array<{ id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null }>, attendees: Array<{ id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null }> }
    | Record<PropertyKey, never>
   | null };

export type RelAssessmentsQueryVariables = Exact<{
  id: string | number;
}>;


export type RelAssessmentsQuery = { node:
    | { schoolContact: { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null } | null, assessments: Array<{ recordedBy: { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null } | null }> | null }
    | Record<PropertyKey, never>
   | null };

export type RelPeopleQueryVariables = Exact<{
  search: string;
}>;


export type RelPeopleQuery = { people: { edges: Array<{ node: { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null } }> } };

export type RelPersonNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type RelPersonNodeQuery = { node:
    | { id: string, access: PersonAccess, kind: ActorKind, name: string | null, email: string | null, version: number | null, createdAt: string | null, updatedAt: string | null, school: { id: string, name: string } | null, organisation: { id: string, name: string } | null }
    | Record<PropertyKey, never>
   | null };

export type SignalFieldsFragment = { id: string, lifeDomain: LifeDomain, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, status: SignalStatus, allowedTransitions: Array<SignalStatus>, referralDestination: string | null, reportedAt: string, acknowledgedAt: string | null, inProgressAt: string | null, referredAt: string | null, closedAt: string | null, version: number | null, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, partnership: { id: string }, followUps: Array<{ id: string, action: FollowUpAction, note: string | null, at: string, by: { id: string } | null }> | null };

export type SignalsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SignalFilter | null | undefined;
  orderBy?: SignalOrder | null | undefined;
}>;


export type SignalsQuery = { signals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, lifeDomain: LifeDomain, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, status: SignalStatus, allowedTransitions: Array<SignalStatus>, referralDestination: string | null, reportedAt: string, acknowledgedAt: string | null, inProgressAt: string | null, referredAt: string | null, closedAt: string | null, version: number | null, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, partnership: { id: string }, followUps: Array<{ id: string, action: FollowUpAction, note: string | null, at: string, by: { id: string } | null }> | null } }> } };

export type ReportSignalMutationVariables = Exact<{
  input: ReportSignalInput;
}>;


export type ReportSignalMutation = { reportSignal: { signal: { id: string, lifeDomain: LifeDomain, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, status: SignalStatus, allowedTransitions: Array<SignalStatus>, referralDestination: string | null, reportedAt: string, acknowledgedAt: string | null, inProgressAt: string | null, referredAt: string | null, closedAt: string | null, version: number | null, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, partnership: { id: string }, followUps: Array<{ id: string, action: FollowUpAction, note: string | null, at: string, by: { id: string } | null }> | null } } };

export type ChangeSignalStatusMutationVariables = Exact<{
  input: ChangeSignalStatusInput;
}>;


export type ChangeSignalStatusMutation = { changeSignalStatus: { signal: { id: string, lifeDomain: LifeDomain, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, status: SignalStatus, allowedTransitions: Array<SignalStatus>, referralDestination: string | null, reportedAt: string, acknowledgedAt: string | null, inProgressAt: string | null, referredAt: string | null, closedAt: string | null, version: number | null, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, partnership: { id: string }, followUps: Array<{ id: string, action: FollowUpAction, note: string | null, at: string, by: { id: string } | null }> | null } } };

export type AddSignalFollowUpMutationVariables = Exact<{
  input: AddSignalFollowUpInput;
}>;


export type AddSignalFollowUpMutation = { addSignalFollowUp: { signal: { id: string, lifeDomain: LifeDomain, category: SignalCategory | null, subject: SignalSubject | null, urgency: SignalUrgency | null, summary: string | null, status: SignalStatus, allowedTransitions: Array<SignalStatus>, referralDestination: string | null, reportedAt: string, acknowledgedAt: string | null, inProgressAt: string | null, referredAt: string | null, closedAt: string | null, version: number | null, youth: { id: string, code: string } | null, reportedBy: { id: string } | null, partnership: { id: string }, followUps: Array<{ id: string, action: FollowUpAction, note: string | null, at: string, by: { id: string } | null }> | null } } };

export type RegisterYouthMutationVariables = Exact<{
  input: RegisterYouthInput;
}>;


export type RegisterYouthMutation = { registerYouth: { youth: { id: string, code: string, yearGroup: number | null, ageBand: AgeBand | null } } };

export type OnSignalReportedSubscriptionVariables = Exact<{
  partnershipId?: string | number | null | undefined;
}>;


export type OnSignalReportedSubscription = { signalReported: { id: string, summary: string | null, status: SignalStatus, partnership: { id: string } } };

export type OnSignalChangedSubscriptionVariables = Exact<{
  partnershipId?: string | number | null | undefined;
}>;


export type OnSignalChangedSubscription = { signalChanged: { id: string, status: SignalStatus, version: number | null } };

export const ActivityFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActivityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilitators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InformationSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HomeworkHelp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BreakConversation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youngPeopleSpokenTo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IndividualGuidance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"attendees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signalsDiscussed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityFieldsFragment, unknown>;
export const EvaluationCellFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EvaluationCell"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<EvaluationCellFragment, unknown>;
export const AssessmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssessmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<AssessmentFieldsFragment, unknown>;
export const NtkSignalFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkSignalFragment, unknown>;
export const NtkSignalMetaFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignalMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<NtkSignalMetaFragment, unknown>;
export const RelPersonFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelPerson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RelPersonFragment, unknown>;
export const SignalFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SignalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inProgressAt"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SignalFieldsFragment, unknown>;
export const ActivitiesDocument = {"__meta__":{"hash":"sha256:e97a92b44811fcaf76437db556cc62e0ba1d023820212b9dbe64bacb95286c3f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Activities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActivityFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActivityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilitators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InformationSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HomeworkHelp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BreakConversation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youngPeopleSpokenTo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IndividualGuidance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"attendees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signalsDiscussed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ActivitiesQuery, ActivitiesQueryVariables>;
export const ActivitiesWithSchoolDocument = {"__meta__":{"hash":"sha256:cefe68fe757dfbb17d9a28fd7cc90e4263c8234aef390f7e988f90ab660a4dad"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivitiesWithSchool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilitators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActivitiesWithSchoolQuery, ActivitiesWithSchoolQueryVariables>;
export const LogActivityDocument = {"__meta__":{"hash":"sha256:cd9e21947be7f7d2392949869756d217b81851da0043804197ca013b29017068"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActivityFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActivityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilitators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InformationSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HomeworkHelp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BreakConversation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youngPeopleSpokenTo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IndividualGuidance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"attendees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signalsDiscussed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LogActivityMutation, LogActivityMutationVariables>;
export const OnActivityLoggedDocument = {"__meta__":{"hash":"sha256:1f8c52b8d9052aeff3213dc59775680b4240be67d0849349fec53541c3143e3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnActivityLogged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityLogged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"partnershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<OnActivityLoggedSubscription, OnActivityLoggedSubscriptionVariables>;
export const UpdateActivityDocument = {"__meta__":{"hash":"sha256:d608ae6e14798e9600bfcb7bea17f2bd2994590258b181bb0a836f05987785cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActivityFields"}},{"kind":"Field","name":{"kind":"Name","value":"locationNote"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActivityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilitators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InformationSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HomeworkHelp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BreakConversation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youngPeopleSpokenTo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IndividualGuidance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"attendees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signalsDiscussed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateActivityMutation, UpdateActivityMutationVariables>;
export const DeleteActivityDocument = {"__meta__":{"hash":"sha256:3cb7baa0b821f13bdd5fe2b53ebca208a4a02711423820739adec754eaed5f19"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedActivityId"}}]}}]}}]} as unknown as DocumentNode<DeleteActivityMutation, DeleteActivityMutationVariables>;
export const E2ePartnershipsDocument = {"__meta__":{"hash":"sha256:9451482054e9558bba6a11b650b3be7df6cb56883c2c37e4500b434ada5549e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"E2ePartnerships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<E2ePartnershipsQuery, E2ePartnershipsQueryVariables>;
export const E2eReportSignalDocument = {"__meta__":{"hash":"sha256:1bdc6fa0904fb053fd750fe9def4ef16c11f031f12f288f3eedc901601b54bfa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"E2eReportSignal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportSignalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportSignal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<E2eReportSignalMutation, E2eReportSignalMutationVariables>;
export const E2eSignalReportedDocument = {"__meta__":{"hash":"sha256:d59e2bc37f1155feed5d5642d03585ea0592be3e9dce3954ee115a6250050052"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"E2eSignalReported"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalReported"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"partnershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<E2eSignalReportedSubscription, E2eSignalReportedSubscriptionVariables>;
export const EvaluationActivitiesDocument = {"__meta__":{"hash":"sha256:8646f78f116312356f12c7f6ad7dac369cbdf4aa7ccafcd0b3a2d905b469dfb6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EvaluationCell"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EvaluationCell"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<EvaluationActivitiesQuery, EvaluationActivitiesQueryVariables>;
export const EvaluationReachDocument = {"__meta__":{"hash":"sha256:8067ecb85548d91b644a79d3dd14679fc2d9ed43e16c1b1f0a6af16008886b8a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationReach"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reach"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"coversFrom"}},{"kind":"Field","name":{"kind":"Name","value":"coversTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"youngPeople"}},{"kind":"Field","name":{"kind":"Name","value":"enrolmentShare"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFigures"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluationReachQuery, EvaluationReachQueryVariables>;
export const EvaluationSignalsDocument = {"__meta__":{"hash":"sha256:67b0cf2981223ffb365cb318dd64b8b6f2a2fb40c4c7e873262abd5e54fa1df9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationSignals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"followUpWithinDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"followUpWithinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"followUpWithinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"coversFrom"}},{"kind":"Field","name":{"kind":"Name","value":"coversTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"followedUpWithinShare"}},{"kind":"Field","name":{"kind":"Name","value":"medianHoursToFirstFollowUp"}},{"kind":"Field","name":{"kind":"Name","value":"p90HoursToFirstFollowUp"}},{"kind":"Field","name":{"kind":"Name","value":"medianHoursToClose"}},{"kind":"Field","name":{"kind":"Name","value":"p90HoursToClose"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFigures"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluationSignalsQuery, EvaluationSignalsQueryVariables>;
export const EvaluationConsultationsDocument = {"__meta__":{"hash":"sha256:a73f001c56762a3a81dc6e44f523eb5fb359a181ae81d41b9bf4f3e96eb975e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationConsultations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"coversFrom"}},{"kind":"Field","name":{"kind":"Name","value":"coversTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerships"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"heldShare"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluationConsultationsQuery, EvaluationConsultationsQueryVariables>;
export const EvaluationMonitorDocument = {"__meta__":{"hash":"sha256:fde4c976652bd3d37bc05028ee2870e2ccc5fa929e1cfc989061188e4b0ad6f3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lastRounds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lastRounds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lastRounds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"coversFrom"}},{"kind":"Field","name":{"kind":"Name","value":"coversTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"assessments"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}},{"kind":"Field","name":{"kind":"Name","value":"medianScore"}},{"kind":"Field","name":{"kind":"Name","value":"minScore"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluationMonitorQuery, EvaluationMonitorQueryVariables>;
export const EvaluationAllDocument = {"__meta__":{"hash":"sha256:307efdf4bb0f325726f9af7962eff8ec921c75092be001412a9a750f0858757e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationAll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reach"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youngPeople"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"held"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monitor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"averageScore"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluationAllQuery, EvaluationAllQueryVariables>;
export const EvaluationNothingDocument = {"__meta__":{"hash":"sha256:ca0ed668dd1631eab8f152a4021c7a8ef50e21a17b0334505c07de4041895c16"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluationNothing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}}]}}]}}]} as unknown as DocumentNode<EvaluationNothingQuery, EvaluationNothingQueryVariables>;
export const PeopleWithRolesDocument = {"__meta__":{"hash":"sha256:4f16858c0f4dfbd947199c54124b68f69085c05c37001392297a737de7a09a24"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PeopleWithRoles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PeopleWithRolesQuery, PeopleWithRolesQueryVariables>;
export const RoleAssignmentNodeDocument = {"__meta__":{"hash":"sha256:1be2eab53e55f17a290437c234e677a1de69bc00304e290450fb98f9074adb5f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoleAssignmentNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RoleAssignmentNodeQuery, RoleAssignmentNodeQueryVariables>;
export const RecordAssessmentDocument = {"__meta__":{"hash":"sha256:82f4e1000abe944d273c2c8f4dbbf796cae7b5f5f6ccbda814e2658ae65f55cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordAssessmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssessmentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssessmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<RecordAssessmentMutation, RecordAssessmentMutationVariables>;
export const UpdateAssessmentDocument = {"__meta__":{"hash":"sha256:e165a5517f7b76fb6ce8d767265da1211924b75a224e740d64a629388a925aec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAssessmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssessmentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssessmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<UpdateAssessmentMutation, UpdateAssessmentMutationVariables>;
export const PartnershipAssessmentsDocument = {"__meta__":{"hash":"sha256:3e54a4030fa6bce5b9726790a57b450749286aaf57bd0cb5b87aa04685bbd99e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnershipAssessments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssessmentFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssessmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipAssessment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"actionPlan"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<PartnershipAssessmentsQuery, PartnershipAssessmentsQueryVariables>;
export const LogActivityFullDocument = {"__meta__":{"hash":"sha256:bd158ef9ca99e311493ab221d119379f6f19c7fa00200721b7a09ab67b910e76"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogActivityFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActivityFields"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"locationNote"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"loggedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActivityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilitators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InformationSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HomeworkHelp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BreakConversation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youngPeopleSpokenTo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IndividualGuidance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"attendees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signalsDiscussed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LogActivityFullMutation, LogActivityFullMutationVariables>;
export const UpdatePartnershipFullDocument = {"__meta__":{"hash":"sha256:f27b76b37576b81fe3c9696db6f69f193a501213ff2aaaa8b8cfe4c47d6ceffd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePartnershipFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePartnershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAndResponsibilities"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEveryWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"until"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasRoom"}},{"kind":"Field","name":{"kind":"Name","value":"roomLocation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePartnershipFullMutation, UpdatePartnershipFullMutationVariables>;
export const CreatePartnershipFullDocument = {"__meta__":{"hash":"sha256:71cede8ac07a7745ed06c1fededb03d782bfc44357a4f8eec0120e3f82e31956"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePartnershipFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAndResponsibilities"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEveryWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"until"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasRoom"}},{"kind":"Field","name":{"kind":"Name","value":"roomLocation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"youthWorkOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreatePartnershipFullMutation, CreatePartnershipFullMutationVariables>;
export const AssignRoleFullDocument = {"__meta__":{"hash":"sha256:59c67811ae878c96842089a853c7c05865ca9c0b1020463e26d73f353c5a6514"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignRoleFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleAssignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssignRoleFullMutation, AssignRoleFullMutationVariables>;
export const SignalNodeDocument = {"__meta__":{"hash":"sha256:066092e3bccb4d404aa92a9e62c35ad2b5205eaa7a78e9811aafb496f7d9d000"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignalNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SignalFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SignalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inProgressAt"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SignalNodeQuery, SignalNodeQueryVariables>;
export const SignalRowsDocument = {"__meta__":{"hash":"sha256:3490ffb5137e1170e7a1b3af122966d72f627445904e7d4c6a9c98579dd54f63"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignalRows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SignalRowsQuery, SignalRowsQueryVariables>;
export const ActivityRowsDocument = {"__meta__":{"hash":"sha256:1505428a117b040122b89b17f51724d2673edb57ddde105fc5afdda29dfa2bcc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityRows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActivityRowsQuery, ActivityRowsQueryVariables>;
export const PartnershipRowsDocument = {"__meta__":{"hash":"sha256:62f9a1fbed954a4b9f76c798db51539a8414c4b54d612e4073ac0ca7377513fa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnershipRows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnershipRowsQuery, PartnershipRowsQueryVariables>;
export const PartnershipNestedDocument = {"__meta__":{"hash":"sha256:444e369a286481c1342eb270356e429f7be93f849b1715454eac1a073d18f7ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnershipNested"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signalFilter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openSignalCount"}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signalFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnershipNestedQuery, PartnershipNestedQueryVariables>;
export const PeopleRowsDocument = {"__meta__":{"hash":"sha256:a62cc0b7fd35dd4f64325b6f4cf6de030d09b046286d857103313914cd12b5eb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PeopleRows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PeopleRowsQuery, PeopleRowsQueryVariables>;
export const PartnershipVersionDocument = {"__meta__":{"hash":"sha256:9dfd4a5fce67de69897184fa98f3562ad371210629c91aa1c25495d7b659e80e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnershipVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEveryWeeks"}}]}}]}}]}}]} as unknown as DocumentNode<PartnershipVersionQuery, PartnershipVersionQueryVariables>;
export const NtkSignalsDocument = {"__meta__":{"hash":"sha256:2ae950e0d84c6de9ad6e75473901838ea1f969d383dffb92b5c009aecaac8a61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkSignals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkSignalsQuery, NtkSignalsQueryVariables>;
export const NtkSignalMetadataDocument = {"__meta__":{"hash":"sha256:c79155dcee7768b1a647d99a933e184f06306b73936244529e6a9128d6dc3617"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkSignalMetadata"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NtkSignalMetadataQuery, NtkSignalMetadataQueryVariables>;
export const NtkSignalsTwiceDocument = {"__meta__":{"hash":"sha256:ad718cb43450581221851f3b28e6200d146fd91bc35436a962a50dcfbd5dcfbd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkSignalsTwice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"again"},"name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]} as unknown as DocumentNode<NtkSignalsTwiceQuery, NtkSignalsTwiceQueryVariables>;
export const NtkNodeDocument = {"__meta__":{"hash":"sha256:15c1161af194316b0063983897bfc675c5479ba756691ccf0fe034fe40d25464"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkNodeQuery, NtkNodeQueryVariables>;
export const NtkNodesDocument = {"__meta__":{"hash":"sha256:a46ee0d1be986112887ca01f1efe7a69bea87ec95b826134c2b42f3118b38b57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkNodesQuery, NtkNodesQueryVariables>;
export const NtkPartnershipSignalsDocument = {"__meta__":{"hash":"sha256:a8a7ee3e8f8fc98d06980f555c0189437c67faa709c44b9430d1a95554d797ed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkPartnershipSignals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkPartnershipSignalsQuery, NtkPartnershipSignalsQueryVariables>;
export const NtkYouthSignalsDocument = {"__meta__":{"hash":"sha256:69398717c248d2466c6e353767f9bb09f00a08d9ac545eb0392c8a3223f2f330"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkYouthSignals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Youth"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkYouthSignalsQuery, NtkYouthSignalsQueryVariables>;
export const NtkConsultationDocument = {"__meta__":{"hash":"sha256:b6e38fc8b9a27942c7938d811347f88fede11832d306a2ebdb781a3b81418c68"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkConsultation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalsDiscussed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkConsultationQuery, NtkConsultationQueryVariables>;
export const NtkActivityDocument = {"__meta__":{"hash":"sha256:1829f6b48bde70244391da47a527e4aac99c8d4ac5601a15ef70f887e74e3a28"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IndividualGuidance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NtkActivityQuery, NtkActivityQueryVariables>;
export const NtkActivitiesDocument = {"__meta__":{"hash":"sha256:968808f74c98f179c579024a187d799ef84f8c7e31ea7aa8ea548a4a43bb4faf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NtkActivitiesQuery, NtkActivitiesQueryVariables>;
export const NtkPeopleDocument = {"__meta__":{"hash":"sha256:4f66b7f39f3b241ba8e739e8c8dd283c8bab350ff50172830029ae167020b122"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NtkPeopleQuery, NtkPeopleQueryVariables>;
export const NtkAuditEventsDocument = {"__meta__":{"hash":"sha256:ffcb1be0b5c4abde611dd2b63ccc219975ad3fbec7e38b3a3bcd28641b07dcaa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkAuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NtkAuditEventsQuery, NtkAuditEventsQueryVariables>;
export const NtkReportSignalDocument = {"__meta__":{"hash":"sha256:2e419581aea50056c6df33f1894a56d30846c3ef055ce54b7a4054bd7eeaba3f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NtkReportSignal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportSignalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportSignal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignalMeta"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignalMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<NtkReportSignalMutation, NtkReportSignalMutationVariables>;
export const NtkChangeSignalStatusDocument = {"__meta__":{"hash":"sha256:cfbb36baed3f5c400db227ba13cc52bee9cfb90d654bd8e9375fc2727a1ed245"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NtkChangeSignalStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeSignalStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeSignalStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignalMeta"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignalMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<NtkChangeSignalStatusMutation, NtkChangeSignalStatusMutationVariables>;
export const NtkAddSignalFollowUpDocument = {"__meta__":{"hash":"sha256:799be39ff38b3652b3ff9cbde2add179875d10ecc3cc9f359fc62e1ab694a293"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NtkAddSignalFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddSignalFollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addSignalFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignalMeta"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignalMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<NtkAddSignalFollowUpMutation, NtkAddSignalFollowUpMutationVariables>;
export const NtkShareSignalDocument = {"__meta__":{"hash":"sha256:0da9b729218cdf3c2f97039e528707562c6b784ea7f77fe4b8071ac90286795f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NtkShareSignal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareSignalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareSignal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignalMeta"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignalMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<NtkShareSignalMutation, NtkShareSignalMutationVariables>;
export const NtkLogActivityDocument = {"__meta__":{"hash":"sha256:3b20954da2c8181084f2ca695ef4fb2f49106d0de967a27567d29dc164d7a448"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NtkLogActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<NtkLogActivityMutation, NtkLogActivityMutationVariables>;
export const NtkRegisterYouthDocument = {"__meta__":{"hash":"sha256:e81d66ca259467f5e7e858aa9edf9cf55721d224cb085da82c87b5a8e16df8fa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NtkRegisterYouth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterYouthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerYouth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<NtkRegisterYouthMutation, NtkRegisterYouthMutationVariables>;
export const NtkSignalReportedDocument = {"__meta__":{"hash":"sha256:0dcc6bd3950fd3390595094284eeed65394a10903d7546f5179882bae56b7073"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NtkSignalReported"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalReported"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkSignalReportedSubscription, NtkSignalReportedSubscriptionVariables>;
export const NtkSignalChangedDocument = {"__meta__":{"hash":"sha256:35fdba79f9e9da417808d01cb892bad7b5f41d5d2b3496322c790af9428e6732"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NtkSignalChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NtkSignal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NtkSignal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"ownerSide"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWith"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<NtkSignalChangedSubscription, NtkSignalChangedSubscriptionVariables>;
export const NtkPartnershipContactDocument = {"__meta__":{"hash":"sha256:0820a9972becb771be5c5f3200e6f34b560c6f18be560839463b9788c8267182"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NtkPartnershipContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NtkPartnershipContactQuery, NtkPartnershipContactQueryVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:dd0bd7f28b3b2b42cc6b6e4f61d3e4d56f3efbd81781af9bf2dd5cf9011e9b3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MyPartnershipsDocument = {"__meta__":{"hash":"sha256:f358a808b4b4926dc5cb82a0cba349dc57e9e85147cdc3e39e13de9df1e280d0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPartnerships"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"rolesAndResponsibilities"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEveryWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openSignalCount"}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"until"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasRoom"}},{"kind":"Field","name":{"kind":"Name","value":"roomLocation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brinCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"youthWorkOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyPartnershipsQuery, MyPartnershipsQueryVariables>;
export const PartnershipsPageDocument = {"__meta__":{"hash":"sha256:673d74cd90723f4fc31c4e509e7ac2b450d7534ec43e7d7901ffef3b347c3c3c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnershipsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnershipsPageQuery, PartnershipsPageQueryVariables>;
export const NodeDocument = {"__meta__":{"hash":"sha256:947cdf212b6423f4abdc1bf9678b64fa6d5e2d81beceb5ccf9a126b2e989461a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"personName"},"name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const NodesDocument = {"__meta__":{"hash":"sha256:061e5e74ee7113d4c05a2475b34214b4bfa1c7f3a4c3904eb3829d10d065773b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const PeopleDocument = {"__meta__":{"hash":"sha256:4551a830bd29591aea3f6d43c009566f08300e44554e03f27448d5bc249bbca6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"People"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PeopleQuery, PeopleQueryVariables>;
export const CreatePartnershipDocument = {"__meta__":{"hash":"sha256:e906801a9c72f0dd0eecb0573b2f54d6c6de11f02e52e5cbf24bef561b0e95d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreatePartnershipMutation, CreatePartnershipMutationVariables>;
export const UpdatePartnershipDocument = {"__meta__":{"hash":"sha256:bcfbc422a0a7365283aa5a88d9c50b3e6e4d79c548288399230380075b9c524e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePartnershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEveryWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePartnershipMutation, UpdatePartnershipMutationVariables>;
export const AssignRoleDocument = {"__meta__":{"hash":"sha256:6b2cdaba8cde05cee2f1a93d86c5bb499805cfd09885b5105d5ca23b5f9fc3d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleAssignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}}]}}]}}]} as unknown as DocumentNode<AssignRoleMutation, AssignRoleMutationVariables>;
export const RevokeRoleDocument = {"__meta__":{"hash":"sha256:c5625ab1df70f73d5eea06a367944b6ade26172926898cf50e0af5fb60f34bfc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokedRoleAssignmentId"}}]}}]}}]} as unknown as DocumentNode<RevokeRoleMutation, RevokeRoleMutationVariables>;
export const RelSignalDocument = {"__meta__":{"hash":"sha256:f529851cca61f869c3f6efffe7a8543803724e424317cdbbb108898f2ab7fb50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelSignal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelPerson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RelSignalQuery, RelSignalQueryVariables>;
export const RelConsultationDocument = {"__meta__":{"hash":"sha256:875ef0efd0e7a5849d1d0e9083ca1d41ae9c5a0b13d507c5706e1da109efa297"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelConsultation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Consultation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loggedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facilitators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelPerson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RelConsultationQuery, RelConsultationQueryVariables>;
export const RelAssessmentsDocument = {"__meta__":{"hash":"sha256:e35158cf294adf5397e54261f6163901fe6305041cf2d220c379f060221a475b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelAssessments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelPerson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RelAssessmentsQuery, RelAssessmentsQueryVariables>;
export const RelPeopleDocument = {"__meta__":{"hash":"sha256:aed14b1dffeb713850c90a669f69c9e9bd4c44aa0a570a9f09e51bef4695a07b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelPerson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RelPeopleQuery, RelPeopleQueryVariables>;
export const RelPersonNodeDocument = {"__meta__":{"hash":"sha256:f629184b08d242297080240a2be6fc0aa0285abc785f29ae090d0ca735f03bea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelPersonNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RelPerson"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RelPerson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RelPersonNodeQuery, RelPersonNodeQueryVariables>;
export const SignalsDocument = {"__meta__":{"hash":"sha256:06d3a3618ad9744b34bee862d88b5d0e52ea8006b473b050ac1dd21f384127e2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Signals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SignalOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SignalFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SignalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inProgressAt"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SignalsQuery, SignalsQueryVariables>;
export const ReportSignalDocument = {"__meta__":{"hash":"sha256:3ba330911b588b655761b3cdec8a24b01595e1d510a0d05cc99d548515b454f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportSignal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportSignalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportSignal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SignalFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SignalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inProgressAt"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ReportSignalMutation, ReportSignalMutationVariables>;
export const ChangeSignalStatusDocument = {"__meta__":{"hash":"sha256:73a2ba61313f11eaeb0e88929ebe9912adb37562b250bc2a08e2217fb5319d7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeSignalStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeSignalStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeSignalStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SignalFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SignalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inProgressAt"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ChangeSignalStatusMutation, ChangeSignalStatusMutationVariables>;
export const AddSignalFollowUpDocument = {"__meta__":{"hash":"sha256:a6479bad0a3b1d57bb68ec0b47455bf259e86bea6da7dad6f448095a192e6754"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddSignalFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddSignalFollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addSignalFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SignalFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SignalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Signal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomain"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"referralDestination"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inProgressAt"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AddSignalFollowUpMutation, AddSignalFollowUpMutationVariables>;
export const RegisterYouthDocument = {"__meta__":{"hash":"sha256:60acfa393394cf63d6fadd1651de84b7fff4dd2c129df040af0d79a66cc9e671"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterYouth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterYouthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerYouth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"youth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"yearGroup"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterYouthMutation, RegisterYouthMutationVariables>;
export const OnSignalReportedDocument = {"__meta__":{"hash":"sha256:fa2ee9677add3717f265ab79dae2380acc9912d9b038c750154a6ecd658d39a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnSignalReported"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalReported"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"partnershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<OnSignalReportedSubscription, OnSignalReportedSubscriptionVariables>;
export const OnSignalChangedDocument = {"__meta__":{"hash":"sha256:5f6a11da40f57df1eee2ec3f6e9964d26cfd487307d151d3653c143d6d9225a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnSignalChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"partnershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partnershipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<OnSignalChangedSubscription, OnSignalChangedSubscriptionVariables>;