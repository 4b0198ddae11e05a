// `hiddenFields` beside `access`, for typed clients (which drop a response's `extensions`).
import type { GraphQLResolveInfo } from 'graphql';
import { hiddenFieldsOf } from '../auth/need-to-know.ts';
import { builder } from '../builder.ts';
import { ActivityRef } from './activity/object.ts';

const description =
  'The fields of this record hidden from you by need to know: they read as null (also listed in the ' +
  "response's `extensions.hiddenFields`). For typed clients, which drop extensions.";

// The rules of the record's own type and of its interfaces (an activity's notes, a guidance's youth).
const resolve = (parent: unknown, _args: unknown, ctx: unknown, info: GraphQLResolveInfo) =>
  hiddenFieldsOf([info.parentType.name, ...info.parentType.getInterfaces().map((i) => i.name)], parent, ctx);

for (const model of ['Signal', 'Person', 'Partnership'] as const) {
  builder.prismaObjectField(model, 'hiddenFields', (t) => t.stringList({ description, resolve }));
}
builder.prismaInterfaceField(ActivityRef, 'hiddenFields', (t) => t.stringList({ description, resolve }));
