// The floor for `npm run bench -- votes`: a bot that does nothing but answer each
// adaptiveCard/action invoke with a fixed card, through the same CloudAdapter and restify stack
// as the app (bodyParser, adapter.process, ActivityHandler). No storage, no card update: the
// framework's own ceiling on this machine. Plain JS, run with node.
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async () => {};

const card = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Takk! Svaret ditt er lagret.' }],
}).content;

class FloorBot extends ActivityHandler {
  async onInvokeActivity() {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

const bot = new FloorBot();
const server = restify.createServer({ handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', async (_req, res) => res.send(200, 'ok'));
server.listen(Number(process.env.PORT), '127.0.0.1');
