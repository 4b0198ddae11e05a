// Drift check without Prisma's schema engine: what the migrations built (read from the PostgreSQL
// catalogue) against what schema.prisma implies (derived from Prisma's datamodel with Prisma's own
// PostgreSQL conventions: column types, defaults, constraint and index names, referential actions).
//
// Both sides become a `Catalogue`: a map from a readable object name (`column "School"."brinCode"`,
// `index "School_cityId_idx"`, …) to that object's properties as text, so a difference reads as one
// line: `column "School"."brinCode": type differs — the database has character varying(4),
// schema.prisma implies character varying(5)`.
import type { SqlSession } from '../../src/db.ts';
import type { Datamodel, DmmfField, DmmfModel, ReferentialAction } from './prisma-datamodel.ts';

export interface CatalogueEntry {
  /** The table an object belongs to; its differences are not listed when the table itself is missing. */
  parent?: string;
  props: Record<string, string>;
}

export type Catalogue = Map<string, CatalogueEntry>;

/** PostgreSQL's limit on identifier length, which Prisma's default names respect. */
const MAX_IDENTIFIER = 63;
/** Tables that are not part of the datamodel. */
const IGNORED_TABLES = new Set(['_prisma_migrations']);

const tableKey = (table: string) => `table ${q(table)}`;
const columnKey = (table: string, column: string) => `column ${q(table)}.${q(column)}`;
const enumKey = (name: string) => `enum ${q(name)}`;
const indexKey = (name: string) => `index ${q(name)}`;
const foreignKeyKey = (table: string, name: string) => `foreign key ${q(name)} on ${q(table)}`;

function q(name: string) {
  return `"${name}"`;
}

/** PostgreSQL silently truncates longer identifiers to 63 bytes. */
function pgName(name: string) {
  const bytes = Buffer.from(name);
  if (bytes.length <= MAX_IDENTIFIER) return name;
  return new TextDecoder().decode(bytes.subarray(0, MAX_IDENTIFIER)).replace(/\uFFFD$/, '');
}

/** Quotes an identifier the way PostgreSQL prints it (only when needed). */
function quoteIdent(name: string) {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** The `ON DELETE`/`ON UPDATE` words for Prisma's referential actions and pg_constraint's codes. */
const ACTIONS: Record<ReferentialAction, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};
const PG_ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

// ---------------------------------------------------------------------------------------------------
// What schema.prisma implies

/** Prisma's default constraint/index name: `{table}_{columns}_{suffix}`, cut to fit 63 characters. */
export function prismaConstraintName(table: string, columns: string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey') {
  const base = suffix === 'pkey' ? table : [table, ...columns].join('_');
  return base.slice(0, MAX_IDENTIFIER - suffix.length - 1) + '_' + suffix;
}

/** PostgreSQL's spelling (as `format_type` prints it) of a Prisma scalar and its `@db.*` native type. */
function columnType(field: DmmfField, enumDbNames: Map<string, string>): string {
  if (field.kind === 'enum') return quoteIdent(enumDbNames.get(field.type) ?? field.type);
  if (field.kind === 'unsupported') return field.type;
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const mod = args.length ? `(${args.join(',')})` : '';
    switch (name) {
      case 'Char':
        return `character${mod || '(1)'}`;
      case 'VarChar':
        return `character varying${mod}`;
      case 'Bit':
        return `bit${mod || '(1)'}`;
      case 'VarBit':
        return `bit varying${mod}`;
      case 'Decimal':
        return `numeric${mod}`;
      case 'DoublePrecision':
        return 'double precision';
      case 'Timestamp':
        return `timestamp${mod} without time zone`;
      case 'Timestamptz':
        return `timestamp${mod} with time zone`;
      case 'Time':
        return `time${mod} without time zone`;
      case 'Timetz':
        return `time${mod} with time zone`;
      case 'JsonB':
        return 'jsonb';
      case 'ByteA':
        return 'bytea';
      default: // Text, Uuid, Integer, SmallInt, BigInt, Real, Money, Oid, Date, Json, Xml, Inet, Citext, Boolean
        return name.toLowerCase() + mod;
    }
  }
  const defaults: Record<string, string> = {
    String: 'text',
    Boolean: 'boolean',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'double precision',
    Decimal: 'numeric(65,30)',
    DateTime: 'timestamp(3) without time zone',
    Json: 'jsonb',
    Bytes: 'bytea',
  };
  const type = defaults[field.type];
  if (!type) throw new Error(`schema-catalogue: no PostgreSQL type known for Prisma type ${field.type}`);
  return type;
}

