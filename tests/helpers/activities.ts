import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../src/demo/demo.js';

export const BOT_ID = '28:samlingspunkt-bot';

export interface ActivityOptions {
  serviceUrl: string;
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  fromAadObjectId?: string;
  fromName?: string;
  teamId?: string;
  tenantId?: string;
}

function base(o: ActivityOptions) {
  const conversationType = o.conversationType ?? 'personal';
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    conversation: {
      id: o.conversationId ?? `a:${randomUUID()}`,
      conversationType,
      tenantId: o.tenantId ?? DEMO_TENANT_ID,
      isGroup: conversationType !== 'personal',
    },
    from: {
      id: `29:${o.fromAadObjectId ?? 'user'}`,
      name: o.fromName ?? 'Testbruker',
      aadObjectId: o.fromAadObjectId,
    },
    recipient: { id: BOT_ID, name: 'Samlingspunkt' },
    channelData: {
      tenant: { id: o.tenantId ?? DEMO_TENANT_ID },
      ...(o.teamId ? { team: { id: o.teamId }, channel: { id: `${o.teamId};channel` } } : {}),
    },
  };
}

export function message(text: string, o: ActivityOptions, mentionBot = false) {
  const activity = { ...base(o), type: 'message', text, textFormat: 'plain', locale: 'nb-NO' };
  if (!mentionBot) return activity;
  const mention = '<at>Samlingspunkt</at>';
  return {
    ...activity,
    text: `${mention} ${text}`,
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: 'Samlingspunkt' } }],
  };
}

export function botAdded(o: ActivityOptions) {
  return { ...base(o), type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }] };
}

export function botRemoved(o: ActivityOptions) {
  return { ...base(o), type: 'conversationUpdate', membersRemoved: [{ id: BOT_ID }] };
}

/** An Action.Execute press, as Teams sends it. */
export function cardAction(verb: string, data: Record<string, unknown>, o: ActivityOptions) {
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** An Action.Submit press (fallback for clients without Action.Execute). */
export function cardSubmit(data: Record<string, unknown>, o: ActivityOptions) {
  return { ...base(o), type: 'message', text: '', value: data };
}
