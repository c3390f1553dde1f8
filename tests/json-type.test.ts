/**
 * `Json<T>` (src/shared/json.ts) is what the tab believes the server sends: checked here against
 * what JSON.stringify really does. The type assertions fail `tsc`, the value ones fail vitest.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Json } from '../src/shared/json.js';
import type { PollView } from '../src/polls/contract.js';
import type { AuditResponse } from '../src/privacy/contract.js';

interface Sample {
  at: Date;
  maybe: Date | null;
  optional?: string;
  undefinable: number | undefined;
  fn: () => void;
  list: readonly { when: Date }[];
  pair: readonly [Date, string];
  sparse: (string | undefined)[];
  byKey: Record<'a' | 'b', Date>;
  anything: Record<string, unknown>;
  nested: { readonly deep: { at: Date } };
}

describe('Json<T>', () => {
  it('maps a server type to its JSON form', () => {
    expectTypeOf<Json<Sample>>().toEqualTypeOf<{
      at: string;
      maybe: string | null;
      optional?: string;
      undefinable?: number;
      list: { when: string }[];
      pair: [string, string];
      sparse: (string | null)[];
      byKey: { a: string; b: string };
      anything: { [x: string]: unknown };
      nested: { deep: { at: string } };
    }>();
    expectTypeOf<Json<Date>>().toEqualTypeOf<string>();
    expectTypeOf<Json<'a' | 1 | null>>().toEqualTypeOf<'a' | 1 | null>();
    expectTypeOf<Json<unknown>>().toEqualTypeOf<unknown>();
  });

  it('is what JSON.stringify writes', () => {
    const at = new Date('2026-12-01T09:00:00Z');
    const sample: Sample = {
      at,
      maybe: null,
      undefinable: undefined,
      fn: () => undefined,
      list: [{ when: at }],
      pair: [at, 'x'],
      sparse: ['a', undefined],
      byKey: { a: at, b: at },
      anything: { k: 1 },
      nested: { deep: { at } },
    };
    const iso = '2026-12-01T09:00:00.000Z';
    const expected: Json<Sample> = {
      at: iso,
      maybe: null,
      list: [{ when: iso }],
      pair: [iso, 'x'],
      sparse: ['a', null],
      byKey: { a: iso, b: iso },
      anything: { k: 1 },
      nested: { deep: { at: iso } },
    };
    expect(JSON.parse(JSON.stringify(sample))).toEqual(expected);
  });

  it('gives the tab ISO strings where the server holds Dates', () => {
    expectTypeOf<Json<AuditResponse>['entries'][number]['at']>().toEqualTypeOf<string>();
    expectTypeOf<Json<PollView>['opensAt']>().toEqualTypeOf<string>();
    expectTypeOf<Json<PollView>['closesAt']>().toEqualTypeOf<string | null>();
  });
});