/** The type name PostgreSQL uses in a `'…'::type` cast: the type without its modifier. */
function castLabel(type: string) {
  if (type.startsWith('character(')) return 'bpchar';
  return type.replace(/\(\d+(,\d+)?\)/, '');
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** How PostgreSQL prints a numeric literal default (Prisma writes numbers bare, e.g. `DEFAULT -2`). */
function numberDefault(text: string) {
  const negative = text.startsWith('-');
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    const type = n >= -(2n ** 31n) && n < 2n ** 31n ? 'integer' : n >= -(2n ** 63n) && n < 2n ** 63n ? 'bigint' : 'numeric';
    // Integer constants print bare when positive; everything else carries its type.
    if (type === 'integer') return negative ? `${sqlString(text)}::integer` : text;
    if (type === 'bigint') return `${sqlString(text)}::bigint`;
  }
  return negative ? `${sqlString(text)}::numeric` : text;
}

/** How PostgreSQL prints a `DateTime` literal default that Prisma wrote as `'YYYY-MM-DD HH:MM:SS +00:00'`. */
function dateTimeDefault(iso: string, type: string, label: string) {
  const [, date, time] = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)/.exec(iso) ?? [];
  if (!date || !time) return `${sqlString(iso)}::${label}`;
  const trim = (t: string) => t.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  if (type === 'date') return `'${date}'::${label}`;
  if (type.includes('with time zone') && type.startsWith('timestamp')) {
    // Shown in UTC: readCatalogue reads with TimeZone = UTC.
    const utc = new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
    return `'${trim(utc)}+00'::${label}`;
  }
  // Without time zone, PostgreSQL drops the offset Prisma writes.
  return `'${date} ${trim(time)}'::${label}`;
}

/**
 * `label` is the type named in the cast: without its modifier for a column default
 * (`'ab'::character varying`), with it for the elements of a list default (`ARRAY['ab'::character varying(3)]`).
 */
function literalDefault(
  value: unknown,
  field: DmmfField,
  type: string,
  label: string,
  enumValueDbNames: Map<string, Map<string, string>>,
): string {
  if (field.kind === 'enum') {
    const dbValue = enumValueDbNames.get(field.type)?.get(String(value)) ?? String(value);
    return `${sqlString(dbValue)}::${type}`;
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' || (field.type === 'BigInt' && typeof value === 'string') || field.type === 'Decimal') {
    return numberDefault(String(value));
  }
  if (field.type === 'DateTime') return dateTimeDefault(String(value), type, label);
  return `${sqlString(String(value))}::${label}`;
}

/**
 * How PostgreSQL prints the default Prisma gives a column; `null` for none (also for defaults Prisma
 * computes itself: uuid(), cuid(), nanoid(), ulid(), @updatedAt), `undefined` for "cannot tell".
 */
function columnDefault(
  field: DmmfField,
  table: string,
  column: string,
  type: string,
  enumValueDbNames: Map<string, Map<string, string>>,
): string | null | undefined {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const fn = value as { name: string; args: unknown[] };
    switch (fn.name) {
      case 'now':
        return 'CURRENT_TIMESTAMP';
      case 'autoincrement':
        return `nextval('${quoteIdent(`${table}_${column}_seq`)}'::regclass)`;
      case 'dbgenerated':
        return fn.args.length ? String(fn.args[0]) : undefined;
      default: // uuid, cuid, nanoid, ulid: generated by Prisma Client, not by the database
        return null;
    }
  }
  if (Array.isArray(value)) {
    const elementType = type.replace(/\[\]$/, '');
    if (value.length === 0) return `ARRAY[]::${type}`;
    return `ARRAY[${value.map((v) => literalDefault(v, field, elementType, elementType, enumValueDbNames)).join(', ')}]`;
  }
  return literalDefault(value, field, type, castLabel(type), enumValueDbNames);
}

/**
 * `map:` names on `@relation(...)`: the datamodel does not carry them, so they are read from the
 * schema text (attributes are always on the field's line). Keyed by `Model.field`.
 */
function relationMapNames(schema: string) {
  const names = new Map<string, string>();
  let model: string | undefined;
  for (const line of schema.split('\n')) {
    const start = /^\s*model\s+(\w+)\s*\{/.exec(line);
    if (start) model = start[1];
    else if (/^\s*\}/.test(line)) model = undefined;
    else if (model) {
      const relation = /^\s*(\w+)\s.*@relation\(([^)]*)\)/.exec(line);
      const map = relation && /\bmap\s*:\s*"([^"]*)"/.exec(relation[2]!);
      if (relation && map) names.set(`${model}.${relation[1]}`, map[1]!);
    }
  }
  return names;
}

