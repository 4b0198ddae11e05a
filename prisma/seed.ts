/**
 * Demo data: two cities (Amsterdam, Arnhem), five schools, two youth work organisations, one
 * partnership per school (both forms), people in every role, ~150 pseudonymous youth, ~300 signals
 * with follow-ups and ~2000 activities over the last twelve months (school days only).
 *
 * Deterministic: the same `now` gives the same content (a seeded PRNG, no Math.random). Everything is
 * written in one transaction, so a failed seed leaves nothing behind. `buildDemoData` builds the rows
 * without touching the database; `seedDemoData` writes them.
 *
 * Everything here is fictional: names of schools, organisations and people, e-mail domains
 * (`*.example`) and BRIN codes. Young people appear only as random codes, year group and age band.
 */
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient, Role } from '../src/generated/prisma/client.ts';
import { seedMonitor } from './seed-monitor.ts';
import { applyPluginDemoValues, type DemoPlugin } from './seed-plugin-demo.ts';

// ---------------------------------------------------------------------------------------------
// Public API

/** The tables the seed writes, in insertion order. */
export const SEED_TABLES = [
  'City',
  'School',
  'YouthWorkOrganisation',
  'Person',
  'Partnership',
  'RoleAssignment',
  'Youth',
  'Signal',
  'SignalFollowUp',
  'Activity',
  'ActivityFacilitator',
  'ActivityAttendee',
  'ActivitySignal',
] as const;

export type SeedTable = (typeof SEED_TABLES)[number];

/** Rows written per table. */
export type SeedSummary = Record<SeedTable, number>;

export interface SeedOptions {
  /** The moment the demo data ends at (default: the current time). Same `now`, same data. */
  now?: Date;
  /**
   * Empty every application table (all but `_prisma_migrations` and the append-only `AuditEvent`) first, in the same
   * transaction. Without it, seeding a database that already has cities throws `SeedConflictError`.
   */
  reset?: boolean;
  /** Enabled city plugins: their fields' `demo` values go into the demo rows of their cities. */
  plugins?: readonly DemoPlugin[];
}

/** Thrown when the database already holds data (and `reset` was not asked for). */
export class SeedConflictError extends Error {
  override name = 'SeedConflictError';
}

/**
 * One e-mail address per role that certainly exists after seeding. Each is also the FIRST e-mail
 * (in any collation) among the people holding that role, so "the first person with role X ordered
 * by email" is this person. The partnership roles all belong to the Amsterdam in-school
 * partnership "Jongerenwerk Amsterdam (demo) × Sloterplas College".
 */
export const DEMO_EMAILS = {
  ADMIN: 'admin@demo.jongerenwerk.example',
  ANALYST: 'analyst@demo.jongerenwerk.example',
  POLICY_ADVISOR: 'fatima.elidrissi@amsterdam.gemeente.example',
  YOUTH_WORKER: 'aaron.bakkali@amsterdam.jongerenwerk.example',
  SCHOOL_CONTACT: 'aafke.dewit@sloterplascollege.school.example',
  MENTOR: 'aart.hoekstra@sloterplascollege.school.example',
  STUDENT_COUNSELLOR: 'aaliyah.mahabier@sloterplascollege.school.example',
} as const satisfies Record<Role, string>;

/** True when the database has no cities (the seed has not run and nobody has entered data). */
export async function isEmpty(prisma: PrismaClient | Prisma.TransactionClient): Promise<boolean> {
  return (await prisma.city.count()) === 0;
}

// Key for pg_advisory_xact_lock, so two processes never seed at the same time.
const SEED_LOCK_KEY = 72707370;

/** Writes the demo data set in one transaction and returns the number of rows per table. */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new TypeError('seedDemoData: `now` is not a valid date');
  const data = buildDemoData(now.getTime());
  if (options.plugins?.length) applyPluginDemoValues(data, options.plugins);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if (options.reset) await truncateAppTables(tx);
      else if (!(await isEmpty(tx))) throw new SeedConflictError('database not empty; refusing to seed demo data');
      const summary = {} as SeedSummary;
      summary.City = await insertRows(tx, 'City', data.cities);
      summary.School = await insertRows(tx, 'School', data.schools);
      summary.YouthWorkOrganisation = await insertRows(tx, 'YouthWorkOrganisation', data.organisations);
      summary.Person = await insertRows(tx, 'Person', data.people);
      summary.Partnership = await insertRows(tx, 'Partnership', data.partnerships);
      summary.RoleAssignment = await insertRows(tx, 'RoleAssignment', data.roleAssignments);
      summary.Youth = await insertRows(tx, 'Youth', data.youth);
      summary.Signal = await insertRows(tx, 'Signal', data.signals);
      summary.SignalFollowUp = await insertRows(tx, 'SignalFollowUp', data.followUps);
      summary.Activity = await insertRows(tx, 'Activity', data.activities);
      summary.ActivityFacilitator = await insertRows(tx, 'ActivityFacilitator', data.facilitators);
      summary.ActivityAttendee = await insertRows(tx, 'ActivityAttendee', data.attendees);
      summary.ActivitySignal = await insertRows(tx, 'ActivitySignal', data.activitySignals);
      await seedMonitor(tx, data, now.getTime()); // prisma/seed-monitor.ts: partnership monitor rounds
      return summary;
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/**
 * Inserts rows with one statement and one parameter: the rows as a JSON array, expanded by
 * json_populate_recordset. Same result as `createMany` (the rows are typed as Prisma's
 * `XCreateManyInput`, so columns and enum values are still checked at compile time), but several
 * times faster on PGlite, where Prisma's per-row parameter handling dominated the seed time
 * (measured on a 2-CPU machine: 1–2.5 s, against 3 s quiet and 8–10 s busy with createMany).
 *
 * Only the columns that occur in the rows are written, so other columns keep their defaults (a
 * column that some rows have and others lack is NULL in the latter, so keep rows uniform). Dates
 * become ISO strings in UTC, which is what Prisma stores in `timestamp(3)` columns.
 */
async function insertRows(tx: Prisma.TransactionClient, table: SeedTable, rows: readonly object[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(', ');
  return tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    JSON.stringify(rows),
  );
}

/**
 * TRUNCATE … CASCADE of every table in the current schema except Prisma's migration bookkeeping and
 * the audit log, which is append-only (the database refuses to empty it).
 */
async function truncateAppTables(tx: Prisma.TransactionClient) {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'AuditEvent')`,
  );
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.name.replaceAll('"', '""')}"`).join(', ');
  await tx.$executeRawUnsafe(`TRUNCATE TABLE ${list} CASCADE`);
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks with a bias towards the start of the list (some youth show up far more often). */
  pickSkewed<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() ** 2 * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  /** k distinct items (or all when fewer). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(k, copy.length));
  }
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > limit);
    return k - 1;
  }
}

/**
 * The ID of a demo person, derived from their e-mail (a UUIDv8 from SHA-256), so `npm run token` can
 * make a token for a demo person without opening the embedded database while the server holds it.
 */
export function demoPersonId(email: string): string {
  const hex = createHash('sha256').update(`jongerenwerk-demo-person:${email}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A UUIDv7 for the given moment, random bits from `rng` (so ids sort by creation time). */
function uuidv7(ms: number, rng: Rng): string {
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
  const ts = hex(Math.max(0, Math.floor(ms)), 12);
  const randA = hex(rng.int(0, 0xfff), 3);
  const variant = hex(0x8000 | rng.int(0, 0x3fff), 4);
  const randB = hex(rng.int(0, 0xffffff), 6) + hex(rng.int(0, 0xffffff), 6);
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${randA}-${variant}-${randB}`;
}

// ---------------------------------------------------------------------------------------------
// Time: days are UTC-midnight timestamps standing for a calendar date in Amsterdam.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
}

/** Europe/Amsterdam offset from UTC at an instant (CET +1, CEST +2 from the last Sunday of March to that of October). */
function amsterdamOffset(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const summerStart = lastSundayUtc(year, 2) + HOUR;
  const summerEnd = lastSundayUtc(year, 9) + HOUR;
  return utcMs >= summerStart && utcMs < summerEnd ? 2 * HOUR : HOUR;
}

/** The UTC instant of a local (Amsterdam) time of day on a calendar day. */
function at(day: number, hour: number, minute = 0): number {
  const naive = day + hour * HOUR + minute * MINUTE;
  return naive - amsterdamOffset(naive - HOUR);
}

function localDay(utcMs: number): number {
  const local = utcMs + amsterdamOffset(utcMs);
  return local - (((local % DAY) + DAY) % DAY);
}

function dateOnly(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

function isoWeek(day: number): number {
  const d = new Date(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = day + (3 - weekday) * DAY;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday - yearStart) / (7 * DAY));
}

/** Approximate Dutch secondary-school holidays (regions differ by a week; close enough for demo data). */
function isHoliday(day: number): boolean {
  const d = new Date(day);
  const month = d.getUTCMonth();
  const date = d.getUTCDate();
  if ((month === 6 && date >= 4) || (month === 7 && date <= 16)) return true; // summer
  if ((month === 11 && date >= 20) || (month === 0 && date <= 4)) return true; // Christmas
  if ((month === 3 && date >= 25) || (month === 4 && date <= 5)) return true; // May (incl. King's Day)
  const week = isoWeek(day);
  if (month >= 9 && month <= 10 && week === 43) return true; // autumn
  if (month >= 1 && month <= 2 && week === 8) return true; // spring
  return false;
}

