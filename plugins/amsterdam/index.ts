/**
 * Amsterdam: the long-running pilot with youth workers inside secondary schools ("Signaleren,
 * verbinden, versterken"). See README.md in this folder for what each field means.
 */
import { definePlugin, field } from '../../src/plugins/api.ts';

/** Where a young person was brought, in person, by the youth worker (warme overdracht). */
const HANDOVER_DESTINATIONS = ['BUURTTEAM', 'OUDER_EN_KIND_TEAM', 'LEERPLICHT', 'JEUGDHULP', 'SPORT_EN_CULTUUR', 'SCHULDHULP'] as const;

/** The city's list of themes for break conversations (pauzegesprekken). */
const BREAK_THEMES = [
  'PESTEN', 'ONLINE_VEILIGHEID', 'RELATIES_EN_SEKSUALITEIT', 'THUISSITUATIE', 'SCHOOLVERZUIM',
  'MIDDELENGEBRUIK', 'GROEPSDRUK', 'WEERBAARHEID', 'TOEKOMST_EN_WERK', 'VRIJE_TIJD',
] as const;

export default definePlugin({
  name: 'amsterdam',
  version: '1.0.0',
  description: 'Signaleren, verbinden, versterken: youth workers inside Amsterdam secondary schools',
  cities: ['Amsterdam'],
  requires: { api: '^1.0.0' },
  fields: {
    School: {
      stadsdeel: field.enum(['CENTRUM', 'NIEUW_WEST', 'NOORD', 'OOST', 'WEST', 'ZUID', 'ZUIDOOST', 'WEESP'], {
        description: 'The city district (stadsdeel) of the school, for figures per district.',
        filterable: true,
        groupable: true,
        demo: ['NIEUW_WEST', 'ZUIDOOST', 'NOORD'],
      }),
    },
    Partnership: {
      pilotCohort: field.int({
        description: 'The school year (its first calendar year) in which the school joined the pilot.',
        min: 2018,
        max: 2035,
        filterable: true,
        groupable: true,
        demo: [2021, 2023],
      }),
      buurtteam: field.string({
        description: 'The neighbourhood team (buurtteam) the school hands young people over to, e.g. "Buurtteam Nieuw-West Oost".',
        min: 3,
        max: 100,
        demo: ['Buurtteam Nieuw-West Oost', 'Buurtteam Zuidoost', 'Buurtteam Noord'],
      }),
      roomHoursPerWeek: field.float({
        description: 'Hours per week the youth work room in the school is open, as agreed.',
        min: 0,
        max: 60,
        demo: [12, 8, 16],
      }),
    },
    Activity: {
      roomOpen: field.boolean({
        description: 'Whether the youth work room in the school was open during this activity.',
        kinds: ['BREAK_CONVERSATION', 'INDIVIDUAL_GUIDANCE'],
        filterable: true,
        groupable: true,
        demo: [true, true, false],
      }),
      breakThemes: field.enum(BREAK_THEMES, {
        description: "Themes of the break conversation, from the city's list.",
        list: true,
        maxItems: 5,
        kinds: ['BREAK_CONVERSATION'],
        filterable: true,
        demo: [['PESTEN', 'GROEPSDRUK'], ['ONLINE_VEILIGHEID'], ['TOEKOMST_EN_WERK', 'VRIJE_TIJD']],
      }),
    },
    Signal: {
      warmHandover: field.enum(HANDOVER_DESTINATIONS, {
        description: 'Where the youth worker brought the young person in person (warm handover), if anywhere.',
        filterable: true,
        groupable: true,
        demo: ['BUURTTEAM', 'LEERPLICHT', 'JEUGDHULP', 'SPORT_EN_CULTUUR'],
      }),
      handoverOn: field.date({ description: 'The day of the warm handover.', min: '2018-01-01' }),
    },
  },
  events: {
    urgentSignal: {
      description: 'A signal of urgency HIGH or URGENT was reported in an Amsterdam pilot school.',
      record: 'Signal',
      data: { urgency: field.enum(['HIGH', 'URGENT'], { description: 'How urgent the signal is.' }) },
    },
  },
  on: {
    // Urgent signals, live, for those who may read them; the event carries IDs and the urgency only.
    async signalReported(event, api) {
      // Handlers run only for events in the plugin's cities, and read only the event's record.
      const signal = await api.prisma.signal.findUnique({ where: { id: event.id }, select: { urgency: true } });
      if (!signal) return;
      if (signal.urgency === 'HIGH' || signal.urgency === 'URGENT') {
        api.publish('urgentSignal', { ...event, data: { urgency: signal.urgency } });
      }
    },
  },
  schema(api) {
    const { builder } = api;

    api.subscription('amsterdamUrgentSignals', {
      event: 'urgentSignal',
      description: 'Urgent signals reported in Amsterdam pilot schools, to those who may read them.',
    });

    const RoomUse = builder.objectRef<{ activities: number; roomOpen: number }>('AmsterdamRoomUse').implement({
      description: 'How often the youth work room was open during break conversations and individual guidance.',
      fields: (t) => ({
        activities: t.exposeInt('activities', { description: 'Break conversations and individual guidance in the period.' }),
        roomOpen: t.exposeInt('roomOpen', { description: 'Of those, with the youth work room open.' }),
      }),
    });

    builder.queryField('amsterdamRoomUse', (t) =>
      t.field({
        type: RoomUse,
        description: 'Use of the youth work room in one partnership (activities you may see).',
        args: {
          partnershipId: t.arg.id({ required: true }),
          from: t.arg({ type: 'Date', required: true }),
          to: t.arg({ type: 'Date', required: true, description: 'Exclusive.' }),
        },
        resolve: async (_root, args, ctx) => {
          const partnershipId = api.parseInput(api.globalId('Partnership'), args.partnershipId, 'partnershipId');
          // ctx.prisma applies the viewer's access rules here: someone who may not see these
          // activities counts none.
          const where = {
            partnershipId,
            kind: { in: ['BREAK_CONVERSATION', 'INDIVIDUAL_GUIDANCE'] },
            startsAt: { gte: args.from, lt: args.to },
          };
          const [activities, roomOpen] = await Promise.all([
            ctx.prisma.activity.count({ where }),
            ctx.prisma.activity.count({ where: { ...where, pilotData: { path: ['amsterdam', 'roomOpen'], equals: true } } }),
          ]);
          return { activities, roomOpen };
        },
      }),
    );
  },
});