/** The catalogue that applying a correct migration history for `datamodel` must produce. */
export function expectedCatalogue(datamodel: Datamodel, schemaText: string): Catalogue {
  const catalogue: Catalogue = new Map();
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => pgName(m.dbName ?? m.name);
  const fieldOf = (m: DmmfModel, name: string) => {
    const f = m.fields.find((x) => x.name === name);
    if (!f) throw new Error(`schema-catalogue: ${m.name}.${name} not found`);
    return f;
  };
  const columnOf = (m: DmmfModel, name: string) => pgName(fieldOf(m, name).dbName ?? name);
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValueDbNames = new Map(
    datamodel.enums.map((e) => [e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name]))]),
  );
  const relationMaps = relationMapNames(schemaText);

  for (const e of datamodel.enums) {
    catalogue.set(enumKey(e.dbName ?? e.name), { props: { values: e.values.map((v) => v.dbName ?? v.name).join(', ') } });
  }

  const addIndex = (table: string, name: string, kind: string, columns: string[], method = 'btree') => {
    catalogue.set(indexKey(name), { parent: tableKey(table), props: { kind, table, columns: columns.join(', '), method } });
  };
  const addForeignKey = (
    table: string,
    name: string,
    columns: string[],
    refTable: string,
    refColumns: string[],
    onDelete: string,
    onUpdate: string,
  ) => {
    catalogue.set(foreignKeyKey(table, name), {
      parent: tableKey(table),
      props: { columns: columns.join(', '), references: `${refTable} (${refColumns.join(', ')})`, onDelete, onUpdate },
    });
  };

  for (const model of datamodel.models) {
    const table = tableOf(model);
    catalogue.set(tableKey(table), { props: {} });
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const column = pgName(field.dbName ?? field.name);
      const base = columnType(field, enumDbNames);
      const type = field.isList ? `${base}[]` : base;
      const props: Record<string, string> = {
        type,
        // Prisma leaves scalar lists nullable in the database, whatever the field says.
        nullable: field.isRequired && !field.isList ? 'NOT NULL' : 'NULL',
      };
      const def = columnDefault(field, table, column, type, enumValueDbNames);
      if (def !== undefined) props.default = def ?? '(none)';
      catalogue.set(columnKey(table, column), { parent: tableKey(table), props });
    }
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const target = models.get(field.type)!;
      const columns = field.relationFromFields.map((f) => columnOf(model, f));
      const anyRequired = field.relationFromFields.some((f) => fieldOf(model, f).isRequired);
      addForeignKey(
        table,
        relationMaps.get(`${model.name}.${field.name}`) ?? prismaConstraintName(table, columns, 'fkey'),
        columns,
        tableOf(target),
        (field.relationToFields ?? []).map((f) => columnOf(target, f)),
        ACTIONS[field.relationOnDelete ?? (anyRequired ? 'Restrict' : 'SetNull')],
        ACTIONS[field.relationOnUpdate ?? 'Cascade'],
      );
    }
  }

  for (const index of datamodel.indexes) {
    if (index.type === 'fulltext') continue; // MySQL only
    const model = models.get(index.model)!;
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const suffix = ({ id: 'pkey', unique: 'key', normal: 'idx' } as const)[index.type];
    const described = index.fields.map((f, i) => {
      const opclass = f.operatorClass ? ` ${f.operatorClass.replace('MinMax', 'Minmax').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}` : '';
      return `${columns[i]}${opclass}${f.sortOrder === 'desc' ? ' DESC' : ''}`;
    });
    addIndex(
      table,
      index.dbName ?? prismaConstraintName(table, columns, suffix),
      { id: 'primary key', unique: 'unique', normal: 'plain' }[index.type],
      described,
      index.algorithm?.toLowerCase() ?? 'btree',
    );
  }

  // Implicit many-to-many relations get a join table `_{relationName}` with columns A and B, A
  // pointing at the model whose name sorts first.
  const joinTables = new Set<string>();
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.isList || field.relationFromFields?.length || !field.relationName) continue;
      const other = models.get(field.type)!;
      const back = other.fields.find((f) => f.relationName === field.relationName && f !== field);
      if (!back?.isList || joinTables.has(field.relationName)) continue;
      joinTables.add(field.relationName);
      const [a, b] = [model, other].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) as [DmmfModel, DmmfModel];
      const table = `_${field.relationName}`;
      catalogue.set(tableKey(table), { props: {} });
      for (const [column, target] of [['A', a], ['B', b]] as const) {
        const id = target.fields.find((f) => f.isId);
        if (!id) throw new Error(`schema-catalogue: ${target.name} has no single @id for relation ${field.relationName}`);
        catalogue.set(columnKey(table, column), {
          parent: tableKey(table),
          props: { type: columnType(id, enumDbNames), nullable: 'NOT NULL', default: '(none)' },
        });
        addForeignKey(table, `${table}_${column}_fkey`, [column], tableOf(target), [id.dbName ?? id.name], 'CASCADE', 'CASCADE');
      }
      addIndex(table, `${table}_AB_pkey`, 'primary key', ['A', 'B']);
      addIndex(table, `${table}_B_index`, 'plain', ['B']);
    }
  }
  return catalogue;
}