function weekday(day: number): number {
  return new Date(day).getUTCDay(); // 0 Sunday … 6 Saturday
}

function isSchoolDay(day: number): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !isHoliday(day);
}

/** 1 August of the school year a day falls in. */
function schoolYearStartYear(day: number): number {
  const d = new Date(day);
  return d.getUTCMonth() >= 7 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + Math.floor(rng.float() * (to - from));
}

/** Moves an instant forward into office hours (weekdays 08:00–18:00 in Amsterdam) when outside them. */
function officeHours(ms: number, rng: Rng): number {
  const day = localDay(ms);
  const minutes = (ms - at(day, 0)) / MINUTE;
  const weekend = weekday(day) === 0 || weekday(day) === 6;
  if (!weekend && minutes >= 8 * 60 && minutes < 18 * 60) return ms;
  let next = weekend || minutes >= 18 * 60 ? day + DAY : day;
  while (weekday(next) === 0 || weekday(next) === 6) next += DAY;
  return at(next, 8, rng.int(0, 119));
}

/** A moment in [from, to], preferably in office hours. */
function officeBetween(rng: Rng, from: number, to: number): number {
  return Math.min(officeHours(between(rng, from, to), rng), Math.max(from, to));
}

// ---------------------------------------------------------------------------------------------
// Fixed definitions

type CityKey = 'AMS' | 'ARN';
type SchoolType = 'PRACTICAL_EDUCATION' | 'VMBO' | 'HAVO_VWO' | 'COMPREHENSIVE';
type ActivityKind = 'INFORMATION_SESSION' | 'HOMEWORK_HELP' | 'BREAK_CONVERSATION' | 'INDIVIDUAL_GUIDANCE' | 'CONSULTATION';
type Location = 'SCHOOL_ROOM' | 'CLASSROOM' | 'SCHOOLYARD' | 'COMMUNITY_CENTRE' | 'ONLINE' | 'OTHER';
type LifeDomain = 'SCHOOL' | 'HOME' | 'NEIGHBOURHOOD' | 'ONLINE';
type Category =
  | 'ATTENDANCE'
  | 'BULLYING'
  | 'CONFLICT'
  | 'HOME_SITUATION'
  | 'WELLBEING'
  | 'SAFETY'
  | 'SUBSTANCE_USE'
  | 'CRIMINAL_INVOLVEMENT'
  | 'ONLINE_BEHAVIOUR'
  | 'OTHER';
type Subject = 'INDIVIDUAL' | 'GROUP' | 'TREND';
type Urgency = 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';
type Status = 'NEW' | 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'REFERRED' | 'CLOSED';
type Action =
  | 'CONVERSATION_WITH_YOUTH'
  | 'CONTACT_WITH_PARENTS'
  | 'CONSULTED_PARTNER'
  | 'DISCUSSED_IN_CONSULTATION'
  | 'REFERRED'
  | 'MONITORING'
  | 'OTHER';

const CITIES: Record<CityKey, { name: string; cbsCode: string; municipalityDomain: string }> = {
  AMS: { name: 'Amsterdam', cbsCode: 'GM0363', municipalityDomain: 'amsterdam.gemeente.example' },
  ARN: { name: 'Arnhem', cbsCode: 'GM0202', municipalityDomain: 'arnhem.gemeente.example' },
};

const ORGANISATIONS: Record<CityKey, { name: string; domain: string }> = {
  AMS: { name: 'Jongerenwerk Amsterdam (demo)', domain: 'amsterdam.jongerenwerk.example' },
  ARN: { name: 'Jongerenwerk Arnhem (demo)', domain: 'arnhem.jongerenwerk.example' },
};

interface SchoolDef {
  name: string;
  brinCode: string;
  city: CityKey;
  district: string;
  schoolType: SchoolType;
  enrolment: number;
  domain: string;
  youthCount: number;
}

interface PartnershipDef {
  school: SchoolDef;
  form: 'IN_SCHOOL' | 'WITH_SCHOOL';
  status: 'ACTIVE' | 'PAUSED';
  /** School years before the first school year of the data window. */
  startsYearsBefore: number;
  goals: string[];
  rolesAndResponsibilities: string;
  funding:
    | { type: 'STRUCTURAL' | 'PROJECT'; source: string; /** school years after the current one */ untilYearsAfter: number }
    | { type: 'NONE' };
  roomLocation: string | null;
  communityCentre: string;
  consultationEveryWeeks: number;
  consultationWeekday: number;
  consultationTime: [number, number];
  homeworkWeekdays: number[];
  youthWorkers: number;
  mentors: number;
  signals: number;
  activityScale: number;
  /** A pilot that grows during the year. */
  rampUp?: boolean;
  /** PAUSED partnerships stopped this many days before `now`. */
  pausedDaysAgo?: number;
}

const SCHOOLS = {
  sloterplas: {
    name: 'Sloterplas College',
    brinCode: '27QX',
    city: 'AMS',
    district: 'Nieuw-West',
    schoolType: 'COMPREHENSIVE',
    enrolment: 1380,
    domain: 'sloterplascollege.school.example',
    youthCount: 36,
  },
  gaasperpoort: {
    name: 'Vakcollege De Gaasperpoort',
    brinCode: '28VK',
    city: 'AMS',
    district: 'Zuidoost',
    schoolType: 'VMBO',
    enrolment: 760,
    domain: 'gaasperpoort.school.example',
    youthCount: 34,
  },
  noorderlicht: {
    name: 'Noorderlicht Lyceum',
    brinCode: '29NL',
    city: 'AMS',
    district: 'Noord',
    schoolType: 'HAVO_VWO',
    enrolment: 1050,
    domain: 'noorderlichtlyceum.school.example',
    youthCount: 26,
  },
  presik: {
    name: 'Het Presik College',
    brinCode: '21PK',
    city: 'ARN',
    district: 'Presikhaaf',
    schoolType: 'VMBO',
    enrolment: 860,
    domain: 'presikcollege.school.example',
    youthCount: 32,
  },
  rijnoever: {
    name: 'Praktijkschool Rijnoever',
    brinCode: '22RM',
    city: 'ARN',
    district: 'Malburgen',
    schoolType: 'PRACTICAL_EDUCATION',
    enrolment: 410,
    domain: 'rijnoever.school.example',
    youthCount: 22,
  },
} satisfies Record<string, SchoolDef>;

