import { z } from 'zod';

/** Work e-mail, stored lower-case (sign-in matches it case-insensitively). */
export const workEmail = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email({ message: 'must be an e-mail address' }));

/** The stored form of an e-mail address, or null when it is not one. */
export const workEmailOf = (value: string): string | null => {
  const parsed = workEmail.safeParse(value);
  return parsed.success ? parsed.data : null;
};
