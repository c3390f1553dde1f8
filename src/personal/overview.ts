/**
 * One person's page across every network they are in: their coming sessions, the polls open to
 * them with their own answer, the reflection tasks they answer (with theirs or their
 * municipality's latest answer), and their municipality's mellomarbeid. Each piece is read
 * through its capability's own queries and rules; the policy decides what each network shows.
 */
import type { Queryable } from '../platform/db/port.js';
import { findNetworkById } from '../network/sql/networks.js';
import { networkMunicipalities } from '../network/sql/members.js';
import { planForNetwork } from '../plan/sql/plan.js';
import { slotsForNetwork } from '../plan/sql/slots.js';
import { planItemDto } from '../plan/api/plan.js';
import { listPolls } from '../polls/sql/polls.js';
import { pollStatus } from '../polls/domain/polls.js';
import { pollDto } from '../polls/api/polls.js';
import type { PollService } from '../polls/service.js';
import { reflectionTasksOfNetwork, currentGroupVersion, type TaskOverview } from '../reflections/sql/reflections.js';
import { mineItems } from '../reflections/mine.js';
import { isOpen, type ReflectionTask } from '../reflections/domain/reflections.js';
import { assignmentsOfNetwork, workOfNetwork } from '../mellomarbeid/sql/mellomarbeid.js';
import { isOverdue } from '../mellomarbeid/domain/mellomarbeid.js';
import { policy, pollPolicy, type Actor } from '../shared/policy.js';
import type { Network } from '../shared/types.js';
import { OSLO } from '../shared/time.js';
import type { TaskView } from '../reflections/contract.js';
import type { PersonalOverviewResponse, PersonalPoll, PersonalReflection, PersonalSession, PersonalWork } from './contract.js';
import { comingSessions, dueSoonestFirst, soonestFirst } from './domain/personal.js';
import { remindersStopped } from './sql/personal.js';

/** A closed task stays on the page this long, with the answer given, before it leaves. */
const CLOSED_TASK_DAYS = 7;

function taskView(task: ReflectionTask & { planItemTitle?: string | null; deliveredCount?: number }, now: Date): TaskView {
  return {
    id: task.id,
    kind: task.kind,
    title: task.title,
    prompts: task.prompts,
    answerMode: task.answerMode,
    visibility: task.visibility,
    dueAt: task.dueAt.toISOString(),
    open: isOpen(task, now),
    planItemId: task.planItemId,
    planItemTitle: task.planItemTitle ?? null,
    deliveredCount: task.deliveredCount ?? 0,
  };
}

/** The networks the person is a member of (a coordinator follows from outside and has no tasks of their own). */
async function ownNetworks(db: Queryable, actor: Actor): Promise<Network[]> {
  const networks: Network[] = [];
  for (const m of actor.memberships) {
    const network = await findNetworkById(db, m.networkId);
    if (network && policy.viewNetwork(actor, network).allowed) networks.push(network);
  }
  return networks;
}

/**
 * The person's view of these reflection tasks of a network (open and unanswered first), as their
 * page shows them; the samling's side panel in the Teams meeting shows its task the same way.
 */
export async function personalReflections(
  db: Queryable,
  actor: Actor,
  network: Network,
  tasks: TaskOverview[],
  municipalityName: string | null,
  now: Date,
): Promise<{ value: PersonalReflection; dueAt: Date; done: boolean }[]> {
  const municipality = actor.memberships.find((m) => m.networkId === network.id)?.municipalityNumber ?? null;
  const reflections: { value: PersonalReflection; dueAt: Date; done: boolean }[] = [];
  for (const item of await mineItems(db, actor, network, tasks, now)) {
    const group = item.task.answerMode === 'kommune' && municipality ? await currentGroupVersion(db, item.task.id, municipality) : undefined;
    const overview = tasks.find((r) => r.id === item.task.id)!;
    reflections.push({
      value: {
        networkId: network.id,
        networkName: network.name,
        task: taskView(overview, now),
        state: item.state,
        answers: item.answers,
        note: item.note,
        baseVersion: item.task.answerMode === 'kommune' ? (group?.version ?? 0) : null,
        municipalityName,
      },
      dueAt: item.task.dueAt,
      done: !item.open || item.state !== 'ubesvart',
    });
  }
  return reflections;
}

