import { decide, idSchema, type ApiContext } from '../../shared/api/context.js';
import type { Actor, Decision } from '../../shared/policy.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { Network } from '../../shared/types.js';
import { findNetworkById } from '../sql/networks.js';
import { t } from '../messages.js';

/** Looks up the network named in the path; a malformed id is 400, an unknown one 404. */
export async function networkFromPath(ctx: ApiContext, rawId: string | undefined): Promise<Result<Network>> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return fail('ugyldig-forespørsel', t('api.badNetworkId')); // i18n-ignore (the code; the text is t())
  const network = await findNetworkById(ctx.db, id.data);
  return network ? ok(network) : fail('finnes-ikke', t('api.networkNotFound'));
}

/** The network in the path, if the policy rule lets the caller at it: the common first step of a route. */
export async function authorizedNetwork(
  ctx: ApiContext,
  rawId: string | undefined,
  rule: (actor: Actor, network: Network) => Decision,
): Promise<Result<Network>> {
  const network = await networkFromPath(ctx, rawId);
  if (!network.ok) return network;
  const allowed = decide(rule(ctx.actor, network.value));
  return allowed.ok ? network : allowed;
}
