import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** The personal view's server texts: its refusals and input errors. */
export const t = defineMessages('personal', { nb, nn, en });
