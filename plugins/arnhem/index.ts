/**
 * Arnhem: the pilot with a school youth worker (schooljongerenwerker), a municipal policy advisor
 * and the school's student counsellor (leerlingbegeleider). See README.md in this folder.
 */
import { definePlugin, field } from '../../src/plugins/api.ts';

const LESSON_TOPICS = ['WEERBAARHEID', 'ONLINE_GEDRAG', 'GROEPSDRUK', 'RELATIES_EN_SEKSUALITEIT', 'MIDDELEN', 'TOEKOMST'] as const;

export default definePlugin({
  name: 'arnhem',
  version: '1.0.0',
  description: 'School youth worker, municipal advisor and student counsellor working together in Arnhem schools',
  cities: ['Arnhem'],
  requires: { api: '^1.0.0' },
  fields: {
    School: {
      youthWorkerHoursPerWeek: field.float({
        description: "Hours per week the school youth worker is at this school, as funded by the municipality.",
        min: 0,
        max: 40,
        demo: [8, 12, 16],
      }),
    },
    Partnership: {
      pilotPhase: field.enum(['VOORBEREIDING', 'START', 'UITVOERING', 'EVALUATIE', 'BORGING'], {
        description: 'Phase of the pilot at this school: preparing, starting, running, evaluating, embedded.',
        default: 'START',
        filterable: true,
        groupable: true,
        demo: ['UITVOERING', 'START', 'EVALUATIE'],
      }),
      covenantNumber: field.string({
        description: 'Number of the covenant (convenant) with the municipality that funds the pilot at this school, e.g. ARN-2025-014.',
        pattern: 'ARN-\\d{4}-\\d{3}',
        demo: ['ARN-2025-014', 'ARN-2025-021', 'ARN-2026-003'],
      }),
      advisorInvolved: field.boolean({
        description: 'Whether the municipal policy advisor takes part in the consultations of this partnership.',
        demo: [true, false],
      }),
    },
    Activity: {
      counsellorPresent: field.boolean({
        description: "Whether the school's student counsellor (leerlingbegeleider) took part.",
        filterable: true,
        groupable: true,
        demo: [false, true, false],
      }),
    },
    Signal: {
      // Same name as a field of the Amsterdam plugin; each lives under its own namespace.
      warmHandover: field.boolean({
        description: 'Whether the young person was handed over in person to the neighbourhood team (wijkteam).',
        filterable: true,
        groupable: true,
        demo: [false, true, false, false],
      }),
    },
  },
  activityKinds: {
    ARNHEM_MENTOR_LESSON: {
      typeName: 'ArnhemMentorLesson',
      description: 'A mentor lesson taught together by the mentor and the school youth worker (co-teaching)',
      fields: {
        yearGroup: field.int({ description: 'Year group (leerjaar) of the class, 1–6.', min: 1, max: 6, required: true }),
        topic: field.enum(LESSON_TOPICS, { description: 'Topic of the lesson.', required: true }),
        mentorPresent: field.boolean({ description: 'Whether the mentor co-taught (not only the youth worker).', default: true }),
      },
    },
  },
  events: {
    mentorLessonLogged: {
      description: 'A co-taught mentor lesson was logged in an Arnhem school.',
      record: 'Activity',
      data: { topic: field.enum(LESSON_TOPICS, { description: 'Topic of the lesson.' }) },
    },
  },
  on: {
    async activityLogged(event, api) {
      // The event says the kind: only a mentor lesson is read back, for its topic.
      if (event.kind !== 'ARNHEM_MENTOR_LESSON') return;
      const activity = await api.prisma.activity.findUnique({ where: { id: event.id }, select: { kind: true, details: true } });
      if (activity?.kind !== 'ARNHEM_MENTOR_LESSON') return;
      api.publish('mentorLessonLogged', { ...event, data: { topic: (activity.details as { topic?: string }).topic } });
    },
  },
  schema(api) {
    api.subscription('arnhemMentorLessons', {
      event: 'mentorLessonLogged',
      description: 'Co-taught mentor lessons as they are logged, for the pilot team and the municipal advisor.',
    });
  },
});
