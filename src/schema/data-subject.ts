import { z } from 'zod';
import { builder } from '../builder.ts';
import { eraseYouth, erasePerson } from '../data-subject/erase.ts';
import { forbidden, notFound } from '../errors.ts';
import { globalId, parseInput } from '../validation.ts';
import { written } from './guards.ts';

// Data-subject erasure (AVG art. 17), admins only. The report (art. 15) is a download:
// /exports/data-subject/youth/<id>.json and /exports/data-subject/person/<id>.json.

const EraseYouthInput = builder.inputType('EraseYouthInput', {
  description: 'The youth reference to erase.',
  fields: (t) => ({ youthId: t.id({ required: true, description: 'The Youth to erase.' }) }),
});

const EraseYouthPayload = builder.objectRef<{ youthId: string; changed: boolean }>('EraseYouthPayload').implement({
  description: 'The result of an erasure of a youth reference.',
  fields: (t) => ({
    changed: t.exposeBoolean('changed', { description: 'False when it had been erased already: this run changed nothing.' }),
    youth: t.prismaField({
      type: 'Youth',
      description: 'The youth reference as it is now: a new random code, its links kept for the figures.',
      resolve: (query, payload, _args, ctx) => written('Youth', ctx.prisma.youth.findUnique({ ...query, where: { id: payload.youthId } })),
    }),
  }),
});

builder.mutationField('eraseYouth', (t) =>
  t.field({
    type: EraseYouthPayload,
    description:
      'Erases a youth reference on request (admins only, one audit event): its code is replaced by a random one, and the texts of its signals, follow-ups and activities are cleared. Evaluation figures are unchanged. Idempotent: a second run changes nothing and says so (`changed: false`).',
    args: { input: t.arg({ type: EraseYouthInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw forbidden('Only admins answer data-subject requests.');
      const input = parseInput(z.object({ youthId: globalId('Youth') }), args.input);
      const result = await eraseYouth(ctx.prisma, ctx.viewer.personId, input.youthId);
      if (!result) throw notFound('Youth', 'input.youthId');
      return { youthId: input.youthId, changed: result.changed };
    },
  }),
);

const ErasePersonInput = builder.inputType('ErasePersonInput', {
  description: 'The staff member to erase.',
  fields: (t) => ({ personId: t.id({ required: true, description: 'The Person to erase.' }) }),
});

const ErasePersonPayload = builder.objectRef<{ personId: string; changed: boolean }>('ErasePersonPayload').implement({
  description: 'The result of an erasure of a staff member.',
  fields: (t) => ({
    changed: t.exposeBoolean('changed', { description: 'False when they had been erased already: this run changed nothing.' }),
    person: t.prismaField({
      type: 'Person',
      description: 'The person as they are now: a pseudonym, no roles, deactivated.',
      resolve: (query, payload, _args, ctx) => written('Person', ctx.prisma.person.findUnique({ ...query, where: { id: payload.personId } })),
    }),
  }),
});

builder.mutationField('erasePerson', (t) =>
  t.field({
    type: ErasePersonPayload,
    description:
      'Erases a staff member on request (admins only, one audit event): name and e-mail become a pseudonym ("Former staff member 3f2a"), every role is revoked and they are deactivated; what they recorded stays with the pseudonymous author. Idempotent: a second run changes nothing and says so (`changed: false`).',
    args: { input: t.arg({ type: ErasePersonInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw forbidden('Only admins answer data-subject requests.');
      const input = parseInput(z.object({ personId: globalId('Person') }), args.input);
      const result = await erasePerson(ctx.prisma, ctx.viewer.personId, input.personId);
      ctx.pubsub.publish('roleChanged', { id: input.personId, partnershipId: '' });
      if (!result) throw notFound('Person', 'input.personId');
      return { personId: input.personId, changed: result.changed };
    },
  }),
);