const PARTNERSHIPS: PartnershipDef[] = [
  {
    school: SCHOOLS.sloterplas,
    form: 'IN_SCHOOL',
    status: 'ACTIVE',
    startsYearsBefore: 4,
    goals: [
      'Signalen uit school, thuis, wijk en online eerder delen en oppakken',
      'Zichtbare, laagdrempelige aanwezigheid van jongerenwerk in de pauzes',
      'Schoolverzuim in leerjaar 1 en 2 terugdringen',
    ],
    rolesAndResponsibilities:
      'Jongerenwerk: dagelijks aanwezig in de pauzes, eigen ruimte open van dinsdag t/m donderdag, individuele begeleiding op verzoek van jongere of mentor. ' +
      'School: vaste contactpersoon (zorgcoördinator) voor afstemming; mentoren delen signalen via de contactpersoon; school stelt een ruimte beschikbaar. ' +
      'Samen: tweewekelijks zorgoverleg, jaarlijkse evaluatie met het stadsdeel.',
    funding: { type: 'STRUCTURAL', source: 'Gemeente Amsterdam, stadsdeel Nieuw-West (subsidie jongerenwerk)', untilYearsAfter: 2 },
    roomLocation: 'Lokaal 0.14, naast de aula',
    communityCentre: 'Buurthuis De Sloterhof (demo)',
    consultationEveryWeeks: 2,
    consultationWeekday: 2,
    consultationTime: [14, 30],
    homeworkWeekdays: [],
    youthWorkers: 3,
    mentors: 3,
    signals: 80,
    activityScale: 1,
  },
  {
    school: SCHOOLS.gaasperpoort,
    form: 'IN_SCHOOL',
    status: 'ACTIVE',
    startsYearsBefore: 2,
    goals: [
      'Leerlingen weten het jongerenwerk te vinden (bekendheid en toegankelijkheid)',
      'Conflicten in en rond school eerder de-escaleren',
    ],
    rolesAndResponsibilities:
      'Jongerenwerk: aanwezig in pauzes en in de jongerenwerkruimte, gesprekken en begeleiding, verbinding met het buurtteam. ' +
      'School: vaste contactpersoon (teamleider onderbouw), ruimte bij de kantine, mentoren nemen deel aan het overleg waar nodig.',
    funding: { type: 'PROJECT', source: 'Gemeente Amsterdam, programma Kansengelijkheid (projectsubsidie)', untilYearsAfter: 0 },
    roomLocation: 'Lokaal B.012, bij de kantine',
    communityCentre: 'Jongerencentrum De Kikker (demo)',
    consultationEveryWeeks: 3,
    consultationWeekday: 4,
    consultationTime: [13, 45],
    homeworkWeekdays: [],
    youthWorkers: 2,
    mentors: 2,
    signals: 70,
    activityScale: 0.95,
  },
  {
    school: SCHOOLS.noorderlicht,
    form: 'WITH_SCHOOL',
    status: 'ACTIVE',
    startsYearsBefore: 1,
    goals: [
      'Huiswerkbegeleiding in de wijk voor leerlingen uit de onderbouw',
      'Voorlichting over online veiligheid en groepsdruk',
      'Vaste afstemming tussen jongerenwerk en zorgteam',
    ],
    rolesAndResponsibilities:
      'Jongerenwerk: huiswerkbegeleiding op dinsdag en donderdag in het jongerencentrum, voorlichting in de klas op verzoek. ' +
      'School: vaste contactpersoon (zorgcoördinator), mentoren verwijzen leerlingen door naar de huiswerkbegeleiding. Vierwekelijks overleg.',
    funding: { type: 'PROJECT', source: 'Stadsdeel Noord, gebiedsbudget', untilYearsAfter: 1 },
    roomLocation: null,
    communityCentre: 'Jongerencentrum De Vlonder (demo)',
    consultationEveryWeeks: 4,
    consultationWeekday: 1,
    consultationTime: [15, 0],
    homeworkWeekdays: [2, 4],
    youthWorkers: 1, // plus one shared with the Zuidoost partnership
    mentors: 2,
    signals: 40,
    activityScale: 1,
  },
  {
    school: SCHOOLS.presik,
    form: 'IN_SCHOOL',
    status: 'ACTIVE',
    startsYearsBefore: 0,
    goals: [
      'Pilot schooljongerenwerker: vroegsignalering samen met de leerlingbegeleider',
      'Jongerenwerk is een vast, bekend gezicht in de school',
    ],
    rolesAndResponsibilities:
      'Pilot met een schooljongerenwerker, een beleidsadviseur van de gemeente en de leerlingbegeleider. ' +
      'Jongerenwerk: aanwezig in de pauzes, inloop in de gedeelde ruimte, individuele begeleiding. ' +
      'School: leerlingbegeleider is vaste contactpersoon; tweewekelijks overleg; gemeente evalueert de pilot per kwartaal.',
    funding: { type: 'PROJECT', source: 'Gemeente Arnhem, pilot schooljongerenwerk', untilYearsAfter: 0 },
    roomLocation: 'Kamer 1.05, gedeeld met de leerlingbegeleider',
    communityCentre: 'Wijkcentrum Presikhaaf-Oost (demo)',
    consultationEveryWeeks: 2,
    consultationWeekday: 3,
    consultationTime: [13, 0],
    homeworkWeekdays: [],
    youthWorkers: 2,
    mentors: 2,
    signals: 70,
    activityScale: 1,
    rampUp: true,
  },
  {
    school: SCHOOLS.rijnoever,
    form: 'WITH_SCHOOL',
    status: 'PAUSED',
    startsYearsBefore: 1,
    goals: ['Huiswerkbegeleiding en een vertrouwd aanspreekpunt in de wijk', 'Signalen uit de wijk terugkoppelen aan school'],
    rolesAndResponsibilities:
      'Jongerenwerk: huiswerkbegeleiding op maandag in het wijkcentrum, voorlichting op school. ' +
      'School: vaste contactpersoon (mentor-coördinator). Overleg om de zes weken. Gepauzeerd in afwachting van nieuwe financiering.',
    funding: { type: 'NONE' },
    roomLocation: null,
    communityCentre: 'Wijkcentrum De Rijnkade (demo)',
    consultationEveryWeeks: 6,
    consultationWeekday: 5,
    consultationTime: [11, 0],
    homeworkWeekdays: [1],
    youthWorkers: 1, // plus one shared with the Presikhaaf partnership
    mentors: 2,
    signals: 40,
    activityScale: 1,
    pausedDaysAgo: 28,
  },
];

const FIRST_NAMES = [
  'Anouk', 'Bram', 'Chaima', 'Daan', 'Dewi', 'Emre', 'Esra', 'Fenna', 'Floor', 'Hamza', 'Ilse', 'Imane',
  'Jesse', 'Joris', 'Kevin', 'Khadija', 'Lars', 'Latifa', 'Mees', 'Mila', 'Mohamed', 'Naima', 'Nina',
  'Omar', 'Priya', 'Quinten', 'Rachid', 'Romy', 'Samira', 'Sem', 'Soufiane', 'Tess', 'Thijs', 'Yara',
  'Yusuf', 'Zeynep', 'Wouter', 'Vera', 'Ricardo', 'Shanti', 'Kofi', 'Ama', 'Dirk', 'Hanneke', 'Gerrit',
  'Ilias', 'Milan', 'Noa', 'Sevda', 'Jurgen', 'Lieke', 'Bilal', 'Merel', 'Tarik',
];
const LAST_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos',
  'Vos', 'Peters', 'Dekker', 'Brouwer', 'de Graaf', 'Kramer', 'Yılmaz', 'Öztürk', 'El Amrani', 'Bouzid',
  'Ramdin', 'Sital', 'Martina', 'Boateng', 'Mensah', 'Tahiri', 'Kaya', 'Çelik', 'Koster', 'Prins',
  'van Leeuwen', 'Wijaya', 'Pinas', 'Doelwijt', 'Hoogendoorn', 'Veenstra', 'Aksoy', 'Benali',
];

const THEMES = [
  'pesten',
  'schoolverzuim',
  'online veiligheid',
  'thuissituatie',
  'toekomst',
  'groepsdruk',
  'weerbaarheid',
  'middelengebruik',
  'mentale gezondheid',
  'conflicten',
  'relaties en seksualiteit',
  'vrije tijd',
] as const;

const INFO_TOPICS: [topic: string, theme: string][] = [
  ['Online veiligheid en sexting', 'online veiligheid'],
  ['Groepsdruk en nee zeggen', 'groepsdruk'],
  ['Vapen, alcohol en lachgas', 'middelengebruik'],
  ['Pesten en online pesten', 'pesten'],
  ['Omgaan met conflicten', 'conflicten'],
  ['Wat doet het jongerenwerk?', 'vrije tijd'],
  ['Weerbaarheid: voor jezelf opkomen', 'weerbaarheid'],
  ['Stress en slapen', 'mentale gezondheid'],
  ['Snel geld en criminele uitbuiting', 'groepsdruk'],
  ['Je toekomst: stage, werk en bijbaan', 'toekomst'],
];

const SUBJECTS = ['wiskunde', 'Nederlands', 'Engels', 'biologie', 'geschiedenis', 'economie', 'aardrijkskunde', 'plannen en organiseren'];

const ACTIVITY_NOTES: Record<ActivityKind, string[]> = {
  BREAK_CONVERSATION: [
    'Rustige pauze; veel vragen over de activiteiten in de vakantie.',
    'Groepje uit leerjaar 2 blijft vaak bij het hek hangen; contact gelegd.',
    'Gesprek over een filmpje dat rondgaat op sociale media.',
    'Onrust na een ruzie bij de fietsenstalling; samen met conciërge gesproken.',
  ],
  INDIVIDUAL_GUIDANCE: [
    'Vervolggesprek; jongere komt op eigen initiatief.',
    'Samen een weekplanning gemaakt.',
    'Jongere wil dat de mentor op de hoogte is; afgesproken wat gedeeld wordt.',
    'Gesprek over thuis; volgende week opnieuw afgesproken.',
  ],
  INFORMATION_SESSION: [
    'Goede interactie; klas wil een vervolg.',
    'Mentor was aanwezig en sluit volgende les aan op het thema.',
    'Na afloop kwamen enkele leerlingen naar de jongerenwerkruimte.',
  ],
  HOMEWORK_HELP: ['Druk vanwege de toetsweek.', 'Twee nieuwe aanmeldingen via de mentor.', 'Rustige middag.'],
  CONSULTATION: [
    'Lopende signalen doorgenomen; afspraken over terugkoppeling.',
    'Rooster voor de pauzes afgestemd.',
    'Evaluatie van de samenwerking voorbereid.',
  ],
};

const CATEGORY_WEIGHTS: [Category, number][] = [
  ['ATTENDANCE', 14],
  ['BULLYING', 12],
  ['CONFLICT', 11],
  ['HOME_SITUATION', 13],
  ['WELLBEING', 16],
  ['SAFETY', 7],
  ['SUBSTANCE_USE', 7],
  ['CRIMINAL_INVOLVEMENT', 4],
  ['ONLINE_BEHAVIOUR', 10],
  ['OTHER', 6],
];

