import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** What the app says in a samling's Teams meeting chat. */
export const t = defineMessages('meetings', { nb, nn, en });
