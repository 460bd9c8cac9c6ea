/** Helpers for options objects merged over their defaults. */

/**
 * The object without its undefined properties: `{ ...defaults, ...stripUndefined(options) }` keeps a default that
 * the caller passed as `{ port: undefined }` (exactOptionalPropertyTypes does not stop plain JS callers).
 */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
