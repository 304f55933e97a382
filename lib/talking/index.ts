export { activeDismissals, dismiss, dismissalApplies, talkingPoints, type Dismissal, type RuleError } from './engine';
export { pointText, pointsText } from './copy';
export { RULES } from './registry';
export type { Industry, LocalizedText, TalkingContext, TalkingPoint, TalkingRule, TalkingSettings, Tone } from './types';
