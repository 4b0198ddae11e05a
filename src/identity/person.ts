import type { Assignment } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isUuid } from '../validation.ts';

/**
 * What a verified token says about who signed in: a person's ID (the server's own tokens), an
 * e-mail address (an OIDC claim, lower-cased), or the OIDC subject (`OIDC_PERSON_CLAIM=sub`).
 */
export type PersonKey = { id: string } | { email: string } | { claim: 'sub'; value: string };

/** The person a token belongs to with their roles, or why there is none (the UNAUTHENTICATED message). */
export type SignInResult = { id: string; assignments: Assignment[] } | { problem: string | undefined };

/**
 * The active person a token names, with their role assignments, in one statement. E-mail addresses
 * match case-insensitively; a deactivated person (`deactivatedAt` set) cannot sign in.
 */
export async function personIdFor(prisma: PrismaClient, key: PersonKey): Promise<SignInResult> {
  // A validly signed subject that is no person ID is no person (and no database error).
  if ('id' in key && !isUuid(key.id)) return { problem: undefined };
  const where =
    'id' in key ? { id: key.id }
    // Prisma compares `insensitive` with ILIKE: escaped, `%` and `_` are letters, not wildcards.
    : 'email' in key ? { email: { equals: key.email.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const } }
    : { oidcSubject: key.value };
  const found = await prisma.person.findMany({
    where,
    take: 2,
    select: { id: true, deactivatedAt: true, roleAssignments: { select: { role: true, scope: true, cityId: true, partnershipId: true } } },
  });
  // Person.email is unique as written; two that differ only in case cannot both be this one.
  if (found.length > 1) return { problem: `Signed in as ${'email' in key ? key.email : ''}, but two people have that e-mail address in different case: an administrator must correct one.` };
  const person = found[0];
  if (person && !person.deactivatedAt) return { id: person.id, assignments: person.roleAssignments };
  const who = 'id' in key ? null : 'email' in key ? `Signed in as ${key.email}` : `Signed in with OIDC subject "${key.value}"`;
  if (!who) return { problem: person ? 'The person this token belongs to is deactivated.' : undefined };
  const what = 'email' in key ? 'that e-mail address (Person.email)' : 'that subject (Person.oidcSubject)';
  return { problem: person ? `${who}, but that person is deactivated: no active person has ${what}.` : `${who}, but no active person has ${what}.` };
}
