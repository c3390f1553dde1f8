import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** The activity plan: its card, the «plan» command and the plan API's refusals. */
export const t = defineMessages('plan', { nb, nn, en });
