// The data register (src/privacy/data-register.ts) against the current prisma/schema.prisma and
// against docs/data-register.md; and the rule that a youth reference never holds an identity.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pluginFieldEntries } from '../src/plugins/register-entries.ts';
import { DEFAULT_PLUGINS, loadPlugins } from '../src/plugins/registry.ts';
import { AUDIENCES, DATA_REGISTER, DATA_REGISTER_FILE, renderDataRegister, ROLES } from '../src/privacy/data-register.ts';
import { type Datamodel, type DmmfField, getDatamodel } from './support/prisma-datamodel.ts';

const SCHEMA_FILE = new URL('../prisma/schema.prisma', import.meta.url);
// Read at test time, not from the generated client: an edited schema counts before `generate`.
const schema = readFileSync(SCHEMA_FILE, 'utf8');
const datamodel = getDatamodel(schema);

/** Model.field for every scalar (incl. enum) field of every model: what the register must classify. */
const scalarFields = (dm: Datamodel) =>
  dm.models.flatMap((m) => m.fields.filter((f) => f.kind !== 'object').map((f) => `${m.name}.${f.name}`));

const registered = Object.entries(DATA_REGISTER).flatMap(([model, entry]) =>
  Object.keys(entry.fields).map((field) => `${model}.${field}`),
);

/**
 * What a youth reference must never hold, matched against a field's name (camelCase split into
 * words), type and `///` documentation. Substrings, so Dutch compounds (voornaam, woonadres,
 * telefoonnummer) match too; the short abbreviations only as whole words.
 */
const IDENTITY_PATTERNS: { pattern: RegExp; means: string }[] = [
  { pattern: /name|naam/i, means: 'a name' },
  { pattern: /birth|geboren|geboorte|\bdob\b/i, means: 'a birth date' },
  { pattern: /\bbsn\b|burgerservice|citizen|\bssn\b/i, means: 'a citizen number' },
  { pattern: /address|adres/i, means: 'an address' },
  { pattern: /phone|telefoon/i, means: 'a phone number' },
  { pattern: /e-?mail/i, means: 'an email address' },
];

const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');

/** Why a field looks like an identity ("`firstName`: name looks like a name"), or undefined. */
function identityHint(field: DmmfField & { documentation?: string }): string | undefined {
  const texts: [string, string][] = [
    ['name', words(field.name)],
    ['type', field.kind === 'scalar' ? '' : words(field.type)],
    ['documentation', field.documentation ?? ''],
  ];
  for (const [where, text] of texts) {
    const hit = IDENTITY_PATTERNS.find(({ pattern }) => pattern.test(text));
    if (hit) return `\`${field.name}\`: its ${where} looks like ${hit.means} (${JSON.stringify(text)} matches ${hit.pattern})`;
  }
  return undefined;
}

const youthIdentityHints = (dm: Datamodel) => {
  const youth = dm.models.find((m) => m.name === 'Youth');
  if (!youth) throw new Error('prisma/schema.prisma has no model Youth');
  return youth.fields.flatMap((f) => identityHint(f) ?? []);
};

describe('data register', () => {
  it(`${DATA_REGISTER_FILE} is the rendering of src/privacy/data-register.ts`, async () => {
    const committed = readFileSync(new URL(`../${DATA_REGISTER_FILE}`, import.meta.url), 'utf8');
    expect(committed, `${DATA_REGISTER_FILE} is stale: run \`npm run data-register\``).toBe(renderDataRegister(DATA_REGISTER, pluginFieldEntries(await loadPlugins(DEFAULT_PLUGINS))));
  });

  it('classifies every scalar field of every model in prisma/schema.prisma, and nothing else', () => {
    const inSchema = scalarFields(datamodel);
    const unclassified = inSchema.filter((f) => !registered.includes(f));
    const stale = registered.filter((f) => !inSchema.includes(f));
    expect(unclassified, 'fields in prisma/schema.prisma not classified in src/privacy/data-register.ts (personal or not?)').toEqual([]);
    expect(stale, 'fields classified in src/privacy/data-register.ts that prisma/schema.prisma does not have').toEqual([]);
  });

  it('names only roles of the schema, and lists every role', () => {
    const roles = datamodel.enums.find((e) => e.name === 'Role')!.values.map((v) => v.name);
    expect([...ROLES].sort()).toEqual([...roles].sort());
    for (const audience of Object.values(AUDIENCES)) {
      expect(roles, `audience "${audience.title}"`).toEqual(expect.arrayContaining(Object.keys(audience.roles)));
    }
  });

  it('a youth reference has no field that looks like a name, birth date, citizen number or contact detail', () => {
    expect(youthIdentityHints(datamodel), 'Youth must stay pseudonymous: remove these fields').toEqual([]);
  });

  // Guards against the check above passing vacuously.
  it('the youth check flags identity fields by name, type or documentation, and allows ids and codes', () => {
    const withYouthField = (line: string) => {
      const edited = schema.replace(/(model Youth \{\n)/, `$1  ${line}\n`);
      expect(edited).not.toBe(schema);
      return youthIdentityHints(getDatamodel(edited));
    };
    expect(withYouthField('firstName String?')).toEqual([expect.stringContaining('`firstName`: its name looks like a name')]);
    expect(withYouthField('achternaam String?')).toHaveLength(1);
    expect(withYouthField('dateOfBirth DateTime?')).toEqual([expect.stringContaining('a birth date')]);
    expect(withYouthField('dob DateTime?')).toHaveLength(1);
    expect(withYouthField('bsn String?')).toEqual([expect.stringContaining('a citizen number')]);
    expect(withYouthField('homeAddress String?')).toHaveLength(1);
    expect(withYouthField('/// Telefoonnummer van een ouder.\n  contact String?')).toEqual([
      expect.stringContaining('its documentation looks like a phone number'),
    ]);
    expect(withYouthField('email String?')).toHaveLength(1);

    const allowed = ['id', 'schoolId', 'registeredById', 'code', 'yearGroup', 'ageBand', 'createdAt', 'updatedAt', 'version'];
    for (const name of allowed) {
      expect(identityHint({ name, kind: 'scalar', type: 'String', isList: false, isRequired: true, isId: false }), name).toBeUndefined();
    }
  });
});
