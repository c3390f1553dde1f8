import { deliverTask, describeDelivery } from '../delivery.js';
import { reformCatalogue } from '../../reference/sql/reference.js';
import { loadSummary } from '../sql/summary.js';
import { findReflectionTask, reflectionTasksOfNetwork, type TaskOverview } from '../sql/reflections.js';
import type { ReflectionSummary } from '../domain/summary.js';
import {
  ANSWER_MAX_CHARS,
  FOCUS_TASK_TEMPLATE,
  MAX_PROMPTS,
  PROMPT_MAX_CHARS,
  SEED_000_TEMPLATE,
  answerModes,
  deliveryTargets,
  isOpen,
  reflectionKinds,
  reflectionVisibilities,
  type ReflectionTask,
} from '../domain/reflections.js';
import { policy } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import { answerReflection } from '../answer.js';
import { createReflectionTask } from '../create.js';
import { mineItems } from '../mine.js';
import { instant, text, z } from '../../shared/validation.js';
import { authorizedNetwork, idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { fail, ok, type Result } from '../../shared/result.js';

export const newTaskSchema = z
  .object({
    template: z.enum(['seed-000', 'fokus'], { error: 'må være seed-000 eller fokus' }).optional(),
    kind: z.enum(reflectionKinds, { error: `må være en av ${reflectionKinds.join(', ')}` }).optional(),
    title: text().trim().min(1, 'kan ikke være tom').max(200, 'kan være maks 200 tegn').optional(),
    prompts: z
      .array(text().trim().min(1, 'kan ikke være tomt').max(PROMPT_MAX_CHARS, `kan være maks ${PROMPT_MAX_CHARS} tegn`), {
        error: 'må være en liste med spørsmål',
      })
      .min(1, 'må ha minst ett spørsmål')
      .max(MAX_PROMPTS, `kan ha høyst ${MAX_PROMPTS} spørsmål`)
      .optional(),
    answerMode: z.enum(answerModes, { error: `må være en av ${answerModes.join(', ')}` }).default('personlig'),
    visibility: z.enum(reflectionVisibilities, { error: `må være en av ${reflectionVisibilities.join(', ')}` }).default('nettverket'),
    dueAt: instant('2026-12-01T16:00:00+01:00'),
    planItemId: z.uuid({ error: 'må være en aktivitets-id (UUID)' }).nullish(),
    delivery: z.enum([...deliveryTargets, 'ingen'], { error: 'må være personlig-chat, kanal eller ingen' }).default('ingen'),
  })
  .refine((v) => v.template || (v.title && v.prompts), { message: 'velg en mal, eller skriv både tittel og spørsmål', path: ['prompts'] });

export const answerSchema = z.object({
  // Generous here so the domain can refuse an over-long answer with the limit in its words.
  answers: z.array(text().max(ANSWER_MAX_CHARS * 4, 'er altfor langt'), { error: 'må være en liste med svar' }).max(MAX_PROMPTS),
  choices: z.array(text().max(100)).max(40).optional(),
  // Bounded like the database column (integer), so a huge number is a 400, not an overflow.
  baseVersion: z.number({ error: 'må være et tall' }).int('må være et heltall').min(0).max(1_000_000).nullish(),
  editKey: text().max(100).nullish(),
});

export const sendSchema = z.object({ target: z.enum(deliveryTargets, { error: 'må være personlig-chat eller kanal' }).default('personlig-chat') });

export function summaryDto(s: ReflectionSummary) {
  return { ...s, dueAt: s.dueAt.toISOString() };
}

function taskDto(t: TaskOverview | ReflectionTask, now: Date) {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    prompts: t.prompts,
    answerMode: t.answerMode,
    visibility: t.visibility,
    dueAt: t.dueAt.toISOString(),
    open: isOpen(t, now),
    planItemId: t.planItemId,
    planItemTitle: 'planItemTitle' in t ? t.planItemTitle : null,
    deliveredCount: 'deliveredCount' in t ? t.deliveredCount : 0,
  };
}

async function taskOf(ctx: ApiContext, network: Network, rawId: string | undefined): Promise<Result<ReflectionTask>> {
  const id = idFromPath(rawId, 'oppgave-id');
  if (!id.ok) return id;
  const task = await findReflectionTask(ctx.db, id.value);
  return task && task.networkId === network.id ? ok(task) : fail('finnes-ikke', 'Fant ikke oppgaven i dette nettverket.');
}

