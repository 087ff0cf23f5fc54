/** Own-property access for data from servers and pages: a key named __proto__ or toString is just a key. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(value: unknown, key: string): boolean {
  return isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, key);
}

/** The own property `key`, or undefined: never something inherited from Object.prototype. */
export function getOwn(value: unknown, key: string): unknown {
  return hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Sets an own, enumerable property: assigning `obj.__proto__ = v` would change the prototype instead. */
export function setOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}
