/** `/caravan photos …`: everyone lists and withdraws their own photos; HR posts the album and reviews. */
import { photosCommand } from '../../photos/photos-command.js';
import type { CaravanFeature } from '../verbs.js';

export const photoVerbs: CaravanFeature = {
  help: { everyone: (c, p) => c.photos.help(p), hr: (c, p) => c.photos.hrHelp(p) },
  verbs: [{ names: ['photos', 'photo'], who: 'everyone', run: (deps, actor, { words, ctx }) => photosCommand(deps, actor, words.slice(1), ctx.prefix) }],
};
