import type { RecordedEvent } from './envelope';

/** Turns the `data` of one schema version into the `data` of the next. */
export type Upcaster = (data: unknown) => unknown;

/**
 * `{ [eventType]: { [fromSchemaVersion]: upcaster } }`: `{ CaseRegistered: { 1: v1ToV2, 2: v2ToV3 } }`
 * reads versions 1 and 2 as version 3. A type's current version is one above its highest upcaster
 * (1 when it has none); new events are written at that version.
 */
export type UpcasterRegistry = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/** The version at which events of `type` are written now. */
export const currentSchemaVersion = (registry: UpcasterRegistry, type: string): number => {
  const versions = Object.keys(registry[type] ?? {}).map(Number);
  return versions.length === 0 ? 1 : Math.max(...versions) + 1;
};

/**
 * Reads an old event as the current version: a copy with upcast `data` and the current `schemaVersion`.
 * The stored event is not touched — its hash is over what was stored — so verify the chain on raw events
 * and upcast only where the events are interpreted (folding, projections). Events already current are
 * returned as they are. Throws when the registry has a hole in a chain (a deployment bug, not bad data).
 */
export const upcast =
  (registry: UpcasterRegistry) =>
  <E extends RecordedEvent>(event: E): E => {
    const chain = registry[event.type];
    if (chain === undefined) return event;
    let version = event.meta.schemaVersion;
    let data = event.data;
    for (let step = chain[version]; step !== undefined; step = chain[version]) {
      data = step(data);
      version += 1;
    }
    const current = currentSchemaVersion(registry, event.type);
    if (version < current) {
      throw new Error(`upcast: no upcaster for ${event.type} from version ${version} (current is ${current})`);
    }
    if (version === event.meta.schemaVersion) return event;
    return { ...event, data, meta: { ...event.meta, schemaVersion: version } };
  };
