/**
 * Hostile input against every tab API route (enumerated from the running app's route table, so a new route is
 * covered without touching this file) and every card action verb (from the bot's table), over
 * real HTTP. What must hold: no 5xx, no hung request, no English or internal text in a refusal,
 * no rows written by a refused request, and text the edge refuses (NUL, control characters,
 * lone surrogates) is always a 400 or a refusal card, never something the database sees.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActions } from '../src/app/card-actions.js';
import { CREATE_POLL_VERB, REPEAT_PICK_VERB } from '../src/polls/cards/form.js';
import { SETUP_VERB, SHOW_SETUP_VERB } from '../src/network/setup/cards.js';
import { POLL_VERBS } from '../src/polls/cards/poll.js';
import { LOCALE_HEADER, MAX_BODY_BYTES } from '../src/platform/http/server.js';
import { cardAction, cardSubmit } from './helpers/activities.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseKinds, skipKind } from './helpers/databases.js';
import { as, ingrid, kari, ola, per, stranger } from './helpers/people.js';

// Words that would mean zod's English or an internal message leaked to a user (in any of the
// three languages: the tab asks for nynorsk or English with its language header).
const leaked = /\b(Invalid|invalid|Expected|expected|Required|received|undefined|NaN|TypeError|RangeError|SyntaxError|stack|Error:|SQL|syntax error|violates|constraint|relation|column|null value|byte sequence|UTF8|encoding)\b|\n\s+at |node:internal|[Nn]oe gikk galt|[Nn]oko gjekk gale|[Ss]omething went wrong/;
/** The language header the tab sends: none (bokmål from the person's settings), nynorsk or English. */
const tabLocale = fc.constantFrom<string | undefined>(undefined, 'nn', 'en');
const withLocale = (headers: Record<string, string>, locale: string | undefined) => (locale ? { ...headers, [LOCALE_HEADER]: locale } : headers);
const notFoundText: Record<string, string> = { nb: 'Fant ikke adressen.', nn: 'Fann ikkje adressa.', en: 'Address not found.' };
// Field keys and paths where a label belongs: «quietHours.from:», «rules.0.at», «startsAt».
const internal = /\b[a-z]+[A-Z]\w*\b|[a-z]\.\d|\b(title|kind|prompts|question|options|rules|agenda|answers|choices|months|confirm|phase|target|delivery)\b:/;

// What the edge refuses, checked here independently of src/validation.ts.
const forbiddenText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function containsForbidden(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return forbiddenText.test(value);
  if (typeof value !== 'object' || value === null || depth > 500) return false;
  return Object.entries(value).some(([k, v]) => forbiddenText.test(k) || containsForbidden(v, depth + 1));
}

