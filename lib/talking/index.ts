export { activeDismissals, dismiss, dismissalApplies, pointText, pointsText, talkingPoints, type Dismissal, type RuleError } from './engine';
export { RULES } from './registry';
export type { Industry, LocalizedText, TalkingContext, TalkingPoint, TalkingRule, TalkingSettings, Tone } from './types';
