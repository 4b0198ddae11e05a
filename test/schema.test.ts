import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLUGINS, loadPlugins } from '../src/plugins/registry.ts';
import { buildSchema as buildAppSchema, printSchemaOf } from '../src/schema.ts';

const schema = await buildAppSchema(await loadPlugins(DEFAULT_PLUGINS));
const printedSchema = () => printSchemaOf(schema);

// The contract the foundation issue fixed (payloads and `me` made non-null in 0.2.0); the schema may add to it but not change it.
const CONTRACT = /* GraphQL */ `
  scalar DateTime
  enum ActivityKind { INFORMATION_SESSION HOMEWORK_HELP BREAK_CONVERSATION INDIVIDUAL_GUIDANCE CONSULTATION }
  enum LifeDomain { SCHOOL HOME NEIGHBOURHOOD ONLINE }
  enum SignalStatus { NEW ACKNOWLEDGED IN_PROGRESS REFERRED CLOSED }
  enum PartnershipForm { WITH_SCHOOL IN_SCHOOL }
  enum Role { ADMIN POLICY_ADVISOR YOUTH_WORKER SCHOOL_CONTACT MENTOR STUDENT_COUNSELLOR ANALYST }
  interface Node { id: ID! }
  interface Activity implements Node { id: ID! kind: ActivityKind! partnership: Partnership! startsAt: DateTime! durationMinutes: Int! participantCount: Int facilitators: [Person!]! }
  type Person implements Node { id: ID! }
  type Partnership implements Node { id: ID! }
  type Signal implements Node { id: ID! }
  input PartnershipFilter { x: Int } input SignalFilter { x: Int } input ActivityFilter { x: Int }
  input LogActivityInput { partnershipId: ID! kind: ActivityKind! startsAt: DateTime! durationMinutes: Int! participantCount: Int }
  input ReportSignalInput { x: Int } input ChangeSignalStatusInput { x: Int }
  type PartnershipConnection { totalCount: Int! } type SignalConnection { totalCount: Int! } type ActivityConnection { totalCount: Int! }
  type LogActivityPayload { activity: Activity! }
  type ReportSignalPayload { signal: Signal! }
  type ChangeSignalStatusPayload { x: Int }
  type Query {
    node(id: ID!): Node
    me: Person!
    partnerships(first: Int, after: String, filter: PartnershipFilter): PartnershipConnection!
    signals(first: Int, after: String, filter: SignalFilter): SignalConnection!
    activities(first: Int, after: String, filter: ActivityFilter): ActivityConnection!
  }
  type Mutation {
    logActivity(input: LogActivityInput!): LogActivityPayload!
    reportSignal(input: ReportSignalInput!): ReportSignalPayload!
    changeSignalStatus(input: ChangeSignalStatusInput!): ChangeSignalStatusPayload!
  }
  type Subscription {
    activityLogged(partnershipId: ID): Activity!
    signalReported(partnershipId: ID): Signal!
    signalChanged(partnershipId: ID): Signal!
  }
`;

const PLACEHOLDER_FIELD = 'x';

describe('schema', () => {
  it('schema.graphql is the schema printed from code (run `npm run schema:print` when this fails)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printedSchema());
  });

  const contract = buildSchema(CONTRACT);
  const contractTypes = Object.values(contract.getTypeMap()).filter((t) => !t.name.startsWith('__'));

  it.each(contractTypes.map((t) => [t.name, t] as const))('keeps the contract of %s', (_name, expected: GraphQLNamedType) => {
    const actual = schema.getType(expected.name);
    expect(actual, `type ${expected.name}`).toBeDefined();
    expect(actual!.constructor.name).toBe(expected.constructor.name);
    if (isEnumType(expected) && isEnumType(actual)) {
      expect(actual.getValues().map((v) => v.name)).toEqual(expect.arrayContaining(expected.getValues().map((v) => v.name)));
    }
    if ((isObjectType(expected) || isInterfaceType(expected)) && (isObjectType(actual) || isInterfaceType(actual))) {
      expect(actual.getInterfaces().map((i) => i.name)).toEqual(expect.arrayContaining(expected.getInterfaces().map((i) => i.name)));
      const fields = actual.getFields() as Record<string, GraphQLField<unknown, unknown>>;
      for (const field of Object.values(expected.getFields())) {
        if (field.name === PLACEHOLDER_FIELD) continue;
        const got = fields[field.name];
        expect(got, `${expected.name}.${field.name}`).toBeDefined();
        expect(String(got!.type), `${expected.name}.${field.name}`).toBe(String(field.type));
        for (const arg of field.args) {
          const gotArg = got!.args.find((a) => a.name === arg.name);
          expect(String(gotArg?.type), `${expected.name}.${field.name}(${arg.name})`).toBe(String(arg.type));
        }
      }
    }
    if ('getFields' in expected && !isObjectType(expected) && !isInterfaceType(expected) && !isEnumType(expected)) {
      const fields = (actual as typeof expected).getFields();
      for (const field of Object.values(expected.getFields())) {
        if (field.name === PLACEHOLDER_FIELD) continue;
        expect(String(fields[field.name]?.type), `${expected.name}.${field.name}`).toBe(String(field.type));
      }
    }
  });

  it('has a concrete type implementing Activity for every ActivityKind', () => {
    const kinds = schema.getType('ActivityKind');
    const implementations = schema.getPossibleTypes(schema.getType('Activity') as never);
    expect(isEnumType(kinds)).toBe(true);
    expect(implementations).toHaveLength((kinds as never as { getValues(): unknown[] }).getValues().length);
  });
});
