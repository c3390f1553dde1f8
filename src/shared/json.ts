/**
 * `Json<T>`: what a server value of type T looks like after `JSON.stringify` and `JSON.parse`,
 * as the tab receives it. Type-only: no runtime code lives here.
 *
 * - a Date (or anything with `toJSON()`) becomes what `toJSON` returns: an ISO string for a Date;
 * - functions, symbols and `undefined` properties are dropped, so a property that may be
 *   undefined (or is optional) becomes optional; in an array they become null;
 * - arrays, tuples and objects are mapped element by element, and `readonly` goes (parsed JSON
 *   is a fresh, mutable value).
 */
export type Json<T> = unknown extends T ? unknown : JsonValue<T>;

type Dropped = undefined | symbol | ((...args: never[]) => unknown);

type JsonValue<T> = T extends string | number | boolean | null
  ? T
  : T extends Dropped | bigint
    ? never
    : T extends { toJSON(...args: never[]): infer R }
      ? Json<R>
      : T extends readonly unknown[]
        ? { -readonly [K in keyof T]: JsonElement<T[K]> }
        : T extends object
          ? JsonObject<T>
          : never;

/** JSON.stringify writes null for what it cannot write inside an array. */
type JsonElement<V> = V extends Dropped ? null : Json<V>;

/** Keys JSON.stringify never writes: symbols, and properties that can only be dropped values. */
type KeptKey<T, K extends keyof T> = K extends symbol ? never : [Exclude<T[K], Dropped>] extends [never] ? never : K;

/** Keys that may be absent from the JSON: optional, or with a value that may be dropped. */
type MaybeAbsent<T, K extends keyof T> = string extends K
  ? never
  : number extends K
    ? never
    : {} extends Pick<T, K>
      ? K
      : Extract<T[K], Dropped> extends never
        ? never
        : K;

type JsonObject<T> = Simplify<
  { -readonly [K in keyof T as KeptKey<T, K> extends never ? never : MaybeAbsent<T, K> extends never ? K : never]: Json<Exclude<T[K], Dropped>> } & {
    -readonly [K in keyof T as KeptKey<T, K> extends never ? never : MaybeAbsent<T, K> extends never ? never : K]?: Json<Exclude<T[K], Dropped>>;
  }
>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
