import { defineMessages } from '../../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** Starting a plan from a template or a pasted table: templates' names, row problems, warnings. */
export const t = defineMessages('plan-import', { nb, nn, en });
