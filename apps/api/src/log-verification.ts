import { verifyChain, verifyChainLinks, type ChainKeying, type ChainVerification, type EventStore, type LogHead } from '@xinfang/event-store';

/**
 * The whole log checked as the office checks it (`xinfang verify`, `GET /audit/verify`): with the chain key
 * and first keyed position recorded in the app database, against the log's own marker, and, when given,
 * against a head noted down earlier. Without `keying` (no app database), a keyed log breaks at its marker.
 */
export const verifyLog = async (store: EventStore, keying: ChainKeying | undefined, anchor?: LogHead): Promise<ChainVerification> => {
  const marker = await store.chainMarker();
  const options = {
    ...(keying === undefined ? {} : { keying }),
    ...(marker === undefined ? {} : { marker }),
    ...(anchor === undefined ? {} : { anchor }),
  };
  // Straight from the store's rows where it can: the same checks, without building every envelope.
  return store.readChain === undefined ? verifyChain(store.readAll(), options) : verifyChainLinks(store.readChain(), options);
};
