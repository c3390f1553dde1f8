import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** Texts every capability shares: refusal headings, the internal-error line, validation. */
export const t = defineMessages('shared', { nb, nn, en });
