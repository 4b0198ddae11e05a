import { builder } from '../builder.ts';
import {
  ActivityLocation,
  AgeBand,
  FollowUpAction,
  FundingType,
  LegalBasis,
  LifeDomain,
  PartnerSide,
  PartnershipForm,
  PartnershipStatus,
  Role,
  RoleScope,
  SchoolType,
  SignalAudience,
  SignalCategory,
  SignalStatus,
  SignalSubject,
  SignalUrgency,
} from '../generated/prisma/enums.ts';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: 'What a person does in the collaboration.',
  values: {
    ADMIN: { description: 'Administrator: manages partnerships and roles.' },
    POLICY_ADVISOR: { description: 'Municipal policy advisor (beleidsadviseur), per city.' },
    YOUTH_WORKER: { description: 'Youth worker (jongerenwerker), per partnership.' },
    SCHOOL_CONTACT: { description: "The school's fixed contact person (vast aanspreekpunt) for youth work." },
    MENTOR: { description: 'Mentor or teacher (mentor/docent).' },
    STUDENT_COUNSELLOR: { description: 'Student counsellor or care coordinator (leerlingbegeleider / zorgcoördinator).' },
    ANALYST: { description: 'Analyst or researcher: evaluation data only, no personal data.' },
  } as const,
});
export const RoleScopeEnum = builder.enumType(RoleScope, { name: 'RoleScope', description: 'Where a role applies.' });
export const SchoolTypeEnum = builder.enumType(SchoolType, {
  name: 'SchoolType',
  values: {
    PRACTICAL_EDUCATION: { description: 'Praktijkonderwijs.' },
    VMBO: { description: 'Pre-vocational secondary education (vmbo).' },
    HAVO_VWO: { description: 'Senior general / pre-university (havo/vwo).' },
    COMPREHENSIVE: { description: 'Comprehensive school (brede scholengemeenschap).' },
  } as const,
});
export const PartnershipFormEnum = builder.enumType(PartnershipForm, {
  name: 'PartnershipForm',
  values: {
    WITH_SCHOOL: { description: 'Youth work *with* the school (mét de school): cooperation, not structurally in the building.' },
    IN_SCHOOL: { description: 'Youth work *in* the school (ín de school): present in the building, e.g. with its own room.' },
  } as const,
});
export const PartnershipStatusEnum = builder.enumType(PartnershipStatus, { name: 'PartnershipStatus' });
export const FundingTypeEnum = builder.enumType(FundingType, {
  name: 'FundingType',
  values: {
    STRUCTURAL: { description: 'Long-term (structurele) funding.' },
    PROJECT: { description: 'Project or pilot funding with an end date.' },
    NONE: { description: 'No dedicated funding.' },
  } as const,
});
export const AgeBandEnum = builder.enumType(AgeBand, { name: 'AgeBand' });
export const LifeDomainEnum = builder.enumType(LifeDomain, {
  name: 'LifeDomain',
  description: 'The life domain (leefdomein) where a signal was noticed.',
});
export const SignalCategoryEnum = builder.enumType(SignalCategory, { name: 'SignalCategory' });
export const SignalSubjectEnum = builder.enumType(SignalSubject, {
  name: 'SignalSubject',
  values: {
    INDIVIDUAL: { description: 'About one young person (a pseudonymous youth reference may be linked).' },
    GROUP: { description: 'About a group of young people (no youth reference).' },
    TREND: { description: 'A trend in the neighbourhood, online or at school (no youth reference).' },
  } as const,
});
export const PartnerSideEnum = builder.enumType(PartnerSide, {
  name: 'PartnerSide',
  description: 'A side of the partnership.',
  values: { YOUTH_WORK: { description: 'Youth work (jongerenwerk).' }, SCHOOL: { description: 'The school.' } } as const,
});
export const SignalAudienceEnum = builder.enumType(SignalAudience, {
  name: 'SignalAudience',
  description: "Who may read a signal's content.",
  values: {
    YOUTH_WORK: { description: 'Youth work only.' },
    SCHOOL: { description: 'The school only.' },
    BOTH: { description: 'Both sides of the partnership.' },
  } as const,
});
export const LegalBasisEnum = builder.enumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'Why a signal may be shared beyond the side that owns it (AVG/GDPR).',
  values: {
    CONSENT: { description: 'The young person (or a parent) agreed.' },
    LEGAL_DUTY: { description: 'A legal duty, e.g. under the reporting code (meldcode huiselijk geweld en kindermishandeling).' },
    NONE: { description: 'Not shared beyond the owning side.' },
  } as const,
});
export const SignalUrgencyEnum = builder.enumType(SignalUrgency, { name: 'SignalUrgency' });
export const SignalStatusEnum = builder.enumType(SignalStatus, {
  name: 'SignalStatus',
  description: 'Workflow: NEW → ACKNOWLEDGED → IN_PROGRESS → REFERRED → CLOSED.',
});
export const FollowUpActionEnum = builder.enumType(FollowUpAction, { name: 'FollowUpAction' });
export const ActivityLocationEnum = builder.enumType(ActivityLocation, {
  name: 'ActivityLocation',
  values: {
    SCHOOL_ROOM: { description: "Youth work's own room in the school." },
    CLASSROOM: {},
    SCHOOLYARD: { description: 'Schoolyard (schoolplein), e.g. during breaks.' },
    COMMUNITY_CENTRE: { description: 'Community or youth centre (buurthuis / jongerencentrum).' },
    ONLINE: {},
    OTHER: {},
  } as const,
});
export const OrderDirection = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
