import type { CardElement } from './card.js';

/**
 * An Action.Execute button with an Action.Submit fallback carrying the same data and verb, so
 * clients without Universal Actions post it as a message that reaches the same handler.
 */
export function executeButton(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): CardElement {
  const payload = { ...data, verb };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: payload,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: payload, ...extra },
  };
}

export const heading = (value: string, size: 'Medium' | 'Large' = 'Medium'): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  size,
  weight: 'Bolder',
  style: 'heading',
});

/** Cards have a size limit (about 28 KB in Teams): long texts are cut, with a pointer to the tab. */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max).trimEnd()} … (les hele i fanen)`;
}
