/** Adaptive Card JSON, built as plain data: no SDK types, so cards can be tested and reused anywhere. */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams?: Record<string, unknown>;
  fallbackText?: string;
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], fallbackText?: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
    ...(fallbackText ? { fallbackText } : {}),
  };
}

export const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/**
 * A button that runs a command as if the user typed it, so buttons and typing share one route
 * table. Plain submit data rather than an imBack: every client sends it, the Playground too.
 */
export const commandButton = (title: string, command: string): CardElement => ({
  type: 'Action.Submit',
  title,
  data: { command },
});