const DOMAIN_BY_CATEGORY: Record<Category, [LifeDomain, number][]> = {
  ATTENDANCE: [['SCHOOL', 6], ['HOME', 3], ['NEIGHBOURHOOD', 1]],
  BULLYING: [['SCHOOL', 4], ['ONLINE', 4], ['NEIGHBOURHOOD', 2]],
  CONFLICT: [['SCHOOL', 4], ['NEIGHBOURHOOD', 4], ['HOME', 2], ['ONLINE', 1]],
  HOME_SITUATION: [['HOME', 1]],
  WELLBEING: [['SCHOOL', 3], ['HOME', 3], ['ONLINE', 1], ['NEIGHBOURHOOD', 1]],
  SAFETY: [['NEIGHBOURHOOD', 5], ['ONLINE', 2], ['SCHOOL', 1]],
  SUBSTANCE_USE: [['NEIGHBOURHOOD', 5], ['SCHOOL', 1]],
  CRIMINAL_INVOLVEMENT: [['NEIGHBOURHOOD', 4], ['ONLINE', 2]],
  ONLINE_BEHAVIOUR: [['ONLINE', 1]],
  OTHER: [['SCHOOL', 1], ['HOME', 1], ['NEIGHBOURHOOD', 1], ['ONLINE', 1]],
};

const SUMMARIES: Record<Category, Record<Subject, string[]>> = {
  ATTENDANCE: {
    INDIVIDUAL: [
      'Leerling komt de laatste weken vaak te laat of niet; zegt dat ochtenden thuis lastig zijn.',
      'Jongere vertelt in de pauze dat hij/zij spijbelt bij één vak vanwege problemen in de klas.',
      'Mentor ziet oplopend verzuim na de herfstvakantie; geen duidelijke reden bekend.',
    ],
    GROUP: ['Groepje uit leerjaar 3 verlaat regelmatig tussen de middag het terrein en komt niet terug.'],
    TREND: ['Meer verzuim op vrijdagmiddag in de onderbouw.'],
  },
  BULLYING: {
    INDIVIDUAL: [
      'Leerling wordt buitengesloten in een klassenapp; durft het niet tegen de mentor te zeggen.',
      'Jongere wordt op weg naar huis uitgescholden door oudere jongeren uit de buurt.',
      'Leerling geeft aan gepest te worden in de gymles; wil niet dat ouders het weten.',
    ],
    GROUP: ['In een tweede klas wordt een groep leerlingen structureel buitengesloten.'],
    TREND: ['Toename van anonieme roddelaccounts over leerlingen van school.'],
  },
  CONFLICT: {
    INDIVIDUAL: [
      'Jongere was betrokken bij een ruzie op het plein die buiten school doorging.',
      'Leerling is snel boos op docenten; vertelt over spanningen met een groep in de wijk.',
      'Oplopend conflict tussen jongere en een klasgenoot, ook online.',
    ],
    GROUP: ['Spanningen tussen twee groepen jongeren uit verschillende buurten; onrust bij de ingang.'],
    TREND: ['Meer vechtpartijen die worden gefilmd en gedeeld.'],
  },
  HOME_SITUATION: {
    INDIVIDUAL: [
      'Leerling lijkt vaak moe in de les; geeft aan dat het thuis onrustig is.',
      'Jongere zorgt veel voor jongere broertjes en zusjes en heeft weinig tijd voor huiswerk.',
      'Jongere vertelt dat er thuis geldzorgen zijn; komt zonder ontbijt naar school.',
      'Ouders zijn gescheiden; jongere woont wisselend op twee adressen en mist spullen.',
    ],
    GROUP: ['Meerdere leerlingen uit hetzelfde portiek melden overlast en onrust thuis.'],
    TREND: ['Meer jongeren noemen geldzorgen thuis.'],
  },
  WELLBEING: {
    INDIVIDUAL: [
      'Leerling trekt zich terug en zit in de pauzes alleen.',
      'Jongere geeft aan slecht te slapen en zich somber te voelen.',
      'Leerling maakt zich grote zorgen over examens en toekomst.',
      'Jongere lijkt minder plezier te hebben in sport en vrienden dan voorheen.',
    ],
    GROUP: ['Een groep meiden uit leerjaar 2 zit niet lekker in het vel na een incident in de klas.'],
    TREND: ['Veel stress rond de toetsweken in de bovenbouw.'],
  },
  SAFETY: {
    INDIVIDUAL: [
      'Jongere voelt zich onveilig op weg naar school na een bedreiging in de buurt.',
      'Leerling heeft een mes bij zich gehad volgens klasgenoten; onduidelijk waarom.',
    ],
    GROUP: ['Groep oudere jongeren wacht leerlingen op bij het winkelcentrum.'],
    TREND: ['Onrust in de wijk na een incident; jongeren durven \'s avonds niet naar buiten.'],
  },
  SUBSTANCE_USE: {
    INDIVIDUAL: [
      'Leerling ruikt naar wiet na de middagpauze.',
      'Jongere vertelt dat hij/zij in het weekend veel drinkt met oudere vrienden.',
    ],
    GROUP: ['Groepje vapet dagelijks achter de gymzaal.'],
    TREND: ['Gebruik van lachgas in het park naast school neemt toe.'],
  },
  CRIMINAL_INVOLVEMENT: {
    INDIVIDUAL: [
      'Jongere heeft ineens dure spullen en is vaak met oudere jongeren op pad.',
      'Leerling wordt benaderd om een pakketje weg te brengen tegen betaling.',
    ],
    GROUP: ['Signalen dat jongeren uit leerjaar 3 worden geronseld voor klusjes in de wijk.'],
    TREND: ['Online oproepen voor "snel geld verdienen" worden gedeeld in groepsapps.'],
  },
  ONLINE_BEHAVIOUR: {
    INDIVIDUAL: [
      'Jongere is tot diep in de nacht online aan het gamen en komt moe op school.',
      'Leerling heeft een naaktfoto doorgestuurd gekregen en weet niet wat te doen.',
      'Jongere heeft online contact met een onbekende volwassene.',
    ],
    GROUP: ['Filmpje van een leerling wordt in meerdere groepsapps gedeeld.'],
    TREND: ['Nieuwe challenge op sociale media zorgt voor onrust in de onderbouw.'],
  },
  OTHER: {
    INDIVIDUAL: [
      'Jongere zoekt een bijbaan of stage en weet niet waar te beginnen.',
      'Leerling wil graag bij een sportclub maar het lukt financieel niet.',
    ],
    GROUP: ['Groep leerlingen vraagt om een plek om na schooltijd samen te komen.'],
    TREND: ['Weinig vrijetijdsaanbod voor 14–16-jarigen in de wijk.'],
  },
};

const REFERRAL_DESTINATIONS: Record<Category, string[]> = {
  ATTENDANCE: ['leerplicht', 'schoolmaatschappelijk werk'],
  BULLYING: ['schoolmaatschappelijk werk', 'buurtteam'],
  CONFLICT: ['buurtteam', 'wijkteam', 'wijkagent'],
  HOME_SITUATION: ['buurtteam', 'wijkteam', 'Veilig Thuis'],
  WELLBEING: ['huisarts', 'jeugdarts (GGD)', 'schoolmaatschappelijk werk'],
  SAFETY: ['wijkagent', 'wijkteam'],
  SUBSTANCE_USE: ['verslavingspreventie', 'jeugdarts (GGD)'],
  CRIMINAL_INVOLVEMENT: ['wijkagent', 'wijkteam'],
  ONLINE_BEHAVIOUR: ['schoolmaatschappelijk werk', 'huisarts'],
  OTHER: ['buurtteam', 'sportvereniging'],
};

const FOLLOW_UP_NOTES: Record<Action, string[]> = {
  CONVERSATION_WITH_YOUTH: [
    'Gesprek gehad in de jongerenwerkruimte; jongere vindt het goed dat de mentor het weet.',
    'Kort gesproken in de pauze; afgesproken om volgende week verder te praten.',
    'Jongere wil er nu niet over praten; blijven aanbieden.',
  ],
  CONTACT_WITH_PARENTS: ['Ouder gebeld; afspraak op school gepland.', 'Thuisbezoek samen met de mentor.', 'Ouder was al op de hoogte en staat open voor hulp.'],
  CONSULTED_PARTNER: [
    'Overlegd met de zorgcoördinator; mentor houdt een vinger aan de pols.',
    'Afgestemd met de jongerenwerker; die gaat vaker langs op het plein.',
    'Navraag gedaan bij collega\'s in de wijk.',
  ],
  DISCUSSED_IN_CONSULTATION: ['Besproken in het overleg; afspraken over wie wat oppakt.', 'Besproken in het overleg; volgende keer terugkoppeling.'],
  REFERRED: ['Aangemeld na toestemming van jongere en ouder.', 'Warme overdracht: samen het eerste gesprek gevoerd.'],
  MONITORING: ['Gaat beter volgens mentor; we blijven het volgen.', 'Geen nieuwe signalen; nog twee weken volgen.'],
  OTHER: ['Afgesloten na evaluatie met de mentor.', 'Signaal afgerond; jongere weet het jongerenwerk te vinden.'],
};

const YEAR_GROUPS: Record<SchoolType, number> = { PRACTICAL_EDUCATION: 5, VMBO: 4, HAVO_VWO: 6, COMPREHENSIVE: 6 };
const YEAR_GROUP_WEIGHTS = [25, 22, 20, 15, 10, 8];

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

// ---------------------------------------------------------------------------------------------
// Building the data set (pure; no database access)

interface PersonRec {
  id: string;
  email: string;
  createdAt: number;
}

