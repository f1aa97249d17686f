import { eventUpcasters } from '@xinfang/domain';
import { upcastingStore, type EventStore, type UpcastingStore } from '@xinfang/event-store';

/*
 * The log as the app reads it: every process and thread that opens the store to interpret its events (the
 * server, its query workers, a rebuild, replay and export) opens it through here, so old event versions are
 * read as current ones in this one place, with the domain's upcasters. Copying and verifying the log read
 * the stored events (`raw`, `readChain`).
 */
export const asOpened = (store: EventStore): UpcastingStore => upcastingStore(store, eventUpcasters);
