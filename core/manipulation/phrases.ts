// RULES.md R12, "Phrase matching": the language patterns behind pressure_message and
// incentive_offer, in English, French and Spanish, written against normalised text.

/** Rough first cut; refined against the labelled corpus. */
export const RATING_OBJECT = /\b(?:5|five|cinq|cinco)[ -]?(?:stars?|etoiles?|estrellas?)\b|\b(?:rating|review|feedback|note|avis|calificacion|valoracion|resena|opinion)\b/g;
export const VALUE_OBJECT = /\b(?:discount|refund|free|bonus|gift|coupon|remise|remboursement|gratuit|cadeau|descuento|reembolso|gratis|regalo)\b/g;
