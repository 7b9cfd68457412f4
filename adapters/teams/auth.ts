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
  return new ConfigurationBotFrameworkAuthentication(settings, credentials);
}

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Logic = (context: TurnContext) => Promise<void>;

/**
 * CloudAdapter with authentication and the turn as two steps. `process()` mixes them: it answers 500
 * to a token signed with an unknown or wrong key (a plain JsonWebTokenError) and rejects outside its
 * own error handling on a body without a type. Split, every authentication failure can be a 401.
 */
export class CaravaneCloudAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Checks the Authorization header for this activity; throws whatever botbuilder throws when it fails. */
  authenticate(authorization: string, activity: Activity): Promise<Authenticated> {
    return this.auth.authenticateRequest(activity, authorization);
  }

  /** Runs one already authenticated turn; resolves to the invoke response, if the turn made one. */
  async runTurn(authenticated: Authenticated, activity: Activity, logic: Logic): Promise<{ status: number; body?: unknown } | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
