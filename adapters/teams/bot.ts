/**
 * The Teams activity handler: messages are commands (or Action.Submit card answers), the
 * `adaptiveCard/action` invoke is the pledge card's Action.Execute. Conversation references are kept
 * by the adapter's turn logic before this runs.
 */
import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { t } from '../../src/shared/i18n/index.js';
import { readTurn, type TeamsTurn } from './activity.js';
import { answerMessage } from './commands.js';
import type { TeamsContext } from './context.js';
import { answerPhotoSubmit, photoCardAction } from './photos/actions.js';
import { receiveTeamsPhotos } from './photos/inbound.js';
import { CARD_CONTENT_TYPE, cardActivity, type Card } from './render.js';
import { submitCard } from './card-submit.js';
import { teamsPlain } from './text.js';

const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
const executeValue = z.looseObject({ action: z.looseObject({ data: z.unknown() }) });

/** The body of an `adaptiveCard/action` invoke response (Teams Universal Actions). */
export type CardActionResponse = { statusCode: number; type: string; value: Card | string };

export class CaravaneTeamsBot extends TeamsActivityHandler {
  constructor(private readonly tc: TeamsContext) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.message(ctx, readTurn(ctx.activity));
      await next();
    });
  }

  private async message(ctx: TurnContext, turn: TeamsTurn): Promise<void> {
    // Photos: a photo card's Action.Submit, or images sent in the 1:1 chat.
    if ((await answerPhotoSubmit(this.tc, ctx, turn)) || (await receiveTeamsPhotos(this.tc, ctx, turn))) return;
    const outcome = await submitCard(this.tc, turn, ctx.activity.value);
    if (!outcome) {
      await answerMessage(this.tc, ctx, turn);
      return;
    }
    // Action.Submit: replace the card it came from; when Teams does not let us, answer below it.
    if (turn.replyToId) {
      try {
        await ctx.updateActivity({ ...cardActivity(outcome.card), id: turn.replyToId });
        return;
      } catch (error) {
        this.tc.logger.info({ component: 'teams', activityId: turn.activityId, err: String(error) }, 'card update refused; replying instead');
      }
    }
    await ctx.sendActivity(cardActivity(outcome.card));
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    if (ctx.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(ctx);
    return { status: 200, body: await this.cardAction(ctx, readTurn(ctx.activity)) };
  }

  /** Action.Execute: the invoke response itself carries the card that replaces the form. */
  private async cardAction(ctx: TurnContext, turn: TeamsTurn): Promise<CardActionResponse> {
    const value = executeValue.safeParse(ctx.activity.value);
    const data = value.success ? value.data.action.data : undefined;
    const photo = await photoCardAction(this.tc, turn, data);
    if (photo)
      return { statusCode: 200, type: photo.kind === 'card' ? CARD_CONTENT_TYPE : MESSAGE_RESPONSE, value: photo.kind === 'card' ? photo.card : photo.text };
    const outcome = await submitCard(this.tc, turn, data);
    if (!outcome) {
      const c = t(turn.locale ?? this.tc.deps.defaultLocale);
      return { statusCode: 200, type: MESSAGE_RESPONSE, value: teamsPlain(c.teams.cardUnknown) };
    }
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: outcome.card };
  }
}