export async function personalOverview(db: Queryable, polls: PollService, actor: Actor, now: Date): Promise<PersonalOverviewResponse> {
  const networks = await ownNetworks(db, actor);
  // Each entry with the instant it is sorted by, across networks.
  const sessions: { value: PersonalSession; startsAt: Date }[] = [];
  const openPolls: PersonalPoll[] = [];
  const reflections: { value: PersonalReflection; dueAt: Date; done: boolean }[] = [];
  const work: { value: PersonalWork; dueAt: Date; done: boolean }[] = [];
  const listed: PersonalOverviewResponse['networks'] = [];

  for (const network of networks) {
    const membership = actor.memberships.find((m) => m.networkId === network.id)!;
    const municipality = membership.municipalityNumber;
    const where = { networkId: network.id, networkName: network.name };
    const [items, slots, municipalities] = await Promise.all([planForNetwork(db, network.id), slotsForNetwork(db, network.id), networkMunicipalities(db, network.id)]);
    const municipalityName = municipalities.find((m) => m.number === municipality)?.name ?? null;
    listed.push({ ...where, role: membership.role, municipalityName });

    for (const s of comingSessions(items, slots, municipality, now)) {
      const namedSlots = slots.filter((x) => x.planItemId === s.item.id);
      sessions.push({
        value: { ...where, item: planItemDto({ ...s.item, namedSlots }), startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() },
        startsAt: s.startsAt,
      });
    }

    if (pollPolicy.vote(actor, network).allowed) {
      const voter = { memberId: actor.memberId, tenantId: actor.tenantId, aadObjectId: actor.aadObjectId, municipalityNumber: municipality, isFacilitator: membership.role === 'fasilitator' };
      for (const p of await listPolls(db, network.id)) {
        if (pollStatus(p, now) !== 'apen') continue;
        openPolls.push({ ...where, poll: pollDto(p, now, { respondents: p.respondents }), myAnswer: (await polls.myAnswer(p, voter)) ?? null });
      }
    }

    if (policy.answerReflection(actor, network).allowed) {
      const recent = (await reflectionTasksOfNetwork(db, network.id)).filter((task) => isOpen(task, now) || now.getTime() - task.dueAt.getTime() < CLOSED_TASK_DAYS * 86_400_000);
      reflections.push(...(await personalReflections(db, actor, network, recent, municipalityName, now)));
    }

    if (municipality && policy.viewMunicipalityWork(actor, network, municipality).allowed) {
      const [assignments, rows] = await Promise.all([assignmentsOfNetwork(db, network.id), workOfNetwork(db, network.id, municipality)]);
      for (const w of rows) {
        const a = assignments.find((x) => x.id === w.assignmentId);
        if (!a || w.municipalityNumber !== municipality) continue;
        work.push({
          value: {
            ...where,
            assignmentId: a.id,
            title: a.title,
            description: a.description,
            dueAt: a.dueAt.toISOString(),
            planItemTitle: items.find((p) => p.id === a.planItemId)?.title ?? null,
            municipalityName: w.municipalityName,
            status: w.status,
            overdue: isOverdue(a.dueAt, w.status, now),
            submissionText: w.submissionText,
            submissionUrl: w.submissionUrl,
            feedback: w.feedback,
            deliveredAt: w.deliveredAt?.toISOString() ?? null,
          },
          dueAt: a.dueAt,
          done: w.status === 'levert' || w.status === 'tilbakemelding-gitt',
        });
      }
    }
  }

  return {
    timeZone: OSLO,
    registered: actor.memberId !== '',
    remindersOn: actor.memberId ? !(await remindersStopped(db, actor.memberId)) : false,
    networks: listed,
    sessions: soonestFirst(sessions).map((s) => s.value),
    polls: openPolls.sort((a, b) => Number(a.myAnswer !== null) - Number(b.myAnswer !== null) || a.poll.opensAt.localeCompare(b.poll.opensAt)),
    reflections: dueSoonestFirst(reflections).map((r) => r.value),
    work: dueSoonestFirst(work).map((w) => w.value),
  };
}