async function summaryFor(ctx: ApiContext, network: Network, task: ReflectionTask): Promise<ReflectionSummary> {
  const catalogue = task.kind === 'fokusomrade' ? await reformCatalogue(ctx.db, network.reformCode) : [];
  return loadSummary(ctx.db, task, catalogue);
}

export const reflectionRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/networks/:networkId/reflections',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const tasks = await reflectionTasksOfNetwork(ctx.db, network.value.id);
      const out = [];
      for (const t of tasks) {
        const readable = policy.readReflectionSummary(ctx.actor, network.value, t.visibility);
        out.push({
          ...taskDto(t, ctx.now),
          canAnswer: policy.answerReflection(ctx.actor, network.value).allowed,
          summary: readable.allowed ? summaryDto(await summaryFor(ctx, network.value, t)) : null,
          summaryRefusal: readable.allowed ? null : readable.message,
        });
      }
      return ok({ canCreate: policy.createTasks(ctx.actor, network.value).allowed, tasks: out });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/reflections',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.createTasks);
      if (!network.ok) return network;
      const input = parse(newTaskSchema, body, 'Ugyldig oppgave');
      if (!input.ok) return input;
      const b = input.value;
      const template = b.template === 'fokus' ? FOCUS_TASK_TEMPLATE : b.template === 'seed-000' ? SEED_000_TEMPLATE : undefined;
      const kind = b.kind ?? (b.template === 'fokus' ? 'fokusomrade' : 'refleksjon');
      const created = await createReflectionTask(
        ctx.db,
        ctx.actor,
        network.value,
        {
          kind,
          title: b.title ?? template!.title,
          prompts: b.prompts ?? [...template!.prompts],
          answerMode: kind === 'fokusomrade' ? 'kommune' : b.answerMode,
          visibility: b.visibility,
          dueAt: new Date(b.dueAt),
          planItemId: b.planItemId ?? null,
        },
        ctx.now,
      );
      if (!created.ok) return created;
      const report =
        b.delivery === 'ingen' ? null : await deliverTask({ ...ctx, now: () => ctx.now }, network.value, created.value, b.delivery);
      return ok({ task: taskDto(created.value, ctx.now), delivery: report && { ...report, text: describeDelivery(report) } });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/reflections/:taskId/send',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.createTasks);
      if (!network.ok) return network;
      const task = await taskOf(ctx, network.value, params.taskId);
      if (!task.ok) return task;
      const input = parse(sendSchema, body ?? {}, 'Ugyldig utsending');
      if (!input.ok) return input;
      if (!isOpen(task.value, ctx.now)) return fail('konflikt', 'Fristen for oppgaven har gått ut; den sendes ikke.');
      const report = await deliverTask({ ...ctx, now: () => ctx.now }, network.value, task.value, input.value.target);
      return ok({ delivery: { ...report, text: describeDelivery(report) } });
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/reflections/:taskId/summary',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.viewNetwork);
      if (!network.ok) return network;
      const task = await taskOf(ctx, network.value, params.taskId);
      if (!task.ok) return task;
      const allowed = policy.readReflectionSummary(ctx.actor, network.value, task.value.visibility);
      if (!allowed.allowed) return fail('ingen-tilgang', allowed.message);
      return ok({ summary: summaryDto(await summaryFor(ctx, network.value, task.value)) });
    },
  },
  {
    method: 'put',
    path: '/api/networks/:networkId/reflections/:taskId/answer',
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.answerReflection);
      if (!network.ok) return network;
      const task = await taskOf(ctx, network.value, params.taskId);
      if (!task.ok) return task;
      const input = parse(answerSchema, body, 'Ugyldig svar');
      if (!input.ok) return input;
      const saved = await answerReflection(ctx.db, ctx.actor, network.value, task.value, input.value, ctx.now);
      return saved.ok ? ok({ saved: saved.value }) : saved;
    },
  },
  {
    method: 'get',
    path: '/api/networks/:networkId/reflections/mine',
    async handle(ctx, { params }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.answerReflection);
      if (!network.ok) return network;
      const tasks = await reflectionTasksOfNetwork(ctx.db, network.value.id);
      const items = await mineItems(ctx.db, ctx.actor, network.value, tasks, ctx.now);
      return ok({
        items: items.map((i) => ({ task: taskDto(i.task, ctx.now), state: i.state, answers: i.answers, note: i.note })),
      });
    },
  },
];