interface PartnershipCtx {
  def: PartnershipDef;
  id: string;
  cityId: string;
  schoolId: string;
  startsOn: number;
  /** First and last calendar day with activity. */
  firstDay: number;
  lastDay: number;
  youthWorkers: PersonRec[];
  schoolContact: PersonRec;
  mentors: PersonRec[];
  counsellor: PersonRec;
  /** Placeholder ids (`youth:<n>`) of the school's youth; resolved to real ids at the end. */
  youth: string[];
}

interface SignalRec {
  row: Prisma.SignalCreateManyInput & { id: string };
  p: PartnershipCtx;
  category: Category;
  subject: Subject;
  urgency: Urgency;
  lifeDomain: LifeDomain;
  reportedAt: number;
  ackAt?: number;
  inProgressAt?: number;
  referredAt?: number;
  closedAt?: number;
  discussedAt: number[];
}

export interface DemoData {
  cities: Prisma.CityCreateManyInput[];
  schools: Prisma.SchoolCreateManyInput[];
  organisations: Prisma.YouthWorkOrganisationCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  partnerships: Prisma.PartnershipCreateManyInput[];
  roleAssignments: Prisma.RoleAssignmentCreateManyInput[];
  youth: Prisma.YouthCreateManyInput[];
  signals: Prisma.SignalCreateManyInput[];
  followUps: Prisma.SignalFollowUpCreateManyInput[];
  activities: Prisma.ActivityCreateManyInput[];
  facilitators: Prisma.ActivityFacilitatorCreateManyInput[];
  attendees: Prisma.ActivityAttendeeCreateManyInput[];
  activitySignals: Prisma.ActivitySignalCreateManyInput[];
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/ı/g, 'i')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function buildDemoData(nowMs: number): DemoData {
  // Separate streams, so e.g. the people and youth codes do not change with `now`.
  const rngIds = new Rng(0x5eed_0001);
  const rngPeople = new Rng(0x5eed_0002);
  const rngYouth = new Rng(0x5eed_0003);
  const rngSignals = new Rng(0x5eed_0004);
  const rngSharing = new Rng(0x5ba1e);
  const rngActivities = new Rng(0x5eed_0005);
  const rngFollowUps = new Rng(0x5eed_0006);

  const today = localDay(nowMs);
  const t = new Date(today);
  // Twelve months up to and including today: the current school year so far plus enough of the
  // previous one for about forty school weeks.
  const windowStart = Date.UTC(t.getUTCFullYear() - 1, t.getUTCMonth(), t.getUTCDate() + 1);
  const windowYear = schoolYearStartYear(windowStart);
  const currentYear = schoolYearStartYear(today);

  const out: DemoData = {
    cities: [],
    schools: [],
    organisations: [],
    people: [],
    partnerships: [],
    roleAssignments: [],
    youth: [],
    signals: [],
    followUps: [],
    activities: [],
    facilitators: [],
    attendees: [],
    activitySignals: [],
  };

  const startsOnOf = (def: PartnershipDef) => Date.UTC(windowYear - def.startsYearsBefore, 8, 1);
  const earliestStart = Math.min(...PARTNERSHIPS.map(startsOnOf));
  const baseline = at(earliestStart - 60 * DAY, 10); // organisations and schools "entered" before that

  // Cities, organisations, schools
  const cityIds = {} as Record<CityKey, string>;
  const orgIds = {} as Record<CityKey, string>;
  for (const key of ['AMS', 'ARN'] as const) {
    const c = CITIES[key];
    cityIds[key] = uuidv7(baseline, rngIds);
    out.cities.push({ id: cityIds[key], name: c.name, cbsCode: c.cbsCode, createdAt: new Date(baseline), updatedAt: new Date(baseline) });
  }
  for (const key of ['AMS', 'ARN'] as const) {
    const o = ORGANISATIONS[key];
    orgIds[key] = uuidv7(baseline + MINUTE, rngIds);
    out.organisations.push({
      id: orgIds[key],
      name: o.name,
      cityId: cityIds[key],
      createdAt: new Date(baseline + MINUTE),
      updatedAt: new Date(baseline + MINUTE),
    });
  }
  const schoolIds = new Map<SchoolDef, string>();
  for (const s of Object.values(SCHOOLS) as SchoolDef[]) {
    const id = uuidv7(baseline + 2 * MINUTE, rngIds);
    schoolIds.set(s, id);
    out.schools.push({
      id,
      name: s.name,
      brinCode: s.brinCode,
      cityId: cityIds[s.city],
      district: s.district,
      schoolType: s.schoolType,
      enrolment: s.enrolment,
      createdAt: new Date(baseline + 2 * MINUTE),
      updatedAt: new Date(baseline + 2 * MINUTE),
    });
  }

  // People
  const emails = new Set<string>();
  const addPerson = (name: string, email: string, createdAt: number, link: { organisationId?: string; schoolId?: string }) => {
    if (emails.has(email)) throw new Error(`seed: duplicate e-mail ${email}`);
    emails.add(email);
    const id = demoPersonId(email);
    out.people.push({ id, name, email, ...link, createdAt: new Date(createdAt), updatedAt: new Date(createdAt) });
    return { id, email, createdAt };
  };
  const generatedPerson = (domain: string, createdAt: number, link: { organisationId?: string; schoolId?: string }) => {
    for (;;) {
      const first = rngPeople.pick(FIRST_NAMES);
      const last = rngPeople.pick(LAST_NAMES);
      const email = `${slug(first)}.${slug(last)}@${domain}`;
      if (!emails.has(email)) return addPerson(`${first} ${last}`, email, createdAt, link);
    }
  };
  const staffSince = () => at(windowStart - rngPeople.int(20, 200) * DAY, rngPeople.int(9, 16));

  const adminAt = at(earliestStart - 30 * DAY, 9);
  const admin = addPerson('Demo-beheerder', DEMO_EMAILS.ADMIN, adminAt, {});
  const roleAssignments: { personId: string; role: Role; scope: 'GLOBAL' | 'CITY' | 'PARTNERSHIP'; cityId?: string; partnershipId?: string; at: number }[] = [];
  roleAssignments.push({ personId: admin.id, role: 'ADMIN', scope: 'GLOBAL', at: adminAt });
  const analyst = addPerson('Demo-analist (lectoraat)', DEMO_EMAILS.ANALYST, adminAt + HOUR, {});
  roleAssignments.push({ personId: analyst.id, role: 'ANALYST', scope: 'GLOBAL', at: adminAt + HOUR });

  const cityPeople: [CityKey, Role, string, string][] = [
    ['AMS', 'POLICY_ADVISOR', 'Fatima el Idrissi', DEMO_EMAILS.POLICY_ADVISOR],
    ['AMS', 'ANALYST', 'Sanne Visser', 'sanne.visser@amsterdam.gemeente.example'],
    ['ARN', 'POLICY_ADVISOR', 'Marloes Dijkstra', 'marloes.dijkstra@arnhem.gemeente.example'],
    ['ARN', 'ANALYST', 'Joost Hendriks', 'joost.hendriks@arnhem.gemeente.example'],
  ];
  for (const [city, role, name, email] of cityPeople) {
    const since = at(earliestStart - rngPeople.int(1, 20) * DAY, 11);
    const p = addPerson(name, email, since, {});
    roleAssignments.push({ personId: p.id, role, scope: 'CITY', cityId: cityIds[city], at: since + HOUR });
  }

  // Partnerships with their people
  const ctxs: PartnershipCtx[] = [];
  let sharedYouthWorker: PersonRec | undefined;
  for (const [index, def] of PARTNERSHIPS.entries()) {
    const school = def.school;
    const schoolId = schoolIds.get(school)!;
    const org = ORGANISATIONS[school.city];
    const orgLink = { organisationId: orgIds[school.city] };
    const schoolLink = { schoolId };
    const isDemo = index === 0;

    const youthWorkers: PersonRec[] = [];
    if (isDemo) youthWorkers.push(addPerson('Aaron Bakkali', DEMO_EMAILS.YOUTH_WORKER, staffSince(), orgLink));
    // The second youth worker of Zuidoost (Amsterdam) and of Presikhaaf (Arnhem) also works in the
    // next partnership of that city: one person, two partnership role assignments.
    if (sharedYouthWorker && !isDemo && def.form === 'WITH_SCHOOL') youthWorkers.push(sharedYouthWorker);
    while (youthWorkers.length < def.youthWorkers + (def.form === 'WITH_SCHOOL' && sharedYouthWorker ? 1 : 0)) {
      youthWorkers.push(generatedPerson(org.domain, staffSince(), orgLink));
    }
    sharedYouthWorker = def.form === 'IN_SCHOOL' && !isDemo ? youthWorkers[1] : undefined;

    const schoolContact = isDemo
      ? addPerson('Aafke de Wit', DEMO_EMAILS.SCHOOL_CONTACT, staffSince(), schoolLink)
      : generatedPerson(school.domain, staffSince(), schoolLink);
    const mentors: PersonRec[] = [];
    if (isDemo) mentors.push(addPerson('Aart Hoekstra', DEMO_EMAILS.MENTOR, staffSince(), schoolLink));
    while (mentors.length < def.mentors) mentors.push(generatedPerson(school.domain, staffSince(), schoolLink));
    const counsellor = isDemo
      ? addPerson('Aaliyah Mahabier', DEMO_EMAILS.STUDENT_COUNSELLOR, staffSince(), schoolLink)
      : generatedPerson(school.domain, staffSince(), schoolLink);

    const startsOn = startsOnOf(def);
    const createdAt = at(startsOn - rngPeople.int(14, 45) * DAY, 10);
    const id = uuidv7(createdAt, rngIds);
    const lastDay = def.pausedDaysAgo ? today - def.pausedDaysAgo * DAY : today;
    const ctx: PartnershipCtx = {
      def,
      id,
      cityId: cityIds[school.city],
      schoolId,
      startsOn,
      firstDay: Math.max(windowStart, startsOn),
      lastDay,
      youthWorkers,
      schoolContact,
      mentors,
      counsellor,
      youth: [],
    };
    ctxs.push(ctx);

    const funding = def.funding;
    out.partnerships.push({
      id,
      name: `${org.name} × ${school.name}`,
      schoolId,
      youthWorkOrganisationId: orgIds[school.city],
      cityId: ctx.cityId,
      form: def.form,
      status: def.status,
      startsOn: new Date(startsOn),
      goals: def.goals,
      rolesAndResponsibilities: def.rolesAndResponsibilities,
      fundingType: funding.type,
      fundingSource: funding.type === 'NONE' ? null : funding.source,
      fundedUntil: funding.type === 'NONE' ? null : dateOnly(currentYear + 1 + funding.untilYearsAfter, 6, 31),
      hasRoom: def.roomLocation !== null,
      roomLocation: def.roomLocation,
      schoolContactId: schoolContact.id,
      consultationEveryWeeks: def.consultationEveryWeeks,
      createdAt: new Date(createdAt),
      updatedAt: new Date(def.pausedDaysAgo ? at(lastDay, 16) : createdAt),
      version: def.pausedDaysAgo ? 2 : 1,
    });

    const assign = (people: PersonRec[], role: Role) => {
      for (const person of people) {
        roleAssignments.push({
          personId: person.id,
          role,
          scope: 'PARTNERSHIP',
          cityId: ctx.cityId,
          partnershipId: id,
          at: Math.max(person.createdAt, createdAt) + HOUR,
        });
      }
    };
    assign(youthWorkers, 'YOUTH_WORKER');
    assign([schoolContact], 'SCHOOL_CONTACT');
    assign(mentors, 'MENTOR');
    assign([counsellor], 'STUDENT_COUNSELLOR');
  }
  for (const r of roleAssignments) {
    out.roleAssignments.push({
      id: uuidv7(r.at, rngIds),
      personId: r.personId,
      role: r.role,
      scope: r.scope,
      cityId: r.cityId ?? null,
      partnershipId: r.partnershipId ?? null,
      grantedById: r.personId === admin.id ? null : admin.id,
      createdAt: new Date(r.at),
    });
  }

  // Youth: codes and attributes only. createdAt is filled in once we know their first appearance.
  const codes = new Set<string>();
  const youthRows: (Prisma.YouthCreateManyInput & { id: string })[] = [];
  const youthFirstUse = new Map<string, number>();
  for (const p of ctxs) {
    const school = p.def.school;
    for (let i = 0; i < school.youthCount; i++) {
      let code: string;
      do {
        const chars = (n: number) => Array.from({ length: n }, () => rngYouth.pick([...CODE_ALPHABET])).join('');
        code = `${chars(2)}-${chars(4)}-${chars(4)}`;
      } while (codes.has(code));
      codes.add(code);
      const maxYear = YEAR_GROUPS[school.schoolType];
      const yearGroup = rngYouth.weighted(YEAR_GROUP_WEIGHTS.slice(0, maxYear).map((w, k) => [k + 1, w] as const));
      const ageBand = ageBandFor(yearGroup, school.schoolType, rngYouth);
      const registeredBy = rngYouth.chance(0.7) ? rngYouth.pick(p.youthWorkers) : p.counsellor;
      // Time-ordered ids need createdAt, which is only known once we know when a young person
      // first shows up; until then a placeholder stands in.
      p.youth.push(`youth:${youthRows.length}`);
      youthRows.push({ id: '', code, schoolId: p.schoolId, yearGroup, ageBand, registeredById: registeredBy.id });
    }
  }

  const markYouthUse = (youthId: string, when: number) => {
    youthFirstUse.set(youthId, Math.min(youthFirstUse.get(youthId) ?? Number.POSITIVE_INFINITY, when));
  };

  // Calendar of the window
  const days: number[] = [];
  for (let d = windowStart; d <= today; d += DAY) days.push(d);

  // Signals
  const signals: SignalRec[] = [];
  for (const p of ctxs) {
    const allDays = days.filter((d) => d >= p.firstDay && d <= p.lastDay);
    const schoolDays = allDays.filter(isSchoolDay);
    for (let i = 0; i < p.def.signals; i++) {
      const day = rngSignals.chance(0.9) ? rngSignals.pick(schoolDays) : rngSignals.pick(allDays);
      let reportedAt = at(day, rngSignals.int(8, 17), rngSignals.int(0, 59));
      if (reportedAt >= nowMs) reportedAt = nowMs - rngSignals.int(30, 300) * MINUTE;
      const category = rngSignals.weighted(CATEGORY_WEIGHTS);
      const lifeDomain = rngSignals.weighted(DOMAIN_BY_CATEGORY[category]);
      const subject = rngSignals.weighted<Subject>([
        ['INDIVIDUAL', 76],
        ['GROUP', 14],
        ['TREND', 10],
      ]);
      const serious = category === 'SAFETY' || category === 'CRIMINAL_INVOLVEMENT' || category === 'HOME_SITUATION';
      const urgency = rngSignals.weighted<Urgency>(
        serious
          ? [['LOW', 10], ['MEDIUM', 35], ['HIGH', 35], ['URGENT', 20]]
          : [['LOW', 25], ['MEDIUM', 47], ['HIGH', 22], ['URGENT', 6]],
      );
      const youthId = subject === 'INDIVIDUAL' ? rngSignals.pickSkewed(p.youth) : null;
      if (youthId) markYouthUse(youthId, reportedAt);
      const reporterRole = rngSignals.weighted<'yw' | 'mentor' | 'counsellor' | 'contact'>([
        ['yw', 45],
        ['mentor', 25],
        ['counsellor', 15],
        ['contact', 15],
      ]);
      const reporter =
        reporterRole === 'yw'
          ? rngSignals.pick(p.youthWorkers)
          : reporterRole === 'mentor'
            ? rngSignals.pick(p.mentors)
            : reporterRole === 'counsellor'
              ? p.counsellor
              : p.schoolContact;

      // Lifecycle: pick where it should end up (older signals are further along), then walk the
      // steps; a step that would lie in the future is not reached.
      const ageDays = (nowMs - reportedAt) / DAY;
      const target = rngSignals.weighted<Status>(
        ageDays > 60
          ? [['CLOSED', 70], ['REFERRED', 12], ['IN_PROGRESS', 10], ['ACKNOWLEDGED', 5], ['NEW', 3]]
          : ageDays > 14
            ? [['CLOSED', 35], ['REFERRED', 15], ['IN_PROGRESS', 25], ['ACKNOWLEDGED', 15], ['NEW', 10]]
            : [['CLOSED', 10], ['REFERRED', 5], ['IN_PROGRESS', 25], ['ACKNOWLEDGED', 30], ['NEW', 30]],
      );
      const viaReferral = target === 'REFERRED' || (target === 'CLOSED' && rngSignals.chance(0.35));
      const ackDelay = {
        URGENT: rngSignals.int(10, 120) * MINUTE,
        HIGH: rngSignals.int(1, 24) * HOUR,
        MEDIUM: rngSignals.int(2, 72) * HOUR,
        LOW: rngSignals.int(4, 120) * HOUR,
      }[urgency];
      const steps: [Status, number][] = [];
      let cursor = reportedAt;
      const order: Status[] = ['ACKNOWLEDGED', 'IN_PROGRESS', ...(viaReferral ? (['REFERRED'] as Status[]) : []), 'CLOSED'];
      for (const step of order) {
        if (target === 'NEW') break;
        const delay =
          step === 'ACKNOWLEDGED'
            ? ackDelay
            : step === 'IN_PROGRESS'
              ? rngSignals.int(1, 120) * HOUR
              : step === 'REFERRED'
                ? rngSignals.int(2, 21) * DAY
                : rngSignals.int(3, 45) * DAY;
        cursor = officeHours(cursor + delay, rngSignals);
        if (cursor > nowMs) break;
        steps.push([step, cursor]);
        if (step === target) break;
      }
      const stepAt = (s: Status) => steps.find(([name]) => name === s)?.[1];
      const status: Status = steps.length ? steps[steps.length - 1]![0] : 'NEW';
      const rec: SignalRec = {
        row: {
          id: '',
          partnershipId: p.id,
          lifeDomain,
          category,
          subject,
          urgency,
          summary: rngSignals.pick(SUMMARIES[category][subject]),
          youthId,
          reportedById: reporter.id,
          ownerSide: reporterRole === 'yw' ? 'YOUTH_WORK' : 'SCHOOL',
          // Most signals are shared with the other side on a legal basis; some stay with their owner.
          ...rngSharing.weighted<{ sharedWith: 'BOTH' | 'YOUTH_WORK' | 'SCHOOL'; legalBasis: 'CONSENT' | 'LEGAL_DUTY' | 'NONE' }>([
            [{ sharedWith: 'BOTH', legalBasis: 'CONSENT' }, 55],
            [{ sharedWith: 'BOTH', legalBasis: 'LEGAL_DUTY' }, 15],
            [{ sharedWith: reporterRole === 'yw' ? 'YOUTH_WORK' : 'SCHOOL', legalBasis: 'NONE' }, 30],
          ]),
          status,
          referralDestination: stepAt('REFERRED') ? rngSignals.pick(REFERRAL_DESTINATIONS[category]) : null,
        },
        p,
        category,
        subject,
        urgency,
        lifeDomain,
        reportedAt,
        ackAt: stepAt('ACKNOWLEDGED'),
        inProgressAt: stepAt('IN_PROGRESS'),
        referredAt: stepAt('REFERRED'),
        closedAt: stepAt('CLOSED'),
        discussedAt: [],
      };
      signals.push(rec);
    }
  }
  signals.sort((a, b) => a.reportedAt - b.reportedAt);
  for (const s of signals) s.row.id = uuidv7(s.reportedAt, rngIds);

  // Activities
  interface ActivityRec {
    row: Prisma.ActivityCreateManyInput & { id: string };
    p: PartnershipCtx;
    kind: ActivityKind;
    start: number;
    end: number;
    facilitators: PersonRec[];
    linkedSignals: SignalRec[];
    attendees: PersonRec[];
  }
  const activities: ActivityRec[] = [];

  const locationFor = (kind: ActivityKind, p: PartnershipCtx): [Location, string | null] => {
    const r = rngActivities;
    const hasRoom = p.def.roomLocation !== null;
    switch (kind) {
      case 'BREAK_CONVERSATION':
        return r.weighted<[Location, string | null]>([
          [['SCHOOLYARD', null], 5],
          [hasRoom ? ['SCHOOL_ROOM', null] : ['OTHER', 'aula'], 3],
          [['OTHER', r.pick(['aula', 'kantine', 'bij de fietsenstalling'])], 2],
        ]);
      case 'INDIVIDUAL_GUIDANCE':
        return r.weighted<[Location, string | null]>([
          [hasRoom ? ['SCHOOL_ROOM', null] : ['COMMUNITY_CENTRE', p.def.communityCentre], 8],
          [['ONLINE', null], 1],
          [['COMMUNITY_CENTRE', p.def.communityCentre], 1],
        ]);
      case 'INFORMATION_SESSION':
        return r.weighted<[Location, string | null]>([
          [['CLASSROOM', null], 17],
          [['OTHER', 'aula'], 2],
          [['ONLINE', null], 1],
        ]);
      case 'HOMEWORK_HELP':
        return r.chance(0.9) ? ['COMMUNITY_CENTRE', p.def.communityCentre] : ['CLASSROOM', 'huiswerkklas op school'];
      case 'CONSULTATION':
        return r.weighted<[Location, string | null]>([
          [['OTHER', 'vergaderruimte school'], 6],
          [['ONLINE', null], 3],
          [hasRoom ? ['SCHOOL_ROOM', null] : ['COMMUNITY_CENTRE', p.def.communityCentre], 1],
        ]);
    }
  };

  const addActivity = (
    p: PartnershipCtx,
    kind: ActivityKind,
    start: number,
    duration: number,
    extra: { details: Prisma.InputJsonValue; participantCount: number | null; themes: string[]; youthId?: string | null; facilitatorCount: number },
  ): ActivityRec | undefined => {
    const end = start + duration * MINUTE;
    if (end > nowMs) return undefined;
    const r = rngActivities;
    const facilitators = r.sample(p.youthWorkers, extra.facilitatorCount);
    const [location, locationNote] = locationFor(kind, p);
    const loggedAt = Math.min(end + r.int(5, 240) * MINUTE, nowMs);
    const rec: ActivityRec = {
      row: {
        id: '',
        partnershipId: p.id,
        kind,
        startsAt: new Date(start),
        durationMinutes: duration,
        location,
        locationNote,
        participantCount: extra.participantCount,
        themes: extra.themes,
        notes: r.chance(0.15) ? r.pick(ACTIVITY_NOTES[kind]) : null,
        details: extra.details,
        youthId: extra.youthId ?? null,
        loggedById: facilitators[0]!.id,
        createdAt: new Date(loggedAt),
        updatedAt: new Date(loggedAt),
      },
      p,
      kind,
      start,
      end,
      facilitators,
      linkedSignals: [],
      attendees: [],
    };
    if (extra.youthId) markYouthUse(extra.youthId, start);
    activities.push(rec);
    return rec;
  };

  const randomThemes = (max: number) => rngActivities.sample(THEMES, rngActivities.int(0, max));

  const consultation = (p: PartnershipCtx, start: number, planned: boolean, trigger?: SignalRec) => {
    const r = rngActivities;
    const facilitators = r.chance(0.7) ? 1 : 2;
    const rec = addActivity(p, 'CONSULTATION', start, r.pick([45, 50, 60]), {
      details: { planned },
      participantCount: null,
      themes: randomThemes(2),
      facilitatorCount: facilitators,
    });
    if (!rec) return;
    const attendees = [...rec.facilitators, p.schoolContact, p.counsellor];
    if (r.chance(0.3)) attendees.push(r.pick(p.mentors));
    rec.attendees = attendees;
    rec.row.participantCount = attendees.length;
    // Signals shared in this consultation: still open, reported since (about) the previous one.
    const horizon = start - (p.def.consultationEveryWeeks * 7 + 7) * DAY;
    // Only signals someone had picked up (acknowledged) by then; a signal still NEW was never discussed.
    const open = signals.filter(
      (s) =>
        s.p === p &&
        s !== trigger &&
        s.reportedAt >= horizon &&
        s.ackAt !== undefined &&
        s.ackAt < start &&
        (s.closedAt === undefined || s.closedAt > start),
    );
    const chosen = planned ? open.filter(() => r.chance(0.7)).slice(0, 5) : r.sample(open, r.int(0, 1));
    rec.linkedSignals = trigger ? [trigger, ...chosen] : chosen;
    for (const s of rec.linkedSignals) s.discussedAt.push(rec.end);
  };

  for (const p of ctxs) {
    const inSchool = p.def.form === 'IN_SCHOOL';
    const span = Math.max(DAY, p.lastDay - p.firstDay);
    const anchor = p.firstDay - ((weekday(p.firstDay) - p.def.consultationWeekday + 7) % 7) * DAY;
    for (const day of days) {
      if (day < p.firstDay || day > p.lastDay || !isSchoolDay(day)) continue;
      const r = rngActivities;
      const scale = p.def.activityScale * (p.def.rampUp ? 0.55 + 0.7 * ((day - p.firstDay) / span) : 1);
      const rates: Record<Exclude<ActivityKind, 'CONSULTATION' | 'HOMEWORK_HELP'>, number> = inSchool
        ? { BREAK_CONVERSATION: 1.85, INDIVIDUAL_GUIDANCE: 1.0, INFORMATION_SESSION: 0.07 }
        : { BREAK_CONVERSATION: 0, INDIVIDUAL_GUIDANCE: 0.04, INFORMATION_SESSION: 0.13 };

      for (let n = r.poisson(rates.BREAK_CONVERSATION * scale); n > 0; n--) {
        const [h, m] = r.pick([[10, 5], [10, 10], [12, 20], [12, 30], [12, 35]] as const);
        const spokenTo = r.int(2, 12);
        addActivity(p, 'BREAK_CONVERSATION', at(day, h, m), r.pick([15, 20, 25, 30]), {
          details: { youngPeopleSpokenTo: spokenTo },
          participantCount: spokenTo,
          themes: randomThemes(2),
          facilitatorCount: r.chance(0.8) ? 1 : 2,
        });
      }
      for (let n = r.poisson(rates.INDIVIDUAL_GUIDANCE * scale); n > 0; n--) {
        addActivity(p, 'INDIVIDUAL_GUIDANCE', at(day, r.int(8, 14), r.pick([0, 15, 30, 45])), r.pick([30, 40, 45, 60]), {
          details: {},
          participantCount: 1,
          themes: r.sample(THEMES, r.int(1, 2)),
          youthId: r.pickSkewed(p.youth),
          facilitatorCount: 1,
        });
      }
      for (let n = r.poisson(rates.INFORMATION_SESSION * scale); n > 0; n--) {
        const [topic, theme] = r.pick(INFO_TOPICS);
        const audience = r.weighted<string>([
          [`leerjaar ${r.int(1, Math.min(4, YEAR_GROUPS[p.def.school.schoolType]))}`, 14],
          ['ouders', 3],
          ['docenten', 2],
          ['mentoren', 1],
        ]);
        const [lessonH, lessonM] = r.pick([[8, 30], [9, 20], [10, 30], [11, 20], [13, 0], [13, 50]] as const);
        const [start, duration, count] =
          audience === 'ouders'
            ? [at(day, 19, 30), r.pick([60, 75, 90]), r.int(8, 40)]
            : audience === 'docenten' || audience === 'mentoren'
              ? [at(day, 15, 30), r.pick([60, 75, 90]), r.int(8, 35)]
              : [at(day, lessonH, lessonM), r.pick([50, 50, 100]), r.int(18, 30)];
        addActivity(p, 'INFORMATION_SESSION', start, duration, {
          details: { topic, audience },
          participantCount: count,
          themes: [theme],
          facilitatorCount: r.chance(0.6) ? 2 : 1,
        });
      }
      if (p.def.homeworkWeekdays.includes(weekday(day)) && r.chance(0.92)) {
        const attendeeCount = r.int(4, 15);
        addActivity(p, 'HOMEWORK_HELP', at(day, 15, r.pick([30, 30, 45])), r.pick([90, 105, 120]), {
          details: { attendeeCount, subjects: r.sample(SUBJECTS, r.int(1, 3)) },
          participantCount: attendeeCount,
          themes: r.chance(0.1) ? ['toekomst'] : [],
          facilitatorCount: r.chance(0.7) ? 2 : 1,
        });
      }
      // Planned consultations in the agreed rhythm (every N weeks on a fixed weekday)
      const weeks = Math.round((day - anchor) / (7 * DAY));
      if (weekday(day) === p.def.consultationWeekday && weeks % p.def.consultationEveryWeeks === 0 && r.chance(0.92)) {
        consultation(p, at(day, ...p.def.consultationTime), true);
      }
      // Occasional ad hoc consultation
      if (r.chance(0.008)) consultation(p, at(day, r.int(8, 15), r.pick([0, 30])), false);
    }
  }
  // Ad hoc consultations right after urgent signals
  for (const s of signals) {
    if (!(s.urgency === 'URGENT' ? rngActivities.chance(0.5) : s.urgency === 'HIGH' && rngActivities.chance(0.15))) continue;
    let day = localDay(s.reportedAt) + DAY;
    for (let skip = rngActivities.int(0, 2); skip > 0 || !isSchoolDay(day); day += DAY) if (isSchoolDay(day)) skip--;
    if (day > s.p.lastDay) continue;
    const start = at(day, rngActivities.int(8, 15), rngActivities.pick([0, 30]));
    if (s.ackAt === undefined || s.ackAt >= start || (s.closedAt !== undefined && s.closedAt <= start)) continue;
    consultation(s.p, start, false, s);
  }

  activities.sort((a, b) => a.start - b.start);
  for (const a of activities) {
    a.row.id = uuidv7((a.row.createdAt as Date).getTime(), rngIds);
    out.activities.push(a.row);
    for (const f of a.facilitators) out.facilitators.push({ activityId: a.row.id, personId: f.id });
    for (const person of new Set(a.attendees)) out.attendees.push({ activityId: a.row.id, personId: person.id });
    for (const s of new Set(a.linkedSignals)) out.activitySignals.push({ activityId: a.row.id, signalId: s.row.id });
  }

  // Follow-ups: one when acknowledged, then what fits the path (consultation, parents, referral,
  // closing), at most three per signal; none for NEW signals.
  for (const s of signals) {
    const r = rngFollowUps;
    const p = s.p;
    const end = s.closedAt ?? nowMs;
    type Fu = { at: number; action: Action; by: PersonRec; required: boolean };
    const fus: Fu[] = [];
    if (s.ackAt !== undefined) {
      const next = s.inProgressAt ?? s.closedAt ?? nowMs;
      const action = r.weighted<Action>(
        s.subject === 'INDIVIDUAL'
          ? [['CONVERSATION_WITH_YOUTH', 6], ['CONSULTED_PARTNER', 3], ['MONITORING', 1]]
          : [['CONSULTED_PARTNER', 3], ['MONITORING', 2]],
      );
      const by = action === 'CONVERSATION_WITH_YOUTH' ? r.pick([...p.youthWorkers, ...p.mentors]) : r.pick([...p.youthWorkers, p.counsellor, p.schoolContact]);
      fus.push({ at: officeBetween(r, s.ackAt + MINUTE, Math.min(next, s.ackAt + 3 * DAY)), action, by, required: true });
    }
    const discussed = s.discussedAt.find((d) => d > s.reportedAt && d <= end);
    if (discussed !== undefined) fus.push({ at: discussed, action: 'DISCUSSED_IN_CONSULTATION', by: r.pick([...p.youthWorkers, p.schoolContact]), required: false });
    if (s.inProgressAt !== undefined && (s.lifeDomain === 'HOME' || s.category === 'ATTENDANCE') && s.subject === 'INDIVIDUAL') {
      const next = s.referredAt ?? s.closedAt ?? nowMs;
      fus.push({
        at: officeBetween(r, s.inProgressAt + MINUTE, Math.min(next, s.inProgressAt + 7 * DAY)),
        action: 'CONTACT_WITH_PARENTS',
        by: r.pick([...p.mentors, p.counsellor, ...p.youthWorkers]),
        required: false,
      });
    }
    if (s.referredAt !== undefined) {
      fus.push({ at: Math.min(s.referredAt + r.int(0, 30) * MINUTE, end), action: 'REFERRED', by: r.chance(0.6) ? p.counsellor : r.pick(p.youthWorkers), required: true });
    }
    if (s.closedAt !== undefined) {
      fus.push({ at: s.closedAt - r.int(0, 60) * MINUTE, action: r.chance(0.5) ? 'MONITORING' : 'OTHER', by: r.pick([...p.mentors, ...p.youthWorkers]), required: false });
    }
    for (const f of fus) f.at = Math.min(f.at, end);
    const kept = [...fus.filter((f) => f.required), ...fus.filter((f) => !f.required && r.chance(0.75))]
      .filter((f) => f.at > s.reportedAt)
      .slice(0, 3)
      .sort((a, b) => a.at - b.at);
    for (const f of kept) {
      const note =
        f.action === 'REFERRED' ? `Doorverwezen naar ${s.row.referralDestination}. ${r.pick(FOLLOW_UP_NOTES.REFERRED)}` : r.pick(FOLLOW_UP_NOTES[f.action]);
      out.followUps.push({ id: uuidv7(f.at, rngIds), signalId: s.row.id, byId: f.by.id, at: new Date(f.at), action: f.action, note, createdAt: new Date(f.at) });
    }
    const stepsReached = [s.ackAt, s.inProgressAt, s.referredAt, s.closedAt].filter((x) => x !== undefined);
    const lastChange = Math.max(s.reportedAt, ...stepsReached, ...kept.map((f) => f.at));
    Object.assign(s.row, {
      reportedAt: new Date(s.reportedAt),
      acknowledgedAt: s.ackAt !== undefined ? new Date(s.ackAt) : null,
      inProgressAt: s.inProgressAt !== undefined ? new Date(s.inProgressAt) : null,
      referredAt: s.referredAt !== undefined ? new Date(s.referredAt) : null,
      closedAt: s.closedAt !== undefined ? new Date(s.closedAt) : null,
      createdAt: new Date(s.reportedAt),
      updatedAt: new Date(lastChange),
      version: 1 + stepsReached.length,
    });
    out.signals.push(s.row);
  }

  // Youth: created (registered) shortly before their first appearance, else early in the window.
  const youthIdMap = new Map<string, string>();
  youthRows.forEach((row, i) => {
    const placeholder = `youth:${i}`;
    const firstUse = youthFirstUse.get(placeholder);
    const early = at(windowStart + rngYouth.int(10, 60) * DAY, rngYouth.int(9, 15));
    const createdAt = firstUse !== undefined ? Math.min(early, firstUse - rngYouth.int(1, 10) * DAY) : Math.min(early, nowMs - DAY);
    const id = uuidv7(createdAt, rngIds);
    youthIdMap.set(placeholder, id);
    out.youth.push({ ...row, id, createdAt: new Date(createdAt), updatedAt: new Date(createdAt) });
  });
  const resolveYouth = (v: string | null | undefined) => (v ? youthIdMap.get(v) ?? v : null);
  for (const s of out.signals) s.youthId = resolveYouth(s.youthId);
  for (const a of out.activities) a.youthId = resolveYouth(a.youthId);

  return out;
}

function ageBandFor(yearGroup: number, type: SchoolType, rng: Rng): 'UNDER_12' | 'AGE_12_13' | 'AGE_14_15' | 'AGE_16_17' | 'AGE_18_PLUS' {
  // Practical education keeps students a bit longer; shift a year up now and then.
  const effective = type === 'PRACTICAL_EDUCATION' && rng.chance(0.3) ? yearGroup + 1 : yearGroup;
  switch (effective) {
    case 1:
      return rng.chance(0.06) ? 'UNDER_12' : 'AGE_12_13';
    case 2:
      return rng.chance(0.6) ? 'AGE_12_13' : 'AGE_14_15';
    case 3:
      return 'AGE_14_15';
    case 4:
      return rng.chance(0.5) ? 'AGE_14_15' : 'AGE_16_17';
    case 5:
      return 'AGE_16_17';
    default:
      return rng.chance(0.7) ? 'AGE_16_17' : 'AGE_18_PLUS';
  }
}
