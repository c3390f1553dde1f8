import { createRequire } from 'node:module';

// The package's ESM build uses extensionless imports Node cannot resolve; its UMD build loads fine.
const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Parses a card with the official Adaptive Cards SDK and returns every problem it reports. */
export function adaptiveCardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card as never, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const validation = parsed.validateProperties();
  for (const event of validation.validationEvents) problems.push(event.message);
  return problems;
}
