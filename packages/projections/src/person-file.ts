import {
  backlogAt,
  type BacklogReason,
  type Category,
  compareInstants,
  type Instant,
  isRegisteredBy,
  type LocalDate,
  personStream,
} from '@xinfang/domain';
import { byRegistration, caseStatusAt, compareText, deadlineAtT, petitionerRefsAt, type CaseLedgerStatus } from './ledger';
import { communityName, existingCases, leaderInfo } from './lookups';
import { petitionerView, type PersonalDataReader, type PetitionerView } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * 一人一档: a petitioner's file as of T — their personal data (as the reader can open it) and every case
 * and visit they are on.
 */

export interface PersonFileCase {
  readonly caseId: string;
  readonly community: string;
  readonly category: Category;
  readonly summary: string;
  readonly registeredAt: Instant;
  readonly status: CaseLedgerStatus;
  readonly deadline: LocalDate | null;
  readonly inBacklog: boolean;
  readonly backlogReasons: readonly BacklogReason[];
}

export interface PersonFileVisit {
  readonly visitId: string;
  readonly caseId: string;
  readonly receivedAt: Instant;
  readonly location: string;
  readonly leader: string;
  readonly leaderPosition: string;
  readonly visitorCount: number;
  readonly matter: string;
  readonly repeat: boolean;
}

export interface PersonFile {
  readonly asOf: Instant;
  readonly knownAt: Instant;
  readonly personId: string;
  /** `missing`: cases name the person, but the view holds no file for them. */
  readonly status: 'registered' | 'erased' | 'missing';
  readonly registeredAt: Instant | null;
  readonly erasedAt: Instant | null;
  /** The personal data as the reader opens it; `[已删除]` alone once forgotten. */
  readonly petitioner: PetitionerView;
  /** Every case the person is a petitioner on (by registration or a later visit), oldest first. */
  readonly cases: readonly PersonFileCase[];
  /** Every visit they came on, oldest first. */
  readonly visits: readonly PersonFileVisit[];
}

/** The person's file as of the view, or undefined when the view holds neither a file nor a case naming them. */
export const personFile = (
  world: World,
  view: TimeView,
  personId: string,
  personal: PersonalDataReader,
): PersonFile | undefined => {
  const T = view.asOf;
  const person = world.person.get(personStream(personId));
  const onCases = existingCases(world)
    .filter((s) => isRegisteredBy(s, T) && petitionerRefsAt(s, T).some((p) => p.personId === personId))
    .sort(byRegistration);
  if ((person === undefined || person.status === 'none') && onCases.length === 0) return undefined;
  const cases = onCases.map((s): PersonFileCase => {
    const backlog = backlogAt(s, T);
    return {
      caseId: s.caseId,
      community: communityName(world, s.registration.communityId),
      category: s.registration.category,
      summary: s.registration.summary,
      registeredAt: s.registration.registeredAt,
      status: caseStatusAt(s, T),
      deadline: deadlineAtT(s, T),
      inBacklog: backlog.inBacklog,
      backlogReasons: backlog.reasons,
    };
  });
  const visits = onCases
    .flatMap((s) =>
      s.visits
        .filter((v) => compareInstants(v.receivedAt, T) <= 0 && v.petitioners.some((p) => p.personId === personId))
        .map((v): PersonFileVisit => {
          const leader = leaderInfo(world, v.leaderId);
          return {
            visitId: v.visitId,
            caseId: s.caseId,
            receivedAt: v.receivedAt,
            location: v.location,
            leader: leader.name,
            leaderPosition: leader.position,
            visitorCount: v.visitorCount,
            matter: v.matter,
            repeat: v.repeat,
          };
        }),
    )
    .sort((a, b) => compareInstants(a.receivedAt, b.receivedAt) || compareText(a.visitId, b.visitId));
  const known = person !== undefined && person.status !== 'none' ? person : undefined;
  return {
    asOf: view.asOf,
    knownAt: view.knownAt,
    personId,
    status: known?.status ?? 'missing',
    registeredAt: known?.registeredAt ?? null,
    erasedAt: known?.status === 'erased' ? known.erasedAt : null,
    petitioner: petitionerView(world, personId, personal),
    cases,
    visits,
  };
};
