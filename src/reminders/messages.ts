import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** Reminders: cards, commands, the delivery report, settings refusals, holiday notices. */
export const t = defineMessages('reminders', { nb, nn, en });
