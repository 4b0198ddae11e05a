import type { Role, RoleScope } from '../generated/prisma/enums.ts';

export interface Assignment {
  role: Role;
  scope: RoleScope;
  cityId: string | null;
  partnershipId: string | null;
}

/** Who is asking, with the roles they hold. Built once per request (or per WebSocket connection). */
export class Viewer {
  readonly assignments: readonly Assignment[];
  private readonly answers = new Map<string, string[]>();

  constructor(
    readonly personId: string | null,
    assignments: readonly Assignment[],
    /** Why a validly signed token named no one who may sign in (the UNAUTHENTICATED message). */
    readonly signInProblem?: string,
  ) {
    // Shared between requests (the viewer cache) and seen by plugin code: nobody may change it.
    this.assignments = Object.freeze(assignments.map((a) => Object.freeze({ ...a })));
    Object.freeze(this);
  }

  static anonymous(signInProblem?: string) {
    return new Viewer(null, [], signInProblem);
  }

  get authenticated() {
    return this.personId !== null;
  }

  get isAdmin() {
    return this.assignments.some((a) => a.role === 'ADMIN' && a.scope === 'GLOBAL');
  }

  hasRole(role: Role) {
    return this.assignments.some((a) => a.role === role);
  }

  /** Partnerships in which the viewer holds one of `roles` (partnership scope). */
  partnershipIds(roles: readonly Role[]): string[] {
    return this.remember(`p:${roles.join()}`, () =>
      unique(this.assignments.filter((a) => a.scope === 'PARTNERSHIP' && a.partnershipId && roles.includes(a.role)).map((a) => a.partnershipId!)),
    );
  }

  /** Cities in which the viewer holds one of `roles` (city scope). */
  cityIds(roles: readonly Role[]): string[] {
    return this.remember(`c:${roles.join()}`, () =>
      unique(this.assignments.filter((a) => a.scope === 'CITY' && a.cityId && roles.includes(a.role)).map((a) => a.cityId!)),
    );
  }

  /** The viewer is shared (cached, and checked per live event by every subscription): its answers are worked out once. */
  private remember(key: string, work: () => string[]): string[] {
    let ids = this.answers.get(key);
    if (!ids) this.answers.set(key, (ids = Object.freeze(work()) as string[]));
    return ids;
  }

  hasGlobal(role: Role) {
    return this.assignments.some((a) => a.role === role && a.scope === 'GLOBAL');
  }
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
