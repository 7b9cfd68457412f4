/**
 * Bot Framework authentication from our configuration. No MICROSOFT_APP_ID: botbuilder accepts any
 * caller and signs nothing (local use with the Emulator). With it, every activity's JWT is checked.
 */
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import type { Config } from '../config.js';

/** botbuilder's ServiceClientCredentialsFactory: tests pass one that never calls Microsoft's login. */
export type TeamsCredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/**
 * botbuilder's public-cloud endpoints. When any of these keys is set, botbuilder takes all of them from
 * configuration (missing ones become undefined), so overriding the metadata URL means giving them all.
 */
const PUBLIC_CLOUD = {
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

export function teamsAuthentication(teams: Config['teams'], credentials?: TeamsCredentialsFactory): ConfigurationBotFrameworkAuthentication {
  const appType = teams.appType === 'UserAssignedMSI' ? 'UserAssignedMsi' : teams.appType;
  const settings = {
    MicrosoftAppId: teams.appId ?? '',
    MicrosoftAppPassword: teams.appPassword ?? '',
    MicrosoftAppTenantId: teams.tenantId ?? '',
    MicrosoftAppType: appType,
    ...(teams.openIdMetadataUrl ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: teams.openIdMetadataUrl, ValidateAuthority: true } : {}),
  };
  return new CaravaneAuthentication(settings, credentials);
}

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/**
 * botbuilder builds a user-token client (for sign-in prompts, which Caravane does not use) on every
 * turn, with its own HTTP pipeline; it depends only on the bot's app id, so one per app id is kept.
 */
class CaravaneAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override createUserTokenClient(claims: ClaimsIdentity): Promise<UserTokenClient> {
    // The app id the claims carry: `appid` in v1 tokens, `azp` in v2; none without authentication.
    const key = claims.getClaimValue('appid') ?? claims.getClaimValue('azp') ?? '';
    return kept(this.tokenClients, key, () => super.createUserTokenClient(claims));
  }
}

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Logic = (context: TurnContext) => Promise<void>;
type ConnectorFactory = NonNullable<Authenticated['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/**
 * CloudAdapter with authentication and the turn as two steps. `process()` mixes them: it answers 500
 * to a token signed with an unknown or wrong key (a plain JsonWebTokenError) and rejects outside its
 * own error handling on a body without a type. Split, every authentication failure can be a 401.
 */
export class CaravaneCloudAdapter extends CloudAdapter {
  /**
   * Connector clients by service URL and audience. botbuilder builds one per turn (credentials, an
   * HTTP pipeline of a dozen policies), which cost more than the turn's own work; a client holds
   * nothing of a turn, so the few service URLs a bot talks to keep theirs.
   */
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Checks the Authorization header for this activity; throws whatever botbuilder throws when it fails. */
  authenticate(authorization: string, activity: Activity): Promise<Authenticated> {
    return this.auth.authenticateRequest(activity, authorization);
  }

  /** Runs one already authenticated turn; resolves to the invoke response, if the turn made one. */
  async runTurn(authenticated: Authenticated, activity: Activity, logic: Logic): Promise<{ status: number; body?: unknown } | undefined> {
    const factory = authenticated.connectorFactory;
    return this.processActivity(factory ? { ...authenticated, connectorFactory: this.reusing(factory) } : authenticated, activity, logic);
  }

  private reusing(factory: ConnectorFactory): ConnectorFactory {
    return {
      create: (serviceUrl, audience) => kept(this.clients, `${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }
}

/** Service URLs are a handful of regional hosts; more than this means something odd, not a need to keep them all. */
const MAX_CLIENTS = 64;

/** A client kept by key, the oldest dropped past MAX_CLIENTS; a failed creation is not kept, so the next turn tries again. */
function kept<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= MAX_CLIENTS) cache.delete(cache.keys().next().value ?? '');
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.get(key) === made && cache.delete(key));
  return made;
}
