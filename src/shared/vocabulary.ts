/**
 * The words every part of Caravane shares: which languages it speaks and which chat platforms it
 * runs on. Each comes as its list, its type and its zod schema, defined here once; other modules
 * re-export them rather than spelling the values again.
 */
import { z } from 'zod';

/** The languages of the catalogue, the campaign's default first. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = z.enum(LOCALES);

/** The chat platforms Caravane speaks on. */
export const PLATFORMS = ['slack', 'teams'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PlatformSchema = z.enum(PLATFORMS);
