import type { Clock, EventStore, IdGenerator } from '@xinfang/event-store';
import type { ProjectionRunner, ReadModelStore, WorldSource, PersonalDataReader } from '@xinfang/projections';
import type { WorkingCalendar } from '@xinfang/domain';
import type { Logger } from 'pino';
import type { AppDatabase } from './app-database';
import type { Office } from './office';
import type { Queries } from './queries';

/** The capabilities the app is built from; tests pass their own clock and ids, so every run is deterministic. */
export interface Services {
  readonly store: EventStore;
  readonly database: AppDatabase;
  readonly readModels: ReadModelStore;
  readonly runner: ProjectionRunner;
  readonly worlds: WorldSource;
  /** The ledgers, KPIs, reports and files: in worker threads for a file store, else in this thread. */
  readonly queries: Queries;
  readonly office: Office;
  readonly personalData: PersonalDataReader;
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
}
