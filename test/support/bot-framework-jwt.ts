/**
 * Bot Framework authentication offline: an OpenID metadata + JWKS endpoint on loopback serving a
 * generated RSA key endorsed for `msteams`, tokens signed like the Bot Connector's, and a credentials
 * factory so the bot's outbound calls never ask Microsoft's login for a token.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TeamsCredentialsFactory } from '../../adapters/teams/auth.js';

export const APP_ID = '1f2e3d4c-0000-4000-8000-00000000c0de';
export const ISSUER = 'https://api.botframework.com';
/** The token the fake factory puts on every outbound call, so tests can see it was used. */
export const OUTBOUND_TOKEN = 'Bearer outbound-test-token';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface OpenIdServer {
  metadataUrl: string;
  /** The key the JWKS publishes. */
  key: SigningKey;
  /** A key nobody publishes (kid unknown to the bot). */
  strangerKey: SigningKey;
  /** How many times the bot fetched the metadata and the keys. */
  fetches: { metadata: number; keys: number };
  close(): Promise<void>;
}

function newKey(kid: string): SigningKey & { publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export async function startOpenIdServer(): Promise<OpenIdServer> {
  const published = newKey('caravane-test-key');
  const stranger = newKey('someone-elses-key');
  const fetches = { metadata: 0, keys: 0 };
  let base = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      fetches.metadata++;
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      return;
    }
    if (req.url === '/keys') {
      fetches.keys++;
      const jwk = published.publicKey.export({ format: 'jwk' });
      res.end(JSON.stringify({ keys: [{ ...jwk, kid: published.kid, use: 'sig', endorsements: ['msteams'] }] }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/openid`,
    key: published,
    strangerKey: stranger,
    fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

/** A Bot Connector token: RS256, `kid` in the header, issuer, audience (our app id) and `serviceurl` claims. */
export function signToken(key: SigningKey, claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = claims.expiresIn ?? 3600;
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const payload = {
    iss: claims.iss ?? ISSUER,
    aud: claims.aud ?? APP_ID,
    serviceurl: claims.serviceurl,
    nbf: Math.min(now, now + expiresIn) - 600,
    iat: Math.min(now, now + expiresIn) - 600,
    exp: now + expiresIn,
  };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key.privateKey);
  return `${signingInput}.${b64url(signature)}`;
}

/** Outbound credentials that sign with a fixed test token instead of asking Microsoft's login (MSAL). */
export function fakeCredentials(appId = APP_ID): TeamsCredentialsFactory {
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(request: T) => {
        request.headers.set('authorization', OUTBOUND_TOKEN);
        return request;
      },
    }),
  } as unknown as TeamsCredentialsFactory;
}
