// RULES.md R12, "Phrase matching": the phrase patterns the message rules read, by family.
export { HIGH_CORE, HIGH_RATING } from './high-rating';
export { CONDITION, INVITE, PAST_QUESTION, REQUEST, SELF_ASK } from './asking';
export { AVOID_LOW, CHANGE_PRONOUN, CHANGE_RATING, IMPERATIVE, PREEMPT, PRONOUN_GOES, RAISE_TO, RATING_GOES, RATING_MENTION } from './changes';
export { AND_OFFER, EXCHANGE, FOR_RATING, OFFER, PROMISED, THANKED_RATING, TRADE, VALUE, VALUE_AS_REASON } from './value';
export { NAMES_A_RATING, RATING_HINT, REPORTED_QUOTE, REVIEWS_AS_MATERIAL, SELF_RATED, STAR_SCENE, THANKED, THIRD_PARTY } from './context';
export { RATING_OBJECT } from './rating-words';
