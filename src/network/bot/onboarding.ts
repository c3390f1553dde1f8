import { onboardingCard, REGISTER_VERB, registeredCard } from '../cards/onboarding.js';
import { messageCard } from '../../shared/cards/notice.js';
import { networkMunicipalities, setMemberSector, setNetworkMember, upsertMember } from '../sql/members.js';
import { sectorLabel } from '../../shared/labels.js';
import { policy } from '../../shared/policy.js';
import { sectors, type Network } from '../../shared/types.js';
import { z } from '../../shared/validation.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { BotTurn, CardAction } from '../../shared/bot/routes.js';

const registerSchema = z.object({
  networkId: z.uuid({ error: 'ukjent nettverk' }),
  municipalityNumber: z.string({ error: 'velg en kommune' }).regex(/^\d{4}$/, 'velg en kommune fra listen'),
  sector: z.enum(sectors, { error: 'velg en sektor fra listen' }),
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
      return messageCard('Kunne ikke registrere deg', 'Dette kortet gjelder et annet læringsnettverk enn denne samtalen.', 'attention');
    }
    const { aadObjectId } = ctx.turn.activity.from;
    const { tenantId } = ctx.turn.activity.conversation;
    if (!aadObjectId || !tenantId) {
      return messageCard('Kunne ikke registrere deg', 'Jeg ser ikke hvem du er. Åpne Teams med jobbkontoen din og prøv igjen.', 'attention');
    }
    if (policy.viewNetwork(ctx.actor, network).allowed) {
      return messageCard('Du er allerede registrert', `Du er allerede med i ${network.name}.`);
    }
    const municipalities = await networkMunicipalities(ctx.deps.db, network.id);
    const municipality = municipalities.find((m) => m.number === data.municipalityNumber);
    if (!municipality) return onboardingCard(network, municipalities, 'Kommunen er ikke med i dette nettverket. Velg fra listen.');
    await ctx.deps.db.transaction(async (tx) => {
      const memberId = await upsertMember(tx, {
        tenantId,
        aadObjectId: aadObjectId.toLowerCase(),
        displayName: ctx.turn.activity.from.name?.trim() || 'Uten navn',
        sector: data.sector,
      });
      await setMemberSector(tx, memberId, data.sector);
      await setNetworkMember(tx, network.id, memberId, 'deltaker', municipality.number);
    });
    return registeredCard(network.name, municipality.name, sectorLabel[data.sector].toLowerCase());
  },
};
