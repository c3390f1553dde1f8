import { bodyCodes, planItemFormats, planItemKinds } from '../shared/types.js';
import { instant, text, z } from '../shared/validation.js';

/** POST /api/networks/:networkId/plan and PUT …/plan/:itemId */
export const planItemSchema = z
  .object({
    kind: z.enum(planItemKinds, { error: `må være en av ${planItemKinds.join(', ')}` }),
    title: text().trim().min(1, 'kan ikke være tom').max(200, 'kan være maks 200 tegn'),
    agenda: text().trim().max(4000, 'kan være maks 4000 tegn').nullish(),
    startsAt: instant(),
    endsAt: instant(),
    format: z.enum(planItemFormats, { error: `må være en av ${planItemFormats.join(', ')}` }),
    responsibleBody: z.enum(bodyCodes, { error: `må være en av ${bodyCodes.join(', ')}` }).nullish(),
    meetingUrl: z.url({ protocol: /^https$/, error: 'må være en https-lenke' }).max(2000, 'er for lang').nullish(),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { message: 'må være etter starttidspunktet', path: ['endsAt'] });
