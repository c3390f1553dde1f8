import { defineMessages } from './i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** The platform's own texts: the HTTP server's refusals, the bot adapter's error answer. */
export const t = defineMessages('platform', { nb, nn, en });
