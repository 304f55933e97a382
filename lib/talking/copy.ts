import type { Locale } from '../i18n';
import type { TalkingPoint } from './types';

// Copying points as text. Its own module so the panel can copy without loading the rules and the models.

const BECAUSE: Record<Locale, string> = { 'zh-CN': '依据：', en: 'Because: ' };

/** One point as the text to copy: what to say, then the evidence on the next line. */
export const pointText = (point: Pick<TalkingPoint, 'text' | 'because'>, locale: Locale): string =>
  `${point.text[locale]}\n${BECAUSE[locale]}${point.because[locale]}`;

/** Several points, numbered, for copying the whole list. */
export const pointsText = (points: readonly Pick<TalkingPoint, 'text' | 'because'>[], locale: Locale): string =>
  points.map((p, i) => `${i + 1}. ${pointText(p, locale).replace('\n', '\n   ')}`).join('\n');
