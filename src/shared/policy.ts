import type { Locale } from '../platform/i18n/locale.js';
import type { NetworkRole } from './types.js';
import { t } from './messages.js';
import type nb from './messages/nb.json';

type PolicyMessage = keyof typeof nb.policy;

/**
 * Every "may this person do that?" in one place. The HTTP routes and the bot's commands and
 * card actions ask these functions and nothing else, so a rule changes in one spot.
 */
export interface Actor {
  memberId: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  memberships: { networkId: string; role: NetworkRole; municipalityNumber: string | null }[];
  coordinatorRegionIds: string[];
  /** The language they chose themselves, if any (see src/platform/i18n/locale.ts for the order). */
  savedLocale?: Locale | null;
  /** The last locale their Teams client sent: stands in for the activity's in proactive messages. */
  teamsLocale?: string | null;
}

export interface NetworkScope {
  id: string;
  regionId: string;
  /** Set once the programme has ended: every write rule below then refuses ('avsluttet'). */
  endedAt?: Date | null;
}

export type DenyReason = 'ikke-medlem' | 'mangler-rolle' | 'annen-kommune' | 'anonymt' | 'avsluttet';

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason; message: string };

const allow: Decision = { allowed: true };
/** The message is read when the decision is made, in the asker's language (src/shared/messages/*.json, «policy»). */
const deny = (reason: DenyReason, message: PolicyMessage): Decision => ({ allowed: false, reason, message: t(`policy.${message}`) });

const notMember = (): Decision => deny('ikke-medlem', 'notMember');

/**
 * An ended network is read-only for everyone: a write the person could otherwise make is refused
 * with «Nettverket er avsluttet …». Refusals for other reasons stay as they are, so a stranger
 * still learns nothing about the network.
 */
function unlessEnded(network: NetworkScope, decision: Decision): Decision {
  return decision.allowed && network.endedAt ? deny('avsluttet', 'ended') : decision;
}

function roleIn(actor: Actor, networkId: string): NetworkRole | undefined {
  return actor.memberships.find((m) => m.networkId === networkId)?.role;
}

function coordinates(actor: Actor, network: NetworkScope): boolean {
  return actor.coordinatorRegionIds.includes(network.regionId);
}

export function isFacilitator(actor: Actor, network: NetworkScope): boolean {
  return roleIn(actor, network.id) === 'fasilitator';
}

