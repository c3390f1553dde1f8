/**
 * What every capability's contract (src/<capability>/contract.ts) shares, for the tab: the
 * `Json<T>` mapping from a server type to what arrives over the wire, and the vocabulary of the
 * plan. Types only.
 */
export type { Json } from './json.js';
export type { BodyCode, PlanItemFormat, PlanItemKind, Role, Sector } from './types.js';
