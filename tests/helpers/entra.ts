/**
 * A stand-in for Entra ID at the process edge: its key endpoint on loopback, and v2 access
 * tokens for the tab's API signed with the key it publishes (or with one it does not).
 */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_TENANT_ID } from '../../src/demo/demo.js';
import { PRODUCTION_TAB_CLIENT_ID } from './production-env.js';

export const ENTRA_KID = 'entra-test-key';
const FACILITATOR_OID = '00000000-0000-4000-8000-000000000001';

/** Entra ID's key endpoint on loopback, counting how often it is asked. */
export class LocalJwks {
  fetches = 0;
  private server: Server | undefined;
  private jwk!: JWK;
  signingKey!: CryptoKey;
  /** A key this JWKS does not publish (same kid, so only the signature gives it away). */
  otherKey!: CryptoKey;

  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256');
    this.signingKey = pair.privateKey;
    this.jwk = { ...(await exportJWK(pair.publicKey)), kid: ENTRA_KID, use: 'sig', alg: 'RS256' };
    this.otherKey = (await generateKeyPair('RS256')).privateKey;
    this.server = createServer((req, res) => {
      this.fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [this.jwk] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/common/discovery/v2.0/keys`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface TokenOptions {
  /** Merged over a valid v2 token for the demo fasilitator; `undefined` removes a claim. */
  claims?: Record<string, unknown>;
  key?: 'trusted' | 'other';
  kid?: string;
}

export const nowS = () => Math.floor(Date.now() / 1000);

/** A v2 access token for the tab's API, as Teams' getAuthToken hands it over. */
export async function entraToken(jwks: LocalJwks, options: TokenOptions = {}): Promise<string> {
  const tid = (options.claims?.tid as string | undefined) ?? DEMO_TENANT_ID;
  const claims: Record<string, unknown> = {
    aud: PRODUCTION_TAB_CLIENT_ID,
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    iat: nowS() - 60,
    nbf: nowS() - 60,
    exp: nowS() + 3600,
    tid,
    oid: FACILITATOR_OID,
    scp: 'access_as_user',
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ver: '2.0',
    name: 'Ingrid Haugen',
    ...options.claims,
  };
  for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? ENTRA_KID })
    .sign(options.key === 'other' ? jwks.otherKey : jwks.signingKey);
}
