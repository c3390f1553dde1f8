import { deliverTask, describeDelivery } from '../delivery.js';
import { reformCatalogue } from '../../reference/sql/reference.js';
import { loadSummary } from '../sql/summary.js';
import { findReflectionTask, reflectionTasksOfNetwork, type TaskOverview } from '../sql/reflections.js';
import type { ReflectionSummary } from '../domain/summary.js';
import { FOCUS_TASK_TEMPLATE, SEED_000_TEMPLATE, isOpen, type ReflectionTask } from '../domain/reflections.js';
import { policy } from '../../shared/policy.js';
import type { Network } from '../../shared/types.js';
import { answerReflection } from '../answer.js';
import { createReflectionTask } from '../create.js';
import { networkHolidayNotice } from '../../reminders/holiday-notice.js';
import { mineItems } from '../mine.js';
import { answerSchema, newTaskSchema, sendSchema } from '../input.js';
import type {
  AnswerResponse,
  MineResponse,
  NewTaskResponse,
  ReflectionsResponse,
  SendTaskResponse,
  SummaryResponse,
  SummaryView,
  TaskView,
} from '../contract.js';
import { idFromPath, parse, type ApiContext, type ApiRoute } from '../../shared/api/context.js';
import { authorizedNetwork } from '../../network/api/access.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { t } from '../messages.js';

export function summaryDto(s: ReflectionSummary): SummaryView {
  return { ...s, dueAt: s.dueAt.toISOString() };
}

function taskDto(t: TaskOverview | ReflectionTask, now: Date): TaskView {
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
  const id = idFromPath(rawId, t('api.taskId'));
  if (!id.ok) return id;
  const task = await findReflectionTask(ctx.db, id.value);
  return task && task.networkId === network.id ? ok(task) : fail('finnes-ikke', t('answer.notInNetwork'));
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
      const out: ReflectionsResponse['tasks'] = [];
      for (const t of tasks) {
        const readable = policy.readReflectionSummary(ctx.actor, network.value, t.visibility);
        out.push({
          ...taskDto(t, ctx.now),
          canAnswer: policy.answerReflection(ctx.actor, network.value).allowed,
          summary: readable.allowed ? summaryDto(await summaryFor(ctx, network.value, t)) : null,
          summaryRefusal: readable.allowed ? null : readable.message,
        });
      }
      return ok<ReflectionsResponse>({ canCreate: policy.createTasks(ctx.actor, network.value).allowed, tasks: out });
    },
  },
  {
    method: 'post',
    path: '/api/networks/:networkId/reflections',
    okStatus: 201,
    async handle(ctx, { params, body }) {
      const network = await authorizedNetwork(ctx, params.networkId, policy.createTasks);
      if (!network.ok) return network;
      const input = parse(newTaskSchema, body, t('api.invalidTask'));
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
      return ok<NewTaskResponse>({
        task: taskDto(created.value, ctx.now),
        delivery: report && { ...report, text: describeDelivery(report) },
        holidayNotice: await networkHolidayNotice(ctx.db, network.value.id, created.value.dueAt),
      });
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
      const input = parse(sendSchema, body ?? {}, t('api.invalidSend'));
      if (!input.ok) return input;
      if (!isOpen(task.value, ctx.now)) return fail('konflikt', t('api.sendClosed'));
      const report = await deliverTask({ ...ctx, now: () => ctx.now }, network.value, task.value, input.value.target);
      return ok<SendTaskResponse>({ delivery: { ...report, text: describeDelivery(report) } });
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
      return ok<SummaryResponse>({ summary: summaryDto(await summaryFor(ctx, network.value, task.value)) });
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
      const input = parse(answerSchema, body, t('api.invalidAnswer'));
      if (!input.ok) return input;
      const saved = await answerReflection(ctx.db, ctx.actor, network.value, task.value, input.value, ctx.now);
      return saved.ok ? ok<AnswerResponse>({ saved: saved.value }) : saved;
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
      return ok<MineResponse>({
        items: items.map((i) => ({ task: taskDto(i.task, ctx.now), state: i.state, answers: i.answers, note: i.note })),
      });
    },
  },
];