// ---------------------------------------------------------------------------------------------------
// What the database has

/** Reads tables, columns, enums, indexes and foreign keys of the current schema. */
export async function readCatalogue(session: SqlSession): Promise<Catalogue> {
  const catalogue: Catalogue = new Map();
  // Literal timestamp defaults print in the session's time zone and date style: read them in UTC and
  // ISO (the session's settings are restored afterwards).
  const [before] = await session.query<{ tz: string; ds: string }>(
    `SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds`,
  );
  await session.query(`SELECT set_config('TimeZone', 'UTC', false), set_config('DateStyle', 'ISO, MDY', false)`);
  try {
    const enums = await session.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS values
      FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace
      JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = current_schema()
      GROUP BY t.typname`);
    for (const e of enums) catalogue.set(enumKey(e.name), { props: { values: e.values.join(', ') } });

    const tables = await session.query<{ name: string }>(`
      SELECT c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition`);
    const known = new Set<string>();
    for (const t of tables) {
      if (IGNORED_TABLES.has(t.name)) continue;
      known.add(t.name);
      catalogue.set(tableKey(t.name), { props: {} });
    }

    const columns = await session.query<{
      table: string;
      column: string;
      type: string;
      notnull: boolean;
      default: string | null;
      identity: string;
      generated: string;
    }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default,
             a.attidentity AS identity, a.attgenerated AS generated
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`);
    for (const c of columns) {
      if (!known.has(c.table)) continue;
      let def = c.default ?? '(none)';
      if (c.identity) def = `GENERATED ${c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
      if (c.generated === 's') def = `GENERATED ALWAYS AS (${c.default}) STORED`;
      catalogue.set(columnKey(c.table, c.column), {
        parent: tableKey(c.table),
        props: { type: c.type, nullable: c.notnull ? 'NOT NULL' : 'NULL', default: def },
      });
    }

    const indexes = await session.query<{
      name: string;
      table: string;
      primary: boolean;
      unique: boolean;
      method: string;
      predicate: string | null;
      columns: { def: string; desc: boolean; opclass: string; defaultOpclass: boolean }[];
    }>(`
      SELECT i.relname AS name, t.relname AS table, ix.indisprimary AS primary, ix.indisunique AS unique,
             am.amname AS method, pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
             (SELECT json_agg(json_build_object(
                        'def', pg_get_indexdef(ix.indexrelid, k.i, true),
                        'desc', (ix.indoption[k.i - 1] & 1) = 1,
                        'opclass', oc.opcname,
                        'defaultOpclass', oc.opcdefault) ORDER BY k.i)
                FROM generate_series(1, ix.indnkeyatts) AS k(i)
                JOIN pg_opclass oc ON oc.oid = ix.indclass[k.i - 1]) AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = current_schema()`);
    for (const ix of indexes) {
      if (!known.has(ix.table)) continue;
      const props: Record<string, string> = {
        kind: ix.primary ? 'primary key' : ix.unique ? 'unique' : 'plain',
        table: ix.table,
        columns: ix.columns
          .map((c) => `${c.def.replace(/^"(.*)"$/, '$1')}${c.defaultOpclass ? '' : ` ${c.opclass}`}${c.desc ? ' DESC' : ''}`)
          .join(', '),
        method: ix.method,
      };
      if (ix.predicate) props.where = ix.predicate; // Prisma creates no partial indexes
      catalogue.set(indexKey(ix.name), { parent: tableKey(ix.table), props });
    }

    const foreignKeys = await session.query<{
      name: string;
      table: string;
      columns: string[];
      refTable: string;
      refColumns: string[];
      onDelete: string;
      onUpdate: string;
    }>(`
      SELECT con.conname AS name, t.relname AS table, rt.relname AS "refTable",
             (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num) AS columns,
             (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num) AS "refColumns",
             con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_class rt ON rt.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()`);
    for (const fk of foreignKeys) {
      if (!known.has(fk.table)) continue;
      catalogue.set(foreignKeyKey(fk.table, fk.name), {
        parent: tableKey(fk.table),
        props: {
          columns: fk.columns.join(', '),
          references: `${fk.refTable} (${fk.refColumns.join(', ')})`,
          onDelete: PG_ACTIONS[fk.onDelete] ?? fk.onDelete,
          onUpdate: PG_ACTIONS[fk.onUpdate] ?? fk.onUpdate,
        },
      });
    }
  } finally {
    await session.query(`SELECT set_config('TimeZone', $1, false), set_config('DateStyle', $2, false)`, [
      before!.tz,
      before!.ds,
    ]);
  }
  return catalogue;
}

// ---------------------------------------------------------------------------------------------------
// The comparison

/**
 * Makes two spellings of the same thing equal: numeric literals, double quotes around identifiers
 * (outside string literals) and the key order and spacing of `jsonb` literals, which PostgreSQL
 * normalises.
 */
function normalise(value: string) {
  // Numbers: Prisma writes them as in the schema (`1.0`, `-2`); PostgreSQL prints `1.0`, `'-2'::integer`.
  const number = /^'?(-?\d+(?:\.\d+)?)'?(?:::(?:integer|bigint|numeric))?$/.exec(value);
  if (number) return String(Number(number[1]));
  const jsonb = /^'((?:[^']|'')*)'::jsonb$/.exec(value);
  if (jsonb) {
    try {
      const sorted = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(sorted)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)]))
            : v;
      return `'${JSON.stringify(sorted(JSON.parse(jsonb[1]!.replaceAll("''", "'"))))}'::jsonb`;
    } catch {
      // not JSON: compare as text
    }
  }
  let out = '';
  let inString = false;
  for (const ch of value) {
    if (ch === "'") inString = !inString;
    if (ch === '"' && !inString) continue;
    out += ch;
  }
  return out;
}

