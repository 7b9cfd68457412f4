/**
 * Words only Microsoft Teams shows: the pledge card's extras, what the bot says when Teams does not
 * tell it who is writing, and the app's listing (name, description, command menu).
 */
import { command } from '../../chat/text.js';
export const teamsFr = {
  unidentified:
    'Je ne parviens pas à vous identifier : Teams ne m’a pas transmis votre compte professionnel. Écrivez-moi depuis Microsoft Teams avec le compte de votre entreprise.',
  cardUnknown: `Ce bouton n’est plus valable. Tapez ${command('pledge')} pour ouvrir un nouveau formulaire.`,
  cardFallback: `Votre version de Teams ne peut pas afficher ce formulaire. Tapez par exemple ${command('pledge 500')}.`,
  notAvailable: 'Cette fonction n’est pas encore disponible dans Microsoft Teams.',
  /** After the label of an input that may be left empty (Slack adds its own). */
  optional: '(facultatif)',
  app: {
    nameShort: 'Caravane',
    nameFull: 'Caravane — la caravane de solidarité',
    descriptionShort: 'Promesses de dons et caravane de solidarité de l’entreprise',
    descriptionFull:
      'Caravane accompagne la campagne de solidarité annuelle : promesses de dons, suivi de l’objectif, inscription des bénévoles à la caravane et annonces de l’équipe RH.',
    commands: [
      { title: 'promesse', description: 'Ouvrir le formulaire de promesse (ou : promesse 500)' },
      { title: 'promesse liste', description: 'Vos promesses pour la campagne' },
      { title: 'caravane', description: 'Où en est la campagne' },
      { title: 'caravane aide', description: 'Ce que vous pouvez faire avec Caravane' },
    ],
  },
};

export type TeamsTexts = typeof teamsFr;

export const teamsEn: TeamsTexts = {
  unidentified: 'I cannot tell who you are: Teams did not send me your work account. Please write to me from Microsoft Teams with your company account.',
  cardUnknown: `This button is no longer valid. Type ${command('pledge')} to open a new form.`,
  cardFallback: `Your version of Teams cannot show this form. Type, for example, ${command('pledge 500')}.`,
  notAvailable: 'This is not available in Microsoft Teams yet.',
  optional: '(optional)',
  app: {
    nameShort: 'Caravane',
    nameFull: 'Caravane — the solidarity caravan',
    descriptionShort: 'Pledges and the company’s solidarity caravan',
    descriptionFull:
      'Caravane runs the yearly solidarity campaign: pledges, progress towards the goal, volunteer sign-up for the caravan trip and announcements from the HR team.',
    commands: [
      { title: 'pledge', description: 'Open the pledge form (or: pledge 500)' },
      { title: 'pledge list', description: 'Your pledges for the campaign' },
      { title: 'caravan', description: 'How the campaign is doing' },
      { title: 'caravan help', description: 'What you can do with Caravane' },
    ],
  },
};
