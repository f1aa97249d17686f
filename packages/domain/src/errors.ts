/**
 * A refusal of the domain. It is a value, never a thrown exception: `decide` returns it in a `Left`,
 * and only the edge (HTTP, CLI) turns it into a status code. `code` is stable and may be relied on
 * by other tools; the messages are for people (Chinese first, English beside it).
 */
export interface DomainError {
  readonly code: string;
  readonly message: { readonly zh: string; readonly en: string };
  /** Extra facts for the caller (the current state, a limit that was passed, …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export const domainError = (
  code: string,
  zh: string,
  en: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError => (details === undefined ? { code, message: { zh, en } } : { code, message: { zh, en }, details });