export const policy = {
  viewNetwork(actor: Actor, network: NetworkScope): Decision {
    return roleIn(actor, network.id) || coordinates(actor, network) ? allow : notMember();
  },

  /** Plan, team binding and reform phase: the facilitators run the network. */
  editNetwork(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return unlessEnded(network, allow);
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'facilitatorsOnly');
    }
    return notMember();
  },

  /** Member list: facilitators manage it, coordinators may read it. */
  viewMembers(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'memberList');
    return notMember();
  },

  manageMembers(actor: Actor, network: NetworkScope): Decision {
    return policy.editNetwork(actor, network);
  },

  /** Municipalities in the network: the facilitators, like members (refused once it has ended). */
  manageMunicipalities(actor: Actor, network: NetworkScope): Decision {
    return policy.editNetwork(actor, network);
  },

  /** Ending a programme: its facilitators. Ending an ended one is the route's conflict, not a refusal here. */
  endNetwork(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) return deny('mangler-rolle', 'endNetwork');
    return notMember();
  },

  /** Taking an ended network back into use (a mistake, a prolonged programme): its facilitators or the region's coordinator. */
  reopenNetwork(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'reopenNetwork');
    return notMember();
  },

  /** A region's coordinators, who see every network there: listed and appointed by its coordinators. */
  viewRegionCoordinators(actor: Actor, regionId: string): Decision {
    return actor.coordinatorRegionIds.includes(regionId) ? allow : deny('mangler-rolle', 'regionCoordinators');
  },

  manageRegionCoordinators(actor: Actor, regionId: string): Decision {
    return policy.viewRegionCoordinators(actor, regionId);
  },

  /**
   * Retention is a data-protection decision: the network's facilitators or the region's
   * coordinator. Still allowed once the network has ended: that is when the data is only kept
   * for retention, and shortening it must stay possible.
   */
  changeRetention(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'retention');
    return notMember();
  },

  /** A municipality's mellomarbeid: its own deltakere, the facilitators and the coordinator. */
  viewMunicipalityWork(actor: Actor, network: NetworkScope, municipalityNumber: string): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    const own = actor.memberships.find((m) => m.networkId === network.id);
    if (!own) return notMember();
    return own.municipalityNumber === municipalityNumber
      ? allow
      : deny('annen-kommune', 'ownMunicipalityRead');
  },

  /** Updating a municipality's mellomarbeid: only its own deltakere (facilitators give feedback). */
  updateMunicipalityWork(actor: Actor, network: NetworkScope, municipalityNumber: string): Decision {
    const own = actor.memberships.find((m) => m.networkId === network.id);
    if (!own) return notMember();
    if (own.role === 'fasilitator') return unlessEnded(network, allow);
    return own.municipalityNumber === municipalityNumber
      ? unlessEnded(network, allow)
      : deny('annen-kommune', 'ownMunicipalityUpdate');
  },

  /** A private (facilitators-only) reflection: its author and the facilitators. */
  readPrivateReflection(actor: Actor, network: NetworkScope, authorMemberId: string): Decision {
    if (actor.memberId === authorMemberId || isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'reflectionFacilitators');
    }
    return notMember();
  },

  /** Nobody in the app learns who gave an anonymous answer: no member id is stored with it, and the rule says so too. */
  readAnonymousAuthor(_actor: Actor): Decision {
    return deny('anonymt', 'anonymous');
  },

  readAuditLog(actor: Actor, regionId: string): Decision {
    return actor.coordinatorRegionIds.includes(regionId)
      ? allow
      : deny('mangler-rolle', 'auditLog');
  },

  // ── Reflection tasks, mellomarbeid, focus areas and phase (issue 5) ──

  /** Reflection tasks and mellomarbeid assignments are set by the network's facilitators. */
  createTasks(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return unlessEnded(network, allow);
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'createTasks');
    }
    return notMember();
  },

  /** Answering is for deltakere: facilitators set the task, coordinators follow from outside. */
  answerReflection(actor: Actor, network: NetworkScope): Decision {
    const own = actor.memberships.find((m) => m.networkId === network.id);
    if (own?.role === 'deltaker' && own.municipalityNumber) return unlessEnded(network, allow);
    if (own || coordinates(actor, network)) {
      return deny('mangler-rolle', 'participantsAnswer');
    }
    return notMember();
  },

  /**
   * The shared summary of a task. «fasilitatorer»: facilitators alone (authors read their own
   * with «mine refleksjoner»); «nettverket» and «anonym»: everyone who sees the network. The
   * five-answer threshold for anonymous tasks applies to all, facilitators included.
   */
  readReflectionSummary(actor: Actor, network: NetworkScope, visibility: 'fasilitatorer' | 'nettverket' | 'anonym'): Decision {
    if (visibility !== 'fasilitatorer') return policy.viewNetwork(actor, network);
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'summaryFacilitators');
    }
    return notMember();
  },

  /** Feedback on delivered mellomarbeid, and reopening it. */
  reviewMunicipalityWork(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return unlessEnded(network, allow);
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'feedback');
    }
    return notMember();
  },

  /** The reform phase of a municipality is the facilitators' assessment. */
  setPhase(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return unlessEnded(network, allow);
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'phase');
    }
    return notMember();
  },

  // ── Reminders (issue 6) ──

  /** The delivery report names who got a reminder and who did not: the network's facilitators. */
  viewReminderReport(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'reminderReport');
    }
    return notMember();
  },

  /** Reminder rules, quiet hours and «send a reminder now»: the facilitators run the network. */
  manageReminders(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return unlessEnded(network, allow);
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'reminders');
    }
    return notMember();
  },

  // ── The personal view (issue 13) ──

  /** «Mine oppgaver og samlinger»: everyone signed in sees their own page (empty for someone not registered). */
  viewOwnOverview(_actor: Actor): Decision {
    return allow;
  },

  /** One's own reminders on or off: a registered member; the app reminds no one else. */
  changeOwnReminders(actor: Actor): Decision {
    return actor.memberId ? allow : notMember();
  },

  // ── Region overview and reporting (issue 13) ──

  /**
   * The region overview, its drill-down and the region's report: its coordinators only. Asked
   * before the region is looked up, so anyone else learns not even whether it exists.
   */
  viewRegionOverview(actor: Actor, regionId: string): Decision {
    return actor.coordinatorRegionIds.includes(regionId) ? allow : deny('mangler-rolle', 'regionOverview');
  },

  /** A network's report (XLSX): its facilitators and the region's coordinator, also once it has ended. */
  exportNetworkReport(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'report');
    return notMember();
  },

  // ── Calendar feeds (issue 13) ──

  /**
   * A calendar subscription to a network's plan: whoever may see the plan, also once it has
   * ended (the feed only reads). Asked again on every fetch of the feed, not only when it is made.
   */
  subscribeNetworkCalendar(actor: Actor, network: NetworkScope): Decision {
    return policy.viewNetwork(actor, network);
  },

  /** The personal feed (their networks' sessions, their own deadlines): someone who is in a network. */
  subscribePersonalCalendar(actor: Actor): Decision {
    return actor.memberId && actor.memberships.length > 0 ? allow : notMember();
  },

  // ── Attendance (issue 13) ──

  /** Recording who attended (check-list, Teams report): the network's facilitators. */
  recordAttendance(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return unlessEnded(network, allow);
    if (roleIn(actor, network.id) || coordinates(actor, network)) return deny('mangler-rolle', 'attendanceRecord');
    return notMember();
  },

  /** Who attended, by name: the facilitators, also once the network has ended. Deltakere never see each other's. */
  viewAttendanceNames(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) return deny('mangler-rolle', 'attendanceNames');
    return notMember();
  },

  /** Attendance counted by sector and municipality: the facilitators and the region's coordinators. */
  viewAttendanceSummary(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'attendanceSummary');
    return notMember();
  },

  // ── Follow-up of who has not answered (issue 13) ──

  /**
   * Who has not answered a reflection task or a named poll, by name: the network's facilitators,
   * also once it has ended. Not the region's coordinators: they follow the network in numbers.
   */
  viewNonAnswerers(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) return deny('mangler-rolle', 'followupNames');
    return notMember();
  },

  /** «Send påminnelse til disse»: the facilitators, while the network runs. */
  remindNonAnswerers(actor: Actor, network: NetworkScope): Decision {
    const decision = policy.viewNonAnswerers(actor, network);
    return decision.allowed ? unlessEnded(network, decision) : decision;
  },

  /**
   * For an anonymous poll or task nobody is told who has not answered, nor reminded by name: the
   * list is the complement of who answered, and a reminder's delivery report names its recipients.
   * Asked after the role rule, so a deltaker is told they are not a facilitator.
   */
  followUpAnonymous(_actor: Actor): Decision {
    return deny('anonymt', 'followupAnonymous');
  },
};

