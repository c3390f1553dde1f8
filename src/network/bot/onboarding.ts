import { onboardingCard, REGISTER_VERB, registeredCard } from '../cards/onboarding.js';
import { messageCard } from '../../shared/cards/notice.js';
import { networkMunicipalities, setMemberSector, setNetworkMember, upsertMember } from '../sql/members.js';
import { sectorLabel } from '../../shared/labels.js';
import { policy } from '../../shared/policy.js';
import { sectors, type Network } from '../../shared/types.js';
import { z } from '../../shared/validation.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, CardAction } from '../../shared/bot/routes.js';
import { t } from '../messages.js';

// Messages as functions: read in the language of the turn that sends the card, not at load time.
const registerSchema = z.object({
  networkId: z.uuid({ error: () => t('onboarding.invalidNetwork') }),
  municipalityNumber: z.string({ error: () => t('onboarding.chooseMunicipality') }).regex(/^\d{4}$/, { error: () => t('onboarding.chooseMunicipalityFromList') }),
  sector: z.enum(sectors, { error: () => t('onboarding.chooseSector') }),
});

export async function sendOnboarding(ctx: BotTurn, network: Network): Promise<void> {
  const municipalities = await networkMunicipalities(ctx.deps.db, network.id);
  await sendCard(ctx, onboardingCard(network, municipalities));
}

/** A person in the network's team registers themselves as deltaker for one of its municipalities. */
export const registerAction: CardAction<z.infer<typeof registerSchema>> = {
  verb: REGISTER_VERB,
  schema: registerSchema,
  async run(ctx, data) {
    const network = ctx.network;
    if (!network || network.id !== data.networkId) {
      return messageCard(t('onboarding.failedTitle'), t('onboarding.otherNetwork'), 'attention');
    }
    const { aadObjectId } = ctx.turn.activity.from;
    const { tenantId } = ctx.turn.activity.conversation;
    if (!aadObjectId || !tenantId) {
      return messageCard(t('onboarding.failedTitle'), t('onboarding.unknownPerson'), 'attention');
    }
    if (policy.viewNetwork(ctx.actor, network).allowed) {
      return messageCard(t('onboarding.alreadyTitle'), t('onboarding.alreadyBody', { network: network.name }));
    }
    const municipalities = await networkMunicipalities(ctx.deps.db, network.id);
    const municipality = municipalities.find((m) => m.number === data.municipalityNumber);
    if (!municipality) return onboardingCard(network, municipalities, t('onboarding.municipalityNotInNetwork'));
    await ctx.deps.db.transaction(async (tx) => {
      const memberId = await upsertMember(tx, {
        tenantId,
        aadObjectId: aadObjectId.toLowerCase(),
        displayName: ctx.turn.activity.from.name?.trim() || t('member.noName'),
        sector: data.sector,
      });
      await setMemberSector(tx, memberId, data.sector);
      await setNetworkMember(tx, network.id, memberId, 'deltaker', municipality.number);
    });
    return registeredCard(network.name, municipality.name, sectorLabel[data.sector].toLowerCase());
  },
};