const badChar = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
const withBadChar = fc.tuple(fc.string({ maxLength: 12 }), badChar, fc.string({ maxLength: 12 })).map(([a, bad, b]) => `${a}${bad}${b}`);
const oddDate = fc.constantFrom(
  '0000-01-01T00:00:00Z',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '9999-12-31',
  '2027-02-30T10:00:00+01:00',
  '2027-02-30',
  '1999-12-31T23:59:59+01:00',
  '2027-01-12T25:00:00+01:00',
  '2027-01-12T10:00:00',
  '+275760-09-13T00:00:00Z',
  '24:00',
  '23:60',
);
const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e20, 0.5, -1, -0);
const deepJson = fc
  .tuple(fc.integer({ min: 50, max: 400 }), fc.boolean())
  .map(([depth, arrays]) => {
    let v: unknown = 'bunn';
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { x: v };
    return v;
  });
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: withBadChar },
  { weight: 2, arbitrary: oddDate },
  { weight: 2, arbitrary: hugeNumber },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, '', ' ', [], {}, 'x'.repeat(5000), ['a', '\u0000'], { '\u0000': 1 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

type Body = Record<string, unknown>;

/** One change to a valid body: a field replaced, a bad character put into a text, or a stray field. */
function mutate(base: Body): fc.Arbitrary<Body> {
  const keys = Object.keys(base);
  const replace = fc.tuple(fc.constantFrom(...keys, 'ukjent'), hostile).map(([k, v]) => ({ ...base, [k]: v }));
  const texts = keys.filter((k) => typeof base[k] === 'string');
  const inject = texts.length
    ? fc.tuple(fc.constantFrom(...texts), badChar, fc.nat()).map(([k, bad, at]) => {
        const s = base[k] as string;
        const i = at % (s.length + 1);
        return { ...base, [k]: s.slice(0, i) + bad + s.slice(i) };
      })
    : replace;
  return fc.oneof(replace, inject, fc.constant(base));
}

interface Sent {
  status: number;
  text: string;
  json: any;
}

describe.each(databaseKinds)('random and malformed input on %s', (kind) => {
  let t: TestApp;
  const ids = {
    networkId: '',
    regionId: '',
    planItemIds: [] as string[],
    mellomarbeidItemId: '',
    pollId: '',
    taskId: '',
    assignmentId: '',
    olaMemberId: '',
  };
  const tally = { api: new Map<number, number>(), bot: new Map<number, number>(), cardsRefused: 0, cardsAnswered: 0 };
  const count = (map: Map<number, number>, status: number) => map.set(status, (map.get(status) ?? 0) + 1);

  /** Any request, bounded in time: a hung one fails the run instead of waiting forever. */
  async function send(method: string, path: string, init: { body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Sent> {
    let res: Response;
    try {
      res = await fetch(t.url + path, {
        method,
        headers: { ...(init.contentType !== undefined ? { 'content-type': init.contentType } : {}), ...init.headers },
        body: init.body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new Error(`Ingen svar innen 10 s (eller brutt forbindelse): ${method} ${path}: ${String(error)}`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    count(path === '/api/messages' ? tally.bot : tally.api, res.status);
    return { status: res.status, text, json };
  }

  const rows = async () =>
    (
      await t.app.db.query<Record<string, number>>(
        `SELECT ${[
          'plan_item',
          'audit_log',
          'member',
          'network_member',
          'reflection_task',
          'reflection_answer',
          'reflection_anonymous_answer',
          'reflection_group_version',
          'mellomarbeid_assignment',
          'mellomarbeid_status',
          'municipality_focus',
          'poll',
          'poll_vote',
          'reminder_subject_rules',
          'reminder_opt_out',
        ]
          .map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`)
          .join(', ')}`,
      )
    ).rows[0]!;

  /** A refusal: a Norwegian sentence with the documented shape, nothing internal in it. */
  function expectCleanRefusal(res: Sent, what: string) {
    expect(res.status, what).toBeLessThan(500);
    expect(res.json?.error, `${what}: ${res.text.slice(0, 300)}`).toBeDefined();
    const { code, message, field } = res.json.error;
    expect(typeof code, what).toBe('string');
    expect(typeof message, what).toBe('string');
    expect(message.length, what).toBeGreaterThan(5);
    expect(message, what).not.toMatch(leaked);
    expect(res.text, what).not.toMatch(leaked);
    if (res.status === 400) expect(message, what).not.toMatch(internal);
    if (field !== undefined) expect(typeof field, what).toBe('string');
  }

  beforeAll(async () => {
    if (skipKind(kind)) return;
    t = await startTestApp(kind);
    const ingridH = { 'content-type': 'application/json', ...as(ingrid) };
    const list = (await t.get('/api/networks', as(ingrid))).json;
    ids.networkId = list.networks[0].id;
    ids.regionId = list.networks[0].regionId;
    const base = `/api/networks/${ids.networkId}`;
    const plan = (await t.get(`${base}/plan`, as(ingrid))).json.items as { id: string; kind: string }[];
    ids.planItemIds = plan.map((i) => i.id);
    ids.mellomarbeidItemId = plan.find((i) => i.kind === 'mellomarbeid')!.id;
    // Real ids to aim at: a reflection task, an assignment and a poll of the demo network.
    ids.taskId = (await t.post(`${base}/reflections`, { title: 'Fuzz-oppgave', prompts: ['Hva?'], dueAt: '2030-06-01T16:00:00+02:00' }, ingridH)).json.task.id;
    ids.assignmentId = (
      await t.post(`${base}/mellomarbeid`, { planItemId: ids.mellomarbeidItemId, description: 'Fuzz-arbeid', dueAt: '2030-06-01T16:00:00+02:00' }, ingridH)
    ).json.assignment.id;
    ids.pollId = (await t.post(`${base}/polls`, { question: 'Fuzz?', kind: 'enkeltvalg', options: ['Ja', 'Nei'] }, ingridH)).json.poll.id;
    const members = (await t.get(`${base}/members`, as(ingrid))).json.members as { memberId: string; displayName: string }[];
    ids.olaMemberId = members.find((m) => m.displayName === ola.displayName)!.memberId;
    for (const id of [ids.taskId, ids.assignmentId, ids.pollId, ids.olaMemberId]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  afterAll(async () => {
    if (t) {
      const fmt = (m: Map<number, number>) => [...m].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
      const total = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      console.log(
        `[fuzz ${kind}] tab API: ${total(tally.api)} requests (${fmt(tally.api)}); /api/messages: ${total(tally.bot)} requests (${fmt(tally.bot)}); ` +
          `card actions: ${tally.cardsRefused} refused, ${tally.cardsAnswered} answered`,
      );
    }
    await t?.close();
  });

  // ── Tab API ──

  /** Values for each path parameter: the demo's real ids, random ids and garbage. */
  const paramValues = (name: string): fc.Arbitrary<string> => {
    const garbage = fc.constantFrom('ikke-uuid', '%00', 'a%00b', '%ED%A0%80', '%C0%80', '%', '%E2%82', '0', '-1', '1e308', '99999999999999999999', 'x'.repeat(2000), 'null', '%2e%2e');
    const real: Record<string, string[]> = {
      networkId: [ids.networkId],
      itemId: ids.planItemIds.slice(0, 4),
      pollId: [ids.pollId],
      taskId: [ids.taskId],
      assignmentId: [ids.assignmentId],
      municipalityNumber: [kari.municipalityNumber!, '3203', '0000'],
      number: [kari.municipalityNumber!, '3301', '0000'],
      regionId: [ids.regionId],
      memberId: [ids.olaMemberId],
    };
    return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...(real[name] ?? ['x'])) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 2, arbitrary: garbage });
  };

  /** A valid body for each route that takes one, as the tab sends it; the fuzz changes one thing in it. */
  const validBodies = (): Record<string, Body> => {
    const at = { startsAt: '2030-01-12T10:00:00+01:00', endsAt: '2030-01-12T11:00:00+01:00' };
    return {
      'post /api/networks/:networkId/plan': { kind: 'samling', title: 'Fuzz-samling', agenda: 'Agenda', ...at, format: 'digital', responsibleBody: 'KS' },
      'put /api/networks/:networkId/plan/:itemId': { kind: 'webinar', title: 'Fuzz-endret', ...at, format: 'hybrid', meetingUrl: 'https://teams.microsoft.com/l/x' },
      'post /api/networks/:networkId/members': { aadObjectId: crypto.randomUUID(), displayName: 'Fuzz Person', role: 'deltaker', municipalityNumber: '3203', sector: 'annet' },
      'post /api/me/delete': { confirm: 'SLETT' },
      'put /api/networks/:networkId/retention': { months: 24 },
      'post /api/networks/:networkId/reflections': { title: 'Fuzz', prompts: ['Hva?', 'Hvorfor?'], dueAt: '2030-06-01T16:00:00+02:00', answerMode: 'personlig' },
      'post /api/networks/:networkId/reflections/:taskId/send': { target: 'personlig-chat' },
      'put /api/networks/:networkId/reflections/:taskId/answer': { answers: ['Et svar'], baseVersion: 0 },
      'post /api/networks/:networkId/mellomarbeid': { planItemId: ids.mellomarbeidItemId, title: 'Fuzz', description: 'Gjør dette', dueAt: '2030-06-01T16:00:00+02:00' },
      'put /api/networks/:networkId/mellomarbeid/:assignmentId/:municipalityNumber': { submissionText: 'Tekst', submissionUrl: 'https://example.no/doc', status: 'pabegynt' },
      'put /api/networks/:networkId/municipalities/:number/phase': { phase: 2 },
      'put /api/networks/:networkId/municipalities/:number/focus': { choices: [] },
      'put /api/networks/:networkId/reminder-settings': {
        quietHours: { from: '21:00', to: '07:00', weekends: true },
        rules: { 'plan-item': [{ type: 'days-before', days: 1, at: '09:00' }] },
      },
      'put /api/networks/:networkId/plan/:itemId/reminders': { rules: [{ type: 'minutes-before', minutes: 60 }] },
      'post /api/networks/:networkId/plan/:itemId/reminders/send': { inMinutes: 30 },
      'post /api/networks/:networkId/polls': { question: 'Fuzz?', kind: 'flervalg', options: ['A', 'B', 'C'], maxChoices: 2, closesAt: '2030-01-01T10:00:00+01:00' },
      'post /api/networks/:networkId/polls/:pollId/repeat': { closesAt: '2030-02-01T10:00:00+01:00', sendToAll: false },
    };
  };

  /** Nested fields get the same treatment one level down (quiet hours, rules, lists). */
  const bodyFor = (key: string): fc.Arbitrary<unknown> => {
    const base = validBodies()[key];
    const generic = fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 4 }), hostile);
    if (!base) return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: generic });
    const nested = Object.entries(base).filter(([, v]) => typeof v === 'object' && v !== null);
    const deeper = nested.length
      ? fc.constantFrom(...nested).chain(([k, v]) =>
          Array.isArray(v)
            ? fc.oneof(fc.array(hostile, { maxLength: 3 }), typeof v[0] === 'object' ? mutate(v[0] as Body).map((m) => [m]) : fc.constant([...v, '\uD800'])).map((m) => ({ ...base, [k]: m }))
            : mutate(v as Body).map((m) => ({ ...base, [k]: m })),
        )
      : mutate(base);
    return fc.oneof({ weight: 5, arbitrary: mutate(base) }, { weight: 2, arbitrary: deeper }, { weight: 1, arbitrary: generic });
  };

  const queryTail = fc.constantFrom('', '', '', '', '', '', '', '?x=%00', '?x=%ED%A0%80', '?a[b][c][d]=1', '?%00=1', '?x=%', `?x=${'y'.repeat(3000)}`, '?format=csv&x=%1F');

  // The app's own route table, read once it runs: a new route is fuzzed without editing this test.
  const apiRoutes = () => t.app.apiRoutes;
  const routeRequest = () => fc.constantFrom(...apiRoutes()).chain((route) => {
    const key = `${route.method} ${route.path}`;
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    return fc.record({
      key: fc.constant(key),
      method: fc.constant(route.method === 'del' ? 'DELETE' : route.method.toUpperCase()),
      params: fc.tuple(...names.map(paramValues)).map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]!]))),
      query: queryTail,
      body: route.method === 'get' ? fc.constant(undefined) : bodyFor(key),
      who: route.path === '/api/me/delete' ? fc.constant(stranger) : fc.constantFrom(ingrid, ingrid, ingrid, kari, per),
      locale: tabLocale,
    });
  });

  it.skipIf(skipKind(kind))('every route: no 5xx, no hang, a Norwegian reason, no partial write; refused text is always a 400', async () => {
    await fc.assert(
      fc.asyncProperty(routeRequest(), async (r) => {
        const path = r.key.split(' ')[1]!.replace(/:(\w+)/g, (_, name: string) => r.params[name]!) + r.query;
        const what = `${r.method} ${path} ${JSON.stringify(r.body)?.slice(0, 200)} (${r.locale ?? 'nb'})`;
        const before = await rows();
        const res = await send(r.method, path, { body: r.body === undefined ? undefined : JSON.stringify(r.body), contentType: 'application/json', headers: withLocale(as(r.who), r.locale) });
        expect(res.status, what).toBeLessThan(500);
        if (res.status >= 400) {
          expectCleanRefusal(res, what);
          expect(await rows(), what).toEqual(before);
        }
        if (containsForbidden(r.body) && res.status !== 413) {
          // Before any handler, and before a 403 or 404 of its own; only an address that matches
          // no route wins (a `%2e%2e` segment is resolved by the router to another path: 404 or 405).
          if (res.status === 404) expect(res.json.error.message, what).toBe(notFoundText[r.locale ?? 'nb']);
          else if (res.status === 405) expect(res.json.error.code, what).toBe('metode-ikke-tillatt');
          else expect(res.status, what).toBe(400);
        }
      }),
      { numRuns: 1_200 },
    );
  });

  it.skipIf(skipKind(kind))('NUL, lone surrogates and impossible dates in each text and date field are a 400 naming the field', async () => {
    const base = `/api/networks/${ids.networkId}`;
    const cases: [string, string, Body, RegExp][] = [
      ['POST', `${base}/plan`, { ...validBodies()['post /api/networks/:networkId/plan'], title: 'Samling\u0000' }, /^Ugyldig innhold\. Tittel: kan ikke inneholde kontrolltegn\.$/],
      ['POST', `${base}/plan`, { ...validBodies()['post /api/networks/:networkId/plan'], agenda: 'Pause \uD800' }, /Agenda: inneholder ugyldige tegn/],
      ['POST', `${base}/plan`, { ...validBodies()['post /api/networks/:networkId/plan'], startsAt: '0000-01-01T00:00:00Z' }, /Starttidspunkt: må være mellom år 2000 og 2100/],
      ['POST', `${base}/plan`, { ...validBodies()['post /api/networks/:networkId/plan'], endsAt: '2027-02-30T10:00:00+01:00' }, /Sluttidspunkt: må være et tidspunkt/],
      ['POST', `${base}/plan`, { ...validBodies()['post /api/networks/:networkId/plan'], endsAt: '9999-12-31T23:59:59Z' }, /Sluttidspunkt: må være mellom år 2000 og 2100/],
      ['POST', `${base}/polls`, { question: 'Hva?', kind: 'enkeltvalg', options: ['Ja', 'N\u0000ei'] }, /Alternativ 2: kan ikke inneholde kontrolltegn/],
      ['POST', `${base}/reflections`, { title: 'Fuzz', prompts: ['Hva?'], dueAt: '0000-01-01T00:00:00Z' }, /Frist: må være mellom år 2000 og 2100/],
      ['PUT', `${base}/reflections/${ids.taskId}/answer`, { answers: ['Svar\u0000'] }, /Svar 1: kan ikke inneholde kontrolltegn/],
      ['PUT', `${base}/mellomarbeid/${ids.assignmentId}/${kari.municipalityNumber}`, { submissionText: 'Tekst\u0000' }, /Besvarelse \(tekst\): kan ikke inneholde kontrolltegn/],
      ['PUT', `${base}/reminder-settings`, { quietHours: { from: '21:00', to: '07:00\u0000', weekends: true } }, /Stille til: kan ikke inneholde kontrolltegn/],
      ['PUT', `${base}/plan/${ids.planItemIds[0]}/reminders`, { rules: [{ type: 'days-before', days: 1e308, at: '09:00' }] }, /Regel 1, Dager før: må være et heltall/],
      ['PUT', `${base}/municipalities/${kari.municipalityNumber}/focus`, { choices: ['\uDFFF'] }, /Fokusområde 1: inneholder ugyldige tegn/],
      ['POST', `${base}/members`, { aadObjectId: crypto.randomUUID(), displayName: 'Ny\u0000Person', role: 'fasilitator' }, /Navn: kan ikke inneholde kontrolltegn/],
    ];
    for (const [method, path, body, reason] of cases) {
      const before = await rows();
      const who = path.includes('/answer') || path.includes('/mellomarbeid/') || path.includes('/focus') ? kari : ingrid;
      const res = await send(method, path, { body: JSON.stringify(body), contentType: 'application/json', headers: as(who) });
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'ugyldig-forespørsel' });
      expect(res.json.error.message, path).toMatch(reason);
      expect(typeof res.json.error.field).toBe('string');
      expectCleanRefusal(res, path);
      expect(await rows()).toEqual(before);
    }
    const nul = await send('GET', `${base}/plan?q=%00`, { headers: as(ingrid) });
    expect(nul.status).toBe(400);
    expect(nul.json.error.message).toBe('Ugyldig adresse. Adressen kan ikke inneholde kontrolltegn.');
    expect((await send('GET', `${base}/polls/%00`, { headers: as(ingrid) })).status).toBe(400);
    expect((await send('GET', `/api/regions/ikke-uuid/audit`, { headers: as(per) })).status).toBe(400);
    expect((await send('GET', `/api/regions/${ids.regionId}/audit`, { headers: as(per) })).status).toBe(200);
  });

  it.skipIf(skipKind(kind))('raw bodies, wrong content types and deep JSON: a 4xx with a reason, never a 5xx', async () => {
    const writable = apiRoutes().filter((r) => r.method !== 'get' && !r.path.includes(':itemId') && r.path !== '/api/me/delete');
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{"title": "a', '{"title": "\\u0000"}', '{"title": "\\ud800"}', '[]', 'null', '"tekst"', '42', '\u0000\u0000', 'title=%00&kind=samling', '<xml/>'),
      fc.integer({ min: 1_000, max: 100_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
      fc.integer({ min: 50, max: 5_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', undefined);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writable), raw, contentType, tabLocale, async (route, body, type, locale) => {
        const path = route.path.replace(':networkId', ids.networkId).replace(/:(\w+)/g, (_, n: string) => (n === 'pollId' ? ids.pollId : n === 'taskId' ? ids.taskId : n === 'assignmentId' ? ids.assignmentId : n === 'number' || n === 'municipalityNumber' ? '3201' : 'x'));
        const method = route.method === 'del' ? 'DELETE' : route.method.toUpperCase();
        const before = await rows();
        const res = await send(method, path, { body, contentType: type, headers: withLocale(as(ingrid), locale) });
        const what = `${method} ${path} (${type}, ${locale ?? 'nb'}) ${body.slice(0, 80)}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status >= 400) {
          expectCleanRefusal(res, what);
          expect(await rows(), what).toEqual(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(skipKind(kind))('oversized bodies are a 413 on every route that takes a body', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES + 10 * 1024) });
    for (const route of apiRoutes().filter((r) => r.method !== 'get')) {
      const path = route.path.replace(/:(\w+)/g, (_, n: string) => (n === 'networkId' ? ids.networkId : '00000000-0000-4000-8000-000000000000'));
      const res = await send(route.method === 'del' ? 'DELETE' : route.method.toUpperCase(), path, { body: big, contentType: 'application/json', headers: as(ingrid) });
      expect(res.status, path).toBe(413);
      expectCleanRefusal(res, path);
    }
  });

  // ── Card actions ──

  /** A valid payload for each verb (signed where the card is signed); the fuzz changes one thing in it. */
  async function validCardData(): Promise<Record<string, Body>> {
    const keys = await t.app.polls.keys();
    const poll = (verb: string) => ({ pollId: ids.pollId, sig: keys.sign(verb, ids.pollId) });
    const network = (verb: string) => ({ networkId: ids.networkId, sig: keys.sign(verb, ids.networkId) });
    return {
      registrer: { networkId: ids.networkId, municipalityNumber: '3201', sector: 'annet' },
      'refleksjon.svar': { taskId: ids.taskId, a0: 'Et svar', baseVersion: '0' },
      'refleksjon.vis': { taskId: ids.taskId },
      'refleksjon.skjema': { networkId: ids.networkId, template: 'seed-000' },
      'refleksjon.opprett': { networkId: ids.networkId, template: 'seed-000', kind: 'refleksjon', title: 'Fuzz', p0: 'Hva?', p1: 'Hvorfor?', delivery: 'personlig-chat', dueDate: '2030-06-01', dueTime: '16:00' },
      'refleksjon.send': { taskId: ids.taskId, target: 'personlig-chat' },
      'refleksjon.deling': { taskId: ids.taskId },
      'mellomarbeid.oppdater': { assignmentId: ids.assignmentId, municipalityNumber: '3201', expectedStatus: 'ikke-startet', to: 'pabegynt', tekst: 'Tekst', lenke: 'https://example.no/x' },
      'mellomarbeid.vis': { assignmentId: ids.assignmentId, municipalityNumber: '3201' },
      'paminnelse-av': { kind: 'plan-item', subjectId: ids.planItemIds[0]! },
      'paminnelse-pa': { kind: 'plan-item', subjectId: ids.planItemIds[0]! },
      [POLL_VERBS.vote]: { ...poll(POLL_VERBS.vote), svar: 'Ja' },
      [POLL_VERBS.show]: poll(POLL_VERBS.show),
      [POLL_VERBS.close]: poll(POLL_VERBS.close),
      [POLL_VERBS.reopen]: poll(POLL_VERBS.reopen),
      [POLL_VERBS.sendAll]: poll(POLL_VERBS.sendAll),
      [POLL_VERBS.repeat]: poll(POLL_VERBS.repeat),
      [REPEAT_PICK_VERB]: { ...network(REPEAT_PICK_VERB), pollId: ids.pollId },
      [CREATE_POLL_VERB]: { ...network(CREATE_POLL_VERB), question: 'Fuzz?', kind: 'enkeltvalg', options: 'Ja\nNei', opensDate: '2030-01-01', opensTime: '10:00' },
      [SETUP_VERB]: { name: `Fuzz-nettverk ${Math.random()}`, region: 'agder', reform: 'leve-hele-livet', bodies: 'KS', municipalities: '4204' },
      [SHOW_SETUP_VERB]: {},
    };
  }

  const forgedSig = fc.constantFrom('é'.repeat(22), 'x'.repeat(21), 'x'.repeat(23), '😀'.repeat(11), '', 'ø'.repeat(100), '\u0000'.repeat(22));

  /** The words a card shows (texts, titles, labels), not the values typed into it. */
  const cardWords = (card: unknown): string => {
    const words: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') words.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        for (const [k, child] of Object.entries(v)) {
          if (typeof child === 'string' ? ['text', 'title', 'fallbackText', 'errorMessage', 'label', 'placeholder'].includes(k) : k !== 'data') walk(child);
        }
      }
    };
    walk(card);
    return words.join('\n');
  };

  it.skipIf(skipKind(kind))('every card verb, as invoke and as message: a Norwegian card, no 5xx, no hang, no write when refused', async () => {
    const valid = await validCardData();
    const verbs = [...cardActions.keys()];
    expect(Object.keys(valid).sort()).toEqual([...verbs].sort()); // a new verb gets a payload here
    const payload = fc.constantFrom(...verbs, 'ukjent.verb', '').chain((verb) => {
      const base = valid[verb] ?? { x: 1 };
      const sig = 'sig' in base ? fc.tuple(forgedSig).map(([s]) => ({ ...base, sig: s })) : mutate(base);
      return fc.record({
        verb: fc.oneof({ weight: 9, arbitrary: fc.constant(verb) }, { weight: 1, arbitrary: withBadChar }),
        data: fc.oneof({ weight: 6, arbitrary: mutate(base) }, { weight: 1, arbitrary: sig }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostile, { maxKeys: 4 }) }),
        shape: fc.constantFrom('invoke', 'message'),
        who: fc.constantFrom(ingrid, kari, stranger),
      });
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(payload, async ({ verb, data, shape, who }) => {
        const conversationId = `a:fuzz-${kind}-${n++}`;
        const o = { serviceUrl: t.connector.url, conversationId, fromAadObjectId: who.aadObjectId, fromName: who.displayName };
        const activity = shape === 'invoke' ? cardAction(verb, data, o) : cardSubmit({ ...data, verb }, o);
        const what = `${shape} ${verb} ${JSON.stringify(data).slice(0, 200)}`;
        const before = await rows();
        const res = await send('POST', '/api/messages', { body: JSON.stringify(activity), contentType: 'application/json' });
        expect(res.status, what).toBe(200);
        const cards =
          shape === 'invoke'
            ? [res.json?.value]
            : t.connector.sentActivities(conversationId).map((a: any) => a.attachments?.[0]?.content ?? a.text);
        expect(cards.length, what).toBeGreaterThan(0);
        if (shape === 'invoke') expect(res.json.type, what).toBe('application/vnd.microsoft.card.adaptive');
        const words = cards.map(cardWords).join('\n');
        expect(words, what).not.toMatch(leaked);
        const refused = /Kunne ikke utføre handlingen|Ukjent handling|Kortet er ikke gyldig/.test(words);
        if (refused) {
          tally.cardsRefused++;
          expect(words, what).not.toMatch(internal);
          expect(await rows(), what).toEqual(before);
        } else tally.cardsAnswered++;
        if (containsForbidden(data) || containsForbidden(verb)) {
          expect(refused, `${what}: ${words.slice(0, 300)}`).toBe(true);
          expect(await rows(), what).toEqual(before);
        }
      }),
      { numRuns: 600 },
    );
  });

  it.skipIf(skipKind(kind))('a forged signature with non-ASCII characters is a forged card, not a crash', async () => {
    for (const verb of [POLL_VERBS.vote, POLL_VERBS.close, CREATE_POLL_VERB]) {
      const data = verb === CREATE_POLL_VERB ? { networkId: ids.networkId, sig: 'é'.repeat(22) } : { pollId: ids.pollId, sig: 'ø'.repeat(22), svar: 'Ja' };
      const res = await send('POST', '/api/messages', {
        body: JSON.stringify(cardAction(verb, data, { serviceUrl: t.connector.url, fromAadObjectId: ingrid.aadObjectId })),
        contentType: 'application/json',
      });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json.value)).toContain('Kortet er ikke gyldig');
    }
  });

  it.skipIf(skipKind(kind))('random activities at /api/messages: 200 or a 400 with a reason, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record({ type: fc.string(), channelId: fc.string(), serviceUrl: fc.webUrl(), conversation: fc.jsonValue({ maxDepth: 2 }), from: fc.jsonValue({ maxDepth: 2 }), recipient: fc.jsonValue({ maxDepth: 2 }) }),
        ),
        async (activity) => {
          const res = await send('POST', '/api/messages', { body: JSON.stringify(activity), contentType: 'application/json' });
          expect([200, 201, 400]).toContain(res.status);
          if (res.status === 400) expect(res.json.error.message).toMatch(/^Ugyldig aktivitet|kunne ikke leses/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