const summary = (props: Record<string, string>) =>
  Object.entries(props)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

const LIST_PROPS = new Set(['values', 'columns']);

/** For comma-separated lists (enum values, index columns): which items are missing or extra. */
function listDetail(want: string | undefined, have: string | undefined) {
  if (!want || !have) return '';
  const w = want.split(', ');
  const h = have.split(', ');
  const missing = w.filter((x) => !h.includes(x));
  const extra = h.filter((x) => !w.includes(x));
  const parts = [
    missing.length ? `not in the database: ${missing.join(', ')}` : '',
    extra.length ? `not in schema.prisma: ${extra.join(', ')}` : '',
  ].filter(Boolean);
  if (parts.length === 0 && w.length > 1 && w.length === h.length) parts.push('same items, different order');
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * Every difference between what schema.prisma implies and what the database has, one readable line
 * each, sorted. Empty when they agree.
 */
export function diffCatalogues(expected: Catalogue, actual: Catalogue): string[] {
  const lines: string[] = [];
  for (const [key, want] of expected) {
    const have = actual.get(key);
    if (!have) {
      if (!want.parent || actual.has(want.parent)) {
        lines.push(`${key}: schema.prisma has it (${summary(want.props) || 'with its columns'}), the database does not`);
      }
      continue;
    }
    for (const prop of new Set([...Object.keys(want.props), ...Object.keys(have.props)])) {
      const w = want.props[prop];
      const h = have.props[prop];
      if (w === undefined && prop === 'default') continue; // schema.prisma cannot tell (dbgenerated())
      if (w !== undefined && h !== undefined && normalise(w) === normalise(h)) continue;
      lines.push(`${key}: ${prop} differ${prop.endsWith('s') ? '' : 's'} — the database has ${h ?? '(none)'}, schema.prisma implies ${w ?? '(none)'}${LIST_PROPS.has(prop) ? listDetail(w, h) : ''}`);
    }
  }
  for (const [key, have] of actual) {
    if (expected.has(key)) continue;
    if (!have.parent || expected.has(have.parent)) {
      lines.push(`${key}: the database has it (${summary(have.props) || 'with its columns'}), schema.prisma does not`);
    }
  }
  return lines.sort();
}
