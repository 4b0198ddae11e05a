import type { SignalStatus } from '../../generated/prisma/enums.ts';

/** The allowed status transitions. A signal can be closed from any open status; CLOSED is final. */
export const TRANSITIONS: Readonly<Record<SignalStatus, readonly SignalStatus[]>> = {
  NEW: ['ACKNOWLEDGED', 'CLOSED'],
  ACKNOWLEDGED: ['IN_PROGRESS', 'CLOSED'],
  IN_PROGRESS: ['REFERRED', 'CLOSED'],
  REFERRED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: [],
};

/** The column that records when a signal first reached each status. */
export const REACHED_AT = {
  ACKNOWLEDGED: 'acknowledgedAt',
  IN_PROGRESS: 'inProgressAt',
  REFERRED: 'referredAt',
  CLOSED: 'closedAt',
} as const satisfies Partial<Record<SignalStatus, string>>;

export const canTransition = (from: SignalStatus, to: SignalStatus) => TRANSITIONS[from].includes(to);
