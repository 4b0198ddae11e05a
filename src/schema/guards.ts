import { actsIn, partnershipWhere } from '../auth/policy.ts';
import type { Context } from '../context.ts';
import { badInput, forbidden, notFound } from '../errors.ts';
import type { Role } from '../generated/prisma/enums.ts';

/**
 * Loads a partnership the viewer must hold one of `roles` in. NOT_FOUND when they cannot see it,
 * FORBIDDEN when they can see it but hold none of the roles, BAD_USER_INPUT when it has ENDED.
 */
export async function requireRoleIn(ctx: Context, partnershipId: string, roles: readonly Role[], field: string) {
  const found = await ctx.prisma.partnership.findFirst({
    where: { id: partnershipId, AND: [partnershipWhere(ctx.viewer)] },
    // The city's name in the same statement (a join): the city plugins decide by it whether they
    // apply to what is being written, and would otherwise read it with a statement of their own.
    select: { id: true, schoolId: true, cityId: true, status: true, city: { select: { name: true } } },
  });
  if (!found) throw notFound('Partnership', field);
  const { city, ...partnership } = found;
  ctx.loaders.cityName.prime(`partnership:${partnership.id}`, city.name).prime(`city:${partnership.cityId}`, city.name);
  if (!actsIn(ctx.viewer, partnershipId, roles)) {
    throw forbidden(`You need one of the roles ${roles.join(', ')} in this partnership.`);
  }
  if (partnership.status === 'ENDED') {
    throw badInput([{ field, rule: 'activePartnership', message: 'the partnership has ended; nothing new can be recorded in it' }]);
  }
  return partnership;
}

/**
 * The record a mutation just wrote, for its payload (non-null: the writer may read what they wrote).
 * Gone already (deleted by someone else in the meantime) is NOT_FOUND, not a null payload.
 */
export async function written<T>(what: string, row: Promise<T | null>): Promise<T> {
  const found = await row;
  if (found === null) throw notFound(what);
  return found;
}
