import type { CaseEvent } from '../case-events';
import { evolveCase, initialCaseState, type ExistingCase } from '../case-state';

/** A case's state from its events, for tests of what is read off a case; refuses events that make none. */
export const caseOf = (events: readonly CaseEvent[]): ExistingCase => {
  const state = events.reduce(evolveCase, initialCaseState);
  if (state.status === 'none') throw new Error('no case');
  return state;
};

type Registered = Extract<CaseEvent, { type: 'CaseRegistered' }>;

/** Case c1 of community dongfeng, registered 2024-09-18 09:30 by p1: what a test changes, it gives. */
export const caseRegistered = (data: Partial<Registered['data']> = {}): Registered => ({
  type: 'CaseRegistered',
  data: {
    caseId: 'c1',
    origin: 'visit',
    communityId: 'dongfeng',
    category: 'wageArrears',
    summary: '工地欠薪',
    peopleCount: 3,
    riskFlags: [],
    patterns: [],
    firstPetition: true,
    petitioners: [{ personId: 'p1' }],
    registeredAt: '2024-09-18T09:30:00+08:00',
    ...data,
  },
});