// ── Polls (issue 4) ──

/** Who may do what with polls; every poll command, card action and route asks these. */
export const pollPolicy = {
  /** Create, close, reopen, repeat and send 1:1: the network's facilitators. */
  managePolls(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return unlessEnded(network, allow);
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'polls');
    }
    return notMember();
  },

  /** Answering: members of the network (deltakere and facilitators). Coordinators follow from outside. */
  vote(actor: Actor, network: NetworkScope): Decision {
    if (roleIn(actor, network.id)) return unlessEnded(network, allow);
    if (coordinates(actor, network)) return deny('mangler-rolle', 'coordinatorsDoNotVote');
    return notMember();
  },

  /** Results (with the five-answer threshold for anonymous polls): everyone who sees the network. */
  readResults(actor: Actor, network: NetworkScope): Decision {
    return policy.viewNetwork(actor, network);
  },

  /**
   * Every group of a named poll's breakdown per municipality and sector, however small: the
   * facilitators and the region's coordinator (who may export the named answers anyway).
   * Deltakere see groups of five or more, as for anonymous polls, so a group of one never
   * shows a colleague's answer. Anonymous polls hide small groups from everyone.
   */
  seeFullPollBreakdown(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) {
      return deny('mangler-rolle', 'smallGroups');
    }
    return notMember();
  },

  /** Export names named voters, so it is for facilitators and the region's coordinator. */
  exportAnswers(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'export');
    return notMember();
  },
};
