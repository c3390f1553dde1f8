import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createHmac, createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer botbuilder expects on tokens from the Bot Framework channel (public Azure). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export const TRUSTED_KID = 'local-channel-key';

export interface TokenOptions {
  /** Claims merged over the defaults (iss, aud, serviceurl, iat, nbf, exp). */
  claims?: JWTPayload & Record<string, unknown>;
  /** Claims to drop from the defaults. */
  omit?: string[];
  /** `trusted`: the key published in the JWKS; `impostor`: a key that is not. */
  key?: 'trusted' | 'impostor';
  /** Defaults to the trusted key's kid; `null` leaves kid out of the header. */
  kid?: string | null;
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A stand-in for the Bot Framework's token signing on loopback: serves an OpenID metadata
 * document and a JWKS holding one locally generated RSA key (endorsed for `msteams`, as the
 * real channel keys are), and signs channel tokens with it or with a key it does not publish.
 */
export class BotTokenIssuer {
  /** Paths requested from this server, in order (proves botbuilder read our metadata). */
  readonly requests: string[] = [];
  private server: Server | undefined;
  private trusted!: { privateKey: CryptoKey; jwk: JWK; publicPem: string };
  private impostor!: { privateKey: CryptoKey };

  constructor(
    readonly appId: string,
    private readonly endorsements: string[] = ['msteams'],
  ) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('BotTokenIssuer er ikke startet');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    const trusted = await generateKeyPair('RS256');
    const jwk = await exportJWK(trusted.publicKey);
    this.trusted = {
      privateKey: trusted.privateKey,
      // The PEM botbuilder builds from the JWK (PKCS#1, same bytes as rsa-pem-from-mod-exp).
      publicPem: createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'pkcs1', format: 'pem' }).toString(),
      jwk: { ...jwk, kid: TRUSTED_KID, use: 'sig', alg: 'RS256', endorsements: this.endorsements } as JWK,
    };
    this.impostor = { privateKey: (await generateKeyPair('RS256')).privateKey };

    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.requests.push(path);
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path === '/.well-known/openidconfiguration') {
        return json({
          issuer: CHANNEL_ISSUER,
          authorization_endpoint: `${this.url}/authorize`,
          jwks_uri: `${this.url}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      }
      if (path === '/keys') return json({ keys: [this.trusted.jwk] });
      // Emulator-style tokens are validated against this one: it publishes no keys at all.
      if (path === '/emulator/.well-known/openid-configuration') {
        return json({ issuer: 'https://login.microsoftonline.com/common/v2.0', jwks_uri: `${this.url}/emulator/keys` });
      }
      if (path === '/emulator/keys') return json({ keys: [] });
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * Options for botbuilder's ConfigurationBotFrameworkAuthentication. Setting any of these
   * makes botbuilder use exactly these values (unset ones become undefined, not the public
   * cloud defaults), so every URL is given and every one is on loopback.
   */
  authOverrides(): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
    return {
      ToBotFromChannelOpenIdMetadataUrl: `${this.url}/.well-known/openidconfiguration`,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.url}/emulator/.well-known/openid-configuration`,
      ToChannelFromBotLoginUrl: `${this.url}/login`,
      ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
      OAuthUrl: `${this.url}/oauth`,
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: false,
    };
  }

  /** A channel token as the Bot Framework would send it for an activity to `serviceUrl`. */
  async token(serviceUrl: string, options: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      iss: CHANNEL_ISSUER,
      aud: this.appId,
      // Lower case, as the channel sends it and botbuilder reads it.
      serviceurl: serviceUrl,
      iat: now - 60,
      nbf: now - 60,
      exp: now + 3600,
      ...options.claims,
    };
    for (const claim of options.omit ?? []) delete payload[claim];
    const kid = options.kid === undefined ? TRUSTED_KID : options.kid;
    const key = options.key === 'impostor' ? this.impostor.privateKey : this.trusted.privateKey;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid === null ? {} : { kid }) })
      .sign(key);
  }

  /** The same claims with `alg: none` and no signature. */
  unsignedToken(serviceUrl: string, options: Pick<TokenOptions, 'kid'> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const kid = options.kid === undefined ? TRUSTED_KID : options.kid;
    const header = { alg: 'none', typ: 'JWT', ...(kid === null ? {} : { kid }) };
    const payload = { iss: CHANNEL_ISSUER, aud: this.appId, serviceurl: serviceUrl, iat: now - 60, nbf: now - 60, exp: now + 3600 };
    return `${b64url(header)}.${b64url(payload)}.`;
  }

  /**
   * The classic algorithm confusion: HS256 "signed" with the published public key as the
   * HMAC secret, which a verifier that trusts the header's `alg` would accept.
   */
  hmacWithPublicKeyToken(serviceUrl: string): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'HS256', typ: 'JWT', kid: TRUSTED_KID };
    const payload = { iss: CHANNEL_ISSUER, aud: this.appId, serviceurl: serviceUrl, iat: now - 60, nbf: now - 60, exp: now + 3600 };
    const signingInput = `${b64url(header)}.${b64url(payload)}`;
    const signature = createHmac('sha256', this.trusted.publicPem).update(signingInput).digest('base64url');
    return `${signingInput}.${signature}`;
  }
}
