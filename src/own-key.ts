/**
 * Lookups by a key the user wrote (a Region, a price key, a function, quota or state
 * name, a CloudFormation logical ID, a Terraform function): `record[key]` would find
 * what every object inherits from Object.prototype (`constructor`, `toString`,
 * `__proto__`, ...) and take it for the user's entry. These never do.
 */

/** `record[key]` when the record has `key` as its own property; undefined otherwise. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `record` has `key` as its own property (`key in record`, without the inherited ones). */
export function hasOwnKey(record: object | undefined | null, key: string): boolean {
  return record != null && Object.hasOwn(record, key);
}

/** `record[key] = value` as an own property, whatever the key: `__proto__` is a field name, never the prototype. */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
