import type { Locale } from './i18n/locale.js';
import type { NetworkRole } from './types.js';

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
  /** The language they chose themselves, if any (see src/shared/i18n/locale.ts for the order). */
  savedLocale?: Locale | null;
  /** The last locale their Teams client sent: stands in for the activity's in proactive messages. */
  teamsLocale?: string | null;
}

export interface NetworkScope {
  id: string;
  regionId: string;
}

export type DenyReason = 'ikke-medlem' | 'mangler-rolle' | 'annen-kommune' | 'anonymt';

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason; message: string };

const allow: Decision = { allowed: true };
const deny = (reason: DenyReason, message: string): Decision => ({ allowed: false, reason, message });

const NOT_MEMBER = deny('ikke-medlem', 'Du er ikke medlem av dette læringsnettverket.');

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
    return roleIn(actor, network.id) || coordinates(actor, network) ? allow : NOT_MEMBER;
  },

  /** Plan, team binding and reform phase: the facilitators run the network. */
  editNetwork(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare fasilitatorer i nettverket kan endre dette.');
    }
    return NOT_MEMBER;
  },

  /** Member list: facilitators manage it, coordinators may read it. */
  viewMembers(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'Bare fasilitatorer og koordinatorer kan se medlemslisten.');
    return NOT_MEMBER;
  },

  manageMembers(actor: Actor, network: NetworkScope): Decision {
    return policy.editNetwork(actor, network);
  },

  /** Retention is a data-protection decision: the network's facilitators or the region's coordinator. */
  changeRetention(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'Bare fasilitatorer og koordinatorer kan endre lagringstiden.');
    return NOT_MEMBER;
  },

  /** A municipality's mellomarbeid: its own deltakere, the facilitators and the coordinator. */
  viewMunicipalityWork(actor: Actor, network: NetworkScope, municipalityNumber: string): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    const own = actor.memberships.find((m) => m.networkId === network.id);
    if (!own) return NOT_MEMBER;
    return own.municipalityNumber === municipalityNumber
      ? allow
      : deny('annen-kommune', 'Du kan bare se arbeidet til din egen kommune.');
  },

  /** Updating a municipality's mellomarbeid: only its own deltakere (facilitators give feedback). */
  updateMunicipalityWork(actor: Actor, network: NetworkScope, municipalityNumber: string): Decision {
    const own = actor.memberships.find((m) => m.networkId === network.id);
    if (!own) return NOT_MEMBER;
    if (own.role === 'fasilitator') return allow;
    return own.municipalityNumber === municipalityNumber
      ? allow
      : deny('annen-kommune', 'Du kan bare oppdatere arbeidet til din egen kommune.');
  },

  /** A private (facilitators-only) reflection: its author and the facilitators. */
  readPrivateReflection(actor: Actor, network: NetworkScope, authorMemberId: string): Decision {
    if (actor.memberId === authorMemberId || isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Denne refleksjonen er bare synlig for fasilitatorene.');
    }
    return NOT_MEMBER;
  },

  /** Nobody in the app learns who gave an anonymous answer: no member id is stored with it, and the rule says so too. */
  readAnonymousAuthor(_actor: Actor): Decision {
    return deny('anonymt', 'Anonyme svar kan ikke knyttes til en person – heller ikke av koordinatorer.');
  },

  readAuditLog(actor: Actor, regionId: string): Decision {
    return actor.coordinatorRegionIds.includes(regionId)
      ? allow
      : deny('mangler-rolle', 'Bare koordinatorer for regionen kan lese endringsloggen.');
  },

  // ── Reflection tasks, mellomarbeid, focus areas and phase (issue 5) ──

  /** Reflection tasks and mellomarbeid assignments are set by the network's facilitators. */
  createTasks(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare fasilitatorer kan lage oppgaver og mellomarbeid.');
    }
    return NOT_MEMBER;
  },

  /** Answering is for deltakere: facilitators set the task, coordinators follow from outside. */
  answerReflection(actor: Actor, network: NetworkScope): Decision {
    const own = actor.memberships.find((m) => m.networkId === network.id);
    if (own?.role === 'deltaker' && own.municipalityNumber) return allow;
    if (own || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare deltakere svarer på refleksjonsoppgaver.');
    }
    return NOT_MEMBER;
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
      return deny('mangler-rolle', 'Svarene på denne oppgaven er bare synlige for fasilitatorene. Skriv «mine refleksjoner» for å se dine egne.');
    }
    return NOT_MEMBER;
  },

  /** Feedback on delivered mellomarbeid, and reopening it. */
  reviewMunicipalityWork(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare fasilitatorer kan gi tilbakemelding eller åpne levert arbeid igjen.');
    }
    return NOT_MEMBER;
  },

  /** The reform phase of a municipality is the facilitators' assessment. */
  setPhase(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare fasilitatorer kan sette kommunens fase.');
    }
    return NOT_MEMBER;
  },

  // ── Reminders (issue 6) ──

  /** The delivery report names who got a reminder and who did not: the network's facilitators. */
  viewReminderReport(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare fasilitatorer kan se hvem som har fått påminnelser.');
    }
    return NOT_MEMBER;
  },

  /** Reminder rules, quiet hours and «send a reminder now»: the facilitators run the network. */
  manageReminders(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare fasilitatorer kan styre påminnelsene.');
    }
    return NOT_MEMBER;
  },
};

// ── Polls (issue 4) ──

/** Who may do what with polls; every poll command, card action and route asks these. */
export const pollPolicy = {
  /** Create, close, reopen, repeat and send 1:1: the network's facilitators. */
  managePolls(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network)) return allow;
    if (roleIn(actor, network.id) || coordinates(actor, network)) {
      return deny('mangler-rolle', 'Bare fasilitatorer i nettverket kan lage, lukke, åpne igjen og gjenta målinger.');
    }
    return NOT_MEMBER;
  },

  /** Answering: members of the network (deltakere and facilitators). Coordinators follow from outside. */
  vote(actor: Actor, network: NetworkScope): Decision {
    if (roleIn(actor, network.id)) return allow;
    if (coordinates(actor, network)) return deny('mangler-rolle', 'Koordinatorer følger målingene i fanen, men svarer ikke selv.');
    return NOT_MEMBER;
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
      return deny('mangler-rolle', 'Fordelingen per kommune og sektor viser bare grupper med minst fem svar.');
    }
    return NOT_MEMBER;
  },

  /** Export names named voters, so it is for facilitators and the region's coordinator. */
  exportAnswers(actor: Actor, network: NetworkScope): Decision {
    if (isFacilitator(actor, network) || coordinates(actor, network)) return allow;
    if (roleIn(actor, network.id)) return deny('mangler-rolle', 'Bare fasilitatorer og koordinatorer kan eksportere svarene.');
    return NOT_MEMBER;
  },
};
