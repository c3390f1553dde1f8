import { DEV_USER_HEADER } from '../../src/shared/api/caller.js';
import { demoMembers } from '../../src/demo/demo.js';

const byName = (name: string) => demoMembers.find((m) => m.displayName === name)!;

export const ingrid = byName('Ingrid Haugen'); // fasilitator
export const per = byName('Per Olsen'); // koordinator for the region
export const kari = byName('Kari Nordmann'); // deltaker, Bærum
export const ola = byName('Ola Berg'); // deltaker, Asker
export const stranger = { aadObjectId: '00000000-0000-4000-8000-0000000000ff', displayName: 'Ukjent Person' };

/** Dev sign-in headers (local mode, loopback) for a person. */
export const as = (person: { aadObjectId: string }) => ({ [DEV_USER_HEADER]: person.aadObjectId });
