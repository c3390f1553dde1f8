// The baseline for `npm run bench -- votes`: votes handled the way the Bot Framework samples do
// it. The poll lives in ConversationState over MemoryStorage; each Action.Execute reads it,
// adds the vote, updates the shared card (updateActivity, every vote) and saves the state at
// the end of the turn (read-modify-write). Plain JS, run with node: no build step, no loader.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, CardFactory } from 'botbuilder';
import restify from 'restify';

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async () => {
  // The sample's handler would log and reply; a failed turn is a lost vote either way.
};

const card = (counts) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: `Svar: ${Object.values(counts).reduce((a, b) => a + b, 0)}` }, ...Object.entries(counts).map(([k, n]) => ({ type: 'TextBlock', text: `${k}: ${n}` }))],
});

class PollBot extends ActivityHandler {
  constructor() {
    super();
    this.poll = conversationState.createProperty('poll');
  }
  async onInvokeActivity(context) {
    const poll = await this.poll.get(context, { votes: {} });
    poll.votes[context.activity.from.id] = String(context.activity.value?.action?.data?.svar ?? '');
    const counts = {};
    for (const v of Object.values(poll.votes)) counts[v] = (counts[v] ?? 0) + 1;
    const attachment = CardFactory.adaptiveCard(card(counts));
    await context.updateActivity({ type: 'message', id: context.activity.replyToId, attachments: [attachment] });
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: attachment.content } };
  }
  async run(context) {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}

const bot = new PollBot();
const server = restify.createServer({ handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
// What the benchmark reads afterwards: the votes the state kept.
server.get('/state', async (req, res) => {
  const key = `msteams/conversations/${req.query?.conversation ?? new URL(req.url, 'http://x').searchParams.get('conversation')}/`;
  const items = await storage.read([key]);
  const votes = items[key]?.poll?.votes ?? {};
  res.json({ votes: Object.keys(votes).length });
});
server.get('/healthz', async (_req, res) => res.send(200, 'ok'));
server.listen(Number(process.env.PORT), '127.0.0.1');
