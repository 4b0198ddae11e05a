import type { PrismaClient } from '../generated/prisma/client.ts';

/** Whose data a report or erasure is about. */
export type DataSubjectKind = 'youth' | 'person';

const who = { select: { id: true, name: true } } as const;

/**
 * Every record that refers to a data subject (AVG art. 15): for a youth reference its signals (with
 * follow-ups), the activities of which it is the young person and the audit events about it; for a
 * staff member the signals they reported, follow-ups they recorded, activities they logged,
 * facilitated or attended, their role assignments, audit events about them and by them. Each entry
 * says what, when and who. `null` when there is no such subject.
 */
export async function dataSubjectReport(prisma: PrismaClient, kind: DataSubjectKind, id: string) {
  if (kind === 'youth') {
    const youth = await prisma.youth.findUnique({
      where: { id },
      select: { id: true, code: true, schoolId: true, yearGroup: true, ageBand: true, createdAt: true, updatedAt: true, registeredBy: who },
    });
    if (!youth) return null;
    const [signals, activities, auditEvents] = await Promise.all([
      prisma.signal.findMany({
        where: { youthId: id },
        orderBy: { reportedAt: 'asc' },
        select: {
          id: true, partnershipId: true, lifeDomain: true, category: true, urgency: true, status: true, summary: true,
          reportedAt: true, reportedBy: who, anonymisedAt: true,
          followUps: { orderBy: { at: 'asc' }, select: { id: true, at: true, action: true, note: true, by: who } },
        },
      }),
      prisma.activity.findMany({
        where: { youthId: id },
        orderBy: { startsAt: 'asc' },
        select: { id: true, partnershipId: true, kind: true, startsAt: true, durationMinutes: true, notes: true, loggedBy: who, createdAt: true },
      }),
      prisma.auditEvent.findMany({
        where: { entity: 'Youth', entityId: id },
        orderBy: { at: 'asc' },
        select: { id: true, at: true, operation: true, entity: true, entityId: true, fields: true, actorId: true },
      }),
    ]);
    return { subject: { kind, ...youth }, signals, activities, auditEvents, generatedAt: new Date().toISOString() };
  }
  const person = await prisma.person.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, organisationId: true, schoolId: true, createdAt: true, updatedAt: true, deactivatedAt: true },
  });
  if (!person) return null;
  const activitySelect = { id: true, partnershipId: true, kind: true, startsAt: true, durationMinutes: true, loggedBy: who } as const;
  const [roleAssignments, reportedSignals, followUps, loggedActivities, facilitated, attended, registeredYouth, auditAbout, auditBy] =
    await Promise.all([
      prisma.roleAssignment.findMany({
        where: { personId: id },
        orderBy: { createdAt: 'asc' },
        select: { id: true, role: true, scope: true, cityId: true, partnershipId: true, createdAt: true, grantedBy: who },
      }),
      prisma.signal.findMany({
        where: { reportedById: id },
        orderBy: { reportedAt: 'asc' },
        select: { id: true, partnershipId: true, category: true, status: true, reportedAt: true },
      }),
      prisma.signalFollowUp.findMany({
        where: { byId: id },
        orderBy: { at: 'asc' },
        select: { id: true, signalId: true, at: true, action: true, note: true },
      }),
      prisma.activity.findMany({ where: { loggedById: id }, orderBy: { startsAt: 'asc' }, select: activitySelect }),
      prisma.activityFacilitator.findMany({ where: { personId: id }, select: { activity: { select: activitySelect } } }),
      prisma.activityAttendee.findMany({ where: { personId: id }, select: { activity: { select: activitySelect } } }),
      prisma.youth.findMany({ where: { registeredById: id }, orderBy: { createdAt: 'asc' }, select: { id: true, createdAt: true } }),
      prisma.auditEvent.findMany({
        where: { entity: 'Person', entityId: id },
        orderBy: { at: 'asc' },
        select: { id: true, at: true, operation: true, entity: true, entityId: true, fields: true, actorId: true },
      }),
      prisma.auditEvent.findMany({
        where: { actorId: id },
        orderBy: { at: 'asc' },
        select: { id: true, at: true, operation: true, entity: true, entityId: true, fields: true },
      }),
    ]);
  return {
    subject: { kind, ...person },
    roleAssignments,
    reportedSignals,
    followUps,
    loggedActivities,
    facilitatedActivities: facilitated.map((f) => f.activity),
    attendedActivities: attended.map((a) => a.activity),
    registeredYouth,
    auditEventsAbout: auditAbout,
    auditEventsBy: auditBy,
    generatedAt: new Date().toISOString(),
  };
}
