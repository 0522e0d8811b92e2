// RULES.md R12, "Phrase matching": the English, French and Spanish patterns behind the
// pressure_message and incentive_offer detectors, written against normalised text.
//
// Every pattern runs on text that message-detectors.ts has already lowercased, stripped of
// accents, folded (typographic quotes and star glyphs to one form, "st4rs" to "stars") and
// de-spaced ("f i v e" to "five"), so a pattern never spells out an accent or a case.
// Patterns are compiled once, here, at module load. None nests an unbounded quantifier
// inside another, and every gap between words is bounded, so a scan stays linear in the
// length of the message whatever a designer types.

/** Alternatives as one non-capturing group; longest first, so "ratings" wins over "rating". */
function alt(...words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
}

const re = (source: string): RegExp => new RegExp(source, 'gu');

/** The one star glyph ★, ⭐, ☆, 🌟 and the like are folded to. */
export const STAR = '★';

// ---------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------

const FIVE = alt('5', 'five', 'cinq', 'cinco');
const TEN = alt('10', 'ten', 'dix', 'diez');
/** A star word; "estrellitas" is the diminutive a Spanish speaker uses to soften the ask. */
const STAR_WORD = alt('stars', 'star', 'etoiles', 'etoile', 'estrellas', 'estrella', 'estrellitas', 'estrellita', 'starring', 'starred');
const SEP = `(?:\\s*-\\s*|\\s+|)`;

/** Words after "5 stars" that make it a hotel's or a service's class, not a rating. */
const CLASS_NOUN = alt(
  'hotel', 'hotels', 'hostel', 'resort', 'resorts', 'restaurant', 'spa', 'service', 'services', 'experience',
  'establishment', 'accommodation', 'lodge', 'cruise', 'dining', 'luxury', 'quality', 'vibe', 'ambiance',
  'look', 'feel', 'brand', 'rating system', 'de servicio', 'of service', 'general', 'deluxe', 'standard',
  'cuisine', 'chef', 'palace', 'suite', 'icon', 'icons', 'graphic', 'badge', 'shape', 'pattern',
);
/** Words before "5 stars" that make it the subject's class ("the hotel is a 5-star"). */
const CLASS_SUBJECT = alt('hotel', 'hotels', "hotel's", 'resort', 'restaurant', 'hostel', 'spa', 'establishment', 'flag', 'lodge', 'cruise', 'bar');
/** Checked after the number matched, so the engine only looks back where a number is. */
const NOT_A_CLASS = `(?<!\\b${CLASS_SUBJECT}\\s(?:\\w+\\s){0,3}${FIVE})`;

/**
 * Nouns that name a platform rating. "note" and "nota" only count after a French or Spanish
 * determiner, so the English "note" (a memo) never counts.
 */
const RATING_NOUN_CORE = alt(
  'ratings', 'rating', 'reviews', 'review', 'feedback', 'feedbacks', 'score', 'scores', 'testimonial',
  'avis', 'evaluation', 'evaluations', 'appreciation', 'commentaire', 'commentaires',
  'calificacion', 'calificaciones', 'valoracion', 'valoraciones', 'resena', 'resenas', 'opinion', 'opiniones',
  'puntuacion', 'puntaje', 'comentario', 'comentarios',
);
const FR_ES_DET = alt('votre', 'vos', 'ta', 'ma', 'sa', 'la', 'une', 'cette', 'mes', 'ses', 'leur', 'les', 'bonne', 'meilleure', 'mauvaise', 'tu', 'su', 'mi', 'una', 'esa', 'esta', 'buena', 'mejor', 'mala', 'maxima');
const NOTE = `\\b(?:notes?|nota|notas)\\b(?<=\\b${FR_ES_DET}\\s(?:notes?|nota|notas))(?!\\s+(?:al pie|de (?:musique|voz|bas de page|pie)|musical|de prensa))`;
const STAR_NOUN = `(?:stars?|etoiles?|estrellas?|★)`;
const STAR_COUNT = `${STAR_NOUN}(?![a-z])(?<=\\b(?:\\d|one|une|un|una|single|seule?|sola|solo|two|three|four|five|deux|trois|quatre|cinq|dos|tres|cuatro|cinco)(?:\\s*-\\s*|\\s+|)${STAR_NOUN})`;

/** Nouns used as a modifier or container of a design element: "rating widget", "section avis". */
const DESIGN_AFTER = alt(
  'section', 'sections', 'widget', 'widgets', 'badge', 'badges', 'icon', 'icons', 'button', 'buttons',
  'system', 'component', 'components', 'page', 'pages', 'form', 'forms', 'module', 'plugin', 'block',
  'bar', 'template', 'templates', 'flow', 'email', 'e-mail', 'slider', 'carousel', 'card', 'cards', 'box',
  'area', 'field', 'colour', 'color', 'font', 'layout', 'mockup', 'placeholder', 'feed', 'notes', 'note',
  'doc', 'document', 'list', 'sheet', 'round', 'rounds', 'session', 'call', 'file', 'points', 'items',
  'request', 'requests', 'stars', 'graphic', 'graphics', 'design', 'ui', 'screen', 'panel', 'summary',
  'loop', 'process', 'questions', 'survey', 'tool', 'app', 'platform', 'site', 'sites', 'display',
);
const DESIGN_BEFORE = alt(
  'icons', 'icon', 'iconos', 'icono', 'icones', 'icone', 'widget', 'section', 'seccion', 'badge', 'insignia',
  'boton', 'bouton', 'button', 'sistema', 'systeme', 'system', 'module', 'modulo', 'plugin', 'bloc', 'bloque',
  'barre', 'barra', 'page', 'pagina', 'formulaire', 'formulario', 'their', 'customer', 'customers',
  'client', 'clients', 'google', 'yelp', 'trustpilot', 'tripadvisor', 'amazon', 'product', 'produit', 'producto',
);
const DESIGN_GUARD_AFTER = `(?![a-z])(?!\\s+${DESIGN_AFTER}\\b)(?!\\s+(?:de|des|du|d')\\s*(?:google|clients|produits?|la (?:page|web)|tu (?:web|tienda|sitio)))`;

/** "Your opinion on the blue" is about the design; "your feedback on the contract" is a review. */
const ON = `\\s+(?:on|about|sur|sobre|regarding|of|de|del|concernant|for)\\s+`;
const ENTRY_NOUN = alt('concept', 'concepts', 'design', 'designs', 'logo', 'logos', 'entry', 'entries', 'option', 'version', 'mockup', 'work', 'concepto', 'conceptos', 'diseno', 'disenos', 'propuesta', 'propuestas', 'trabajo', 'proposition', 'propositions', 'maquette', 'travail', 'creation');
/**
 * Where a rating lives on the platform. A contest entry counts when it is named as one, by its
 * number ("concept #2") or as the designer's own ("my concept"): "your feedback on concept #2"
 * is the rating of that entry, where "your feedback on the blue" is design talk.
 */
const PLATFORM_PLACE = `(?:(?:(?:the|my|le|la|les|el|los|las|mes|mis|this|these|ce|cette|ces|esta|este|l'|mon|ma|mi)\\s*)?(?:contract|contrat|contrato|profile|profil|perfil|platform|plateforme|plataforma|entry|entries|submission|proposal|page|[1-5]|une|una|one|#)|${ENTRY_NOUN}\\s*(?:#|n°|no\\.?\\s|number\\s|numero\\s)?\\s*\\d|(?:my|mon|ma|mes|mi|mis)\\s+${ENTRY_NOUN}\\b)`;
const ABOUT_DESIGN = `(?:(?<=\\b(?:ratings?|reviews?|resenas?|valoracion|calificacion|testimonial|evaluation|scores?))|(?=${ON}${PLATFORM_PLACE})|(?!${ON}))`;

/**
 * Stars named as the customer's own act: "the stars you gave my entry", "les étoiles que vous
 * m'avez mises", "las estrellas que me diste". Without a count, only this makes stars a rating.
 */
const GIVEN_STARS = `\\b(?:stars|etoiles|estrellas)\\s+(?:(?:that|which)\\s+)?(?:you|u)\\s+(?:gave|left|put|awarded|picked|chose)\\b|\\b(?:etoiles|estrellas)\\s+(?:que|qu')\\s*(?:(?:vous|tu)\\s+)?(?:m'|me\\s+|nous\\s+|nos\\s+|le\\s+|lui\\s+)?(?:avez|as|diste|pusiste|dejaste|otorgaste|has\\s+(?:dado|puesto|dejado)|ha\\s+(?:dado|puesto|dejado))\\b`;
/** A rating noun, unless it names a design element or someone else's reviews. */
const RATING_NOUN = `(?:${GIVEN_STARS}|\\b${RATING_NOUN_CORE}(?<!\\b${DESIGN_BEFORE}\\s(?:(?:de|of|d'|des|du|de la)\\s)?${RATING_NOUN_CORE})${DESIGN_GUARD_AFTER}${ABOUT_DESIGN}|${NOTE}${DESIGN_GUARD_AFTER}|${STAR_COUNT})`;
/** "2/5", "1 sur 5": an existing score, named by its fraction. */
const FRACTION = `[1-4](?<![\\d.,/][1-4])\\s*(?:/|out of|sur|de)\\s*5\\b`;

const OBJECT_LEAD = alt(
  'a', 'an', 'the', 'your', 'my', 'this', 'that', 'one', 'any', 'some', 'honest', 'quick', 'short', 'little', 'public',
  'final', 'updated', 'new', 'star', 'stars', '★', 'good', 'great', 'nice', 'positive', 'glowing', '5-star', 'five-star',
  'un', 'une', 'votre', 'ton', 'ta', 'vos', 'mon', 'ma', 'la', 'le', 'les', 'cette', 'petit', 'petite', 'bon', 'bonne',
  'una', 'tu', 'su', 'mi', 'esa', 'esta', 'buena', 'pequena', 'el', 'las', 'los',
);
const STRONG_OBJECT = `${alt('ratings', 'rating', 'reviews', 'review', 'testimonial', 'resena', 'resenas', 'valoracion', 'calificacion', 'puntuacion', 'evaluation', 'evaluacion')}`;
const WEAK_OBJECT = `${alt('feedback', 'avis', 'opinion', 'comentario', 'commentaire', 'score')}`;
/**
 * A rating or review as a thing given or traded: "a review", "5 stars", "2/5", "votre avis".
 * "review" counts only after a determiner, so "I'll review the fonts" is not one; "feedback",
 * "avis" and "opinión" do not count right after a thank-you, where they mean design comments.
 */
export const RATING_OBJECT = re(
  [
    `\\b${STRONG_OBJECT}(?<=\\b${OBJECT_LEAD}[\\s-]${STRONG_OBJECT})(?<!\\b(?:${DESIGN_BEFORE})\\s(?:(?:de|of|d'|des|du|de la)\\s)?(?:\\w+\\s)?${STRONG_OBJECT})${DESIGN_GUARD_AFTER}`,
    `\\b${WEAK_OBJECT}(?<=\\b${OBJECT_LEAD}\\s${WEAK_OBJECT})(?<!\\b(?:thanks|thank you|thx|merci|gracias)[^.!?\\n]{0,24}${WEAK_OBJECT})${DESIGN_GUARD_AFTER}(?!\\s+(?:on|about|sur|sobre|regarding|of|de|del)\\s+(?:the|my|your|le|la|les|el|mes|mis|tes|tus)?\\s*(?!contract|contrat|contrato|profile|profil|perfil|platform|plateforme|plataforma)[a-z])`,
    `${NOTE}${DESIGN_GUARD_AFTER}`,
    STAR_COUNT,
    FRACTION,
    `\\b(?:rate|rating|r8)\\s+(?:me|it|us|them|my|this|the|each|all|our)\\b`,
    `\\b(?:rated|you gave|m'avez mis|me pusiste|me diste|calificaste|valoraste)\\b`,
  ].join('|'),
);

// ---------------------------------------------------------------------------------------
// A demanded high value: "5 stars", "5/5", "full marks", "un avis positif", "la máxima"
// ---------------------------------------------------------------------------------------

const SUPERLATIVE = alt(
  'full', 'max', 'maximum', 'top', 'highest', 'best', 'perfect', 'maximale', 'maximal', 'maxima', 'maximo',
  'meilleure', 'meilleur', 'mejor', 'mejores', 'excellent', 'excelente', 'la plus haute', 'la mas alta', 'mas alta', 'plus haute',
  'top-notch', 'stellar', 'glowing', 'high', 'higher', 'better', 'plus haute', 'meilleures', 'alta', 'mas alta',
);
const SUPERLATIVE_NOUN = alt(
  'ratings', 'rating', 'score', 'scores', 'marks', 'mark', 'stars', 'note', 'notes', 'nota', 'valoracion',
  'calificacion', 'puntuacion', 'puntaje', 'evaluation', 'review', 'feedback', 'grade',
);
const MAX_AFTER = alt('plus haute', 'plus elevee', 'superieure', 'mas elevada', 'superior', 'meilleure', 'higher', 'maximale', 'maximal', 'maximum', 'maxima', 'maximo', 'la plus haute', 'mas alta', 'parfaite', 'perfecta', 'perfecte', 'mejor posible', 'maximo posible', 'optimale');
const GOOD = alt(
  'good', 'great', 'nice', 'positive', 'glowing', 'excellent', 'amazing', 'awesome', 'stellar', 'favorable',
  'favourable', 'shining', 'perfect', 'fantastic', 'brilliant', 'wonderful', 'lovely', 'sweet', 'kind', 'raving', 'rave',
  'bon', 'bonne', 'excellente', 'super', 'tres bon', 'tres bonne', 'joli', 'jolie', 'beau', 'belle',
  'buena', 'buen', 'gran', 'bonita', 'linda', 'positiva', 'positivo',
);
const GOOD_AFTER = alt(
  'positif', 'positive', 'positifs', 'positives', 'elogieux', 'elogieuse', 'favorable', 'favorables', 'excellent', 'excellente',
  'positiva', 'positivo', 'positivas', 'buena', 'bueno', 'excelente', 'favorable', 'brillante', 'estupenda',
  'de 5 estrellas', 'de cinco estrellas', 'de 5 etoiles', 'de cinq etoiles', 'cinq etoiles', '5 etoiles',
);
const SENTIMENT_NOUN_EN = alt('review', 'rating', 'ratings', 'feedback', 'testimonial', 'score', 'grade', 'write-up', 'word');
const SENTIMENT_NOUN_FR_ES = alt(
  'avis', 'note', 'evaluation', 'commentaire', 'retour', 'critique', 'appreciation',
  'resena', 'valoracion', 'calificacion', 'opinion', 'nota', 'puntuacion', 'comentario', 'critica', 'evaluacion',
);
const RATE_VERB = alt(
  'rate', 'rating', 'rated', 'r8', 'r8ing', 'grade', 'noter', 'notez', 'notes', 'calificar', 'califica', 'califique', 'calificame',
  'calificarme', 'calificas', 'califiques', 'valora', 'valorar', 'valorame', 'valorarme', 'valores', 'puntua', 'puntuar', 'puntuame',
  'evaluer', 'evaluez', 'evaluar', 'evalua',
);
const GIVE_VERB = alt(
  'give', 'gimme', 'leave', 'drop', 'throw', 'send', 'toss', 'hook me up with', 'hook us up with', 'bless me with', 'hit me with',
  'grant', 'award', 'shoot', 'slap', 'spare', 'regalame', 'otorgame', 'deme', 'donne-moi', 'mets-moi', 'make it', 'make them', 'donnez', 'donne', 'mettez', 'mets', 'mettre', 'laissez',
  'laisse', 'laisser', 'donner', 'dame', 'ponme', 'ponle', 'ponles', 'dale', 'dales', 'pon', 'ponga', 'pongame', 'poner', 'ponerme', 'dejame', 'deja', 'dejeme', 'dejar',
  'darme', 'dar', 'da', 'haz', 'hazlo', 'hazla', 'fais', 'faites',
);
const NOT_A_QUANTITY = `(?!\\s*(?:[.,/]\\d|px|pt|mm|cm|%|x\\b|min|minutes|h\\b|hours|days|jours|dias))(?!\\s+(?!(?:stars?|etoiles?|estrellas?|pls|please|plz|porfa|svp|ideally|if|si|instead|en lugar|au lieu|at least|au moins|por lo menos|al menos|and|et|y|or|ou|o|now|today|thanks|merci|gracias|x|xx|de tu parte|de votre part|from you)\\b)[a-z]{2,})`;

/** "5", "five stars", "cinq étoiles" after a verb, unless a hotel's class or a quantity of something else. */
const FIVE_VALUE = `${FIVE}(?!${SEP}(?:${STAR_WORD}\\b|★+|\\*)?${SEP}${CLASS_NOUN}\\b)(?:${SEP}(?:${STAR_WORD}\\b|★+|\\*))?(?!-[a-z])${NOT_A_QUANTITY}`;

/** The value itself, which the evidence summary quotes: "5 stars", "5/5", "la note maximale". */
const HIGH_CORE_PARTS = [
  `\\b${FIVE}${NOT_A_CLASS}${SEP}(?:${STAR_WORD}\\b|★+|\\*)(?!${SEP}${CLASS_NOUN}\\b)(?:\\s+(?:reviews?|ratings?|feedback|testimonial)\\b)?`,
  `★(?:\\s*★){3,}`,
  `★\\s*5\\b`,
  `\\b${FIVE}\\s*[x×*]\\s*★|★\\s*[x×*]\\s*${FIVE}\\b`,
  // "the last star", "all five stars", clicked: the top of the scale named by where it sits.
  `\\b(?:click|select|tap|hit|fill|fill in|light up|choose|pick|press|cliquez|cliquer|cliquez sur|selectionnez|cochez|haz clic en|pulsa|pulse|marca|marque|elige|selecciona|dale a|clic sur)\\b[^.!?\\n]{0,20}?\\b(?:the last|the fifth|the 5th|all(?: the)?|all of the|every|toutes les|la derniere|la cinquieme|la 5e|todas las|la ultima|la quinta|5|five|cinq|cinco)\\s+(?:stars?|etoiles?|estrellas?|★)`,
  // "anything less than 5 stars", "rien en dessous de 5".
  `\\b(?:anything|nothing|rien|nada|no)\\s+(?:below|under|less than|lower than|short of|but|other than|en dessous de|en-dessous de|moins de|de moins de|inferieur a|menos de|por debajo de|inferior a|que no sea)\\s+(?:a\\s+)?${FIVE}\\b`,
  `\\b(?:don'?t|do not|ne soyez pas|ne sois pas|no seas|no sea)\\s+(?:be\\s+)?(?:shy|stingy|timide|timides|radin|avare|timido|timida|tacano|tacana)\\s+(?:with|on|avec|sur|con|en)\\s+(?:(?:the|your|les|vos|la|las|tus)\\s+)?(?:stars|rating|ratings|etoiles|note|estrellas|calificacion)\\b`,
  `\\b(?:noter|notez|note|rate|rating|calificar|califica|calificame|valorar|valora|valorame|puntuar|puntuame)\\b(?:\\s+[a-z'-]+){0,3}?\\s+(?:au max(?:imum)?|al maximo|to the max|au plus haut|lo mas alto)\\b`,
  `(?:${FIVE}(?<![\\d.,/]${FIVE})\\s*(?:/|out of|sur|de|over)\\s*${FIVE}|${TEN}(?<![\\d.,/]${TEN})\\s*(?:/|out of|sur|de|over)\\s*${TEN})\\b`,
  `\\b(?:note|nota|rating|score|calificacion|valoracion|puntuacion|evaluation|grade)\\s+(?:de|of)\\s+(?:5|cinq|cinco|five|10|dix|diez|ten)\\b(?!\\s*[.,]\\d)(?:\\s*(?:/|sur|de|out of)\\s*(?:5|10))?`,
  `\\b(?:generous|kind|nice|gentle|lenient|easy|soft|genereux|genereuse|generoso|generosa|indulgent|indulgente|sympa|gentil|gentille|amable|bueno|buena|blando|blanda)\\s+(?:with|on|avec|sur|con|en)\\s+(?:(?:the|my|your|les|vos|la|las|tu|tus|votre|ma|mi)\\s+)?(?:stars|rating|ratings|review|etoiles|note|estrellas|calificacion|valoracion|score)\\b`,
  `\\b(?:nice|kind|good|positive|sweet|lovely|warm|gentils?|bonitas|lindas|buenas)\\s+(?:words?|mots?|palabras)\\s+(?:in|on|for|about me in|dans|sur|en)\\s+(?:(?:the|your|a|my|votre|mon|un|tu|tus|tu|la|mi|el)\\s+)?(?:review|feedback|rating|profile|contract|avis|profil|evaluation|resena|perfil|valoracion|opinion)\\b`,
  `\\b(?:recommend|recommendation|recommander|recommandation|recomendar|recomendacion|recomiendes|recommandiez)\\b[^.!?\\n]{0,40}?\\b(?:10|ten|dix|diez)\\b(?!\\s*(?:px|%|minutes|min|days|jours|dias|hours|mm|cm|[.,]\\d))|\\b(?:10|ten|dix|diez)\\s*(?:/\\s*10\\s*)?(?:on|for|a la|al|sur|en)\\s+(?:the\\s+|la\\s+|el\\s+)?(?:recommend|recommendation|recommandation|recomendacion)`,
  `\\bgo\\s+(?:easy|soft|gentle)\\s+on\\s+(?:(?:the|my|me with the|me in the)\\s+)?(?:rating|review|stars|score|feedback)\\b`,
  `\\b${SUPERLATIVE}\\s+(?:possible\\s+|available\\s+)?${SUPERLATIVE_NOUN}\\b(?!\\s+${DESIGN_AFTER}\\b)`,
  `\\b(?:note|nota|valoracion|calificacion|puntuacion|puntaje|evaluation|rating|score)\\s+${MAX_AFTER}\\b`,
  `\\b${GOOD}\\s+(?:(?:little|short|quick|public|petit|petite|pequena)\\s+)?(?:${SENTIMENT_NOUN_EN}|${SENTIMENT_NOUN_FR_ES})\\b(?!\\s+${DESIGN_AFTER}\\b)`,
  `\\b(?:${SENTIMENT_NOUN_FR_ES}|review|feedback|rating)\\s+${GOOD_AFTER}\\b`,
];
export const HIGH_CORE = re(HIGH_CORE_PARTS.join('|'));

/**
 * Help asked with the rating itself: "a hand with my score", "un geste sur la note", "¿me echas
 * una mano con la puntuación?". The rating the customer gives is the only thing they can help
 * with there, so it asks for a better one. Stars and reviews count only as the designer's own
 * ("my stars"); "need help with the rating widget" is the customer's need, not the designer's ask.
 */
const HELP = `(?:help(?:\\s+(?:me|us))?(?:\\s+out)?|a hand|hand|boost|nudge|push|favou?r|(?:do\\s+)?(?:something|anything)(?:\\s+you can do)?|(?:m'|nous\\s+)?aid(?:er|ez|eriez|erais)|geste|coup de pouce|effort|petit plus|quelque chose|(?:me\\s+)?ayud(?:a|as|ar|arme|ame|arias|aria|ita)|ayuda|mano|manita|empujon|empujoncito|cable|algo)`;
const HELPED_NOUN = `(?:(?:ratings?|scores?|puntuacion|puntaje|calificacion|valoracion|evaluation|evaluacion|appreciation)\\b|${NOTE}|(?<=\\b(?:my|mes|mis|mon|ma|mi)\\s)(?:stars|etoiles|estrellas|reviews?|avis|resenas?)\\b)`;
const HELP_WITH_RATING = `\\b${HELP}(?<!\\b(?:need|needs|needed|want|wants|any|extra|more|besoin d'|besoin de|necesitas|necesita|quieres)\\s+${HELP})\\s+(?:with|on|about|for|sur|pour|avec|con|en|para|a|au niveau de)\\s+(?:(?:my|the|your|this|that|ma|mon|mes|la|le|les|votre|vos|cette|tu|tus|mi|mis|el|los|las|su|sus|esta|esa)\\s+)?(?:(?:little|current|overall|petite|actuelle|pequena|actual)\\s+)?${HELPED_NOUN}${DESIGN_GUARD_AFTER}(?!\\s+(?:scale|scales|criteria|question|questions|step|steps|label|labels|copy|text|wording|logic|feature|features|setup|integration)\\b)`;

export const HIGH_RATING = re(
  [
    // "5 stars", "five-star", "5★", "★★★★★", "5/5", "full marks", "un avis élogieux", "la máxima valoración".
    ...HIGH_CORE_PARTS,
    `\\b(?:the|le|la|el|al|lo)\\s+max(?:imum|imo|ima)?\\b(?!\\s*[-/])${NOT_A_QUANTITY}`,
    `\\b(?:say|write|put|post|mention|dire|ecrire|mettre|decir|escribir|poner)\\s+(?:something|a few words|quelque chose|un mot|algo|unas palabras)\\s+(?:de\\s+)?(?:nice|good|positive|kind|sympa|gentil|positif|bonito|bueno|positivo|lindo)\\b`,
    // "rate me 5", "rating the logo as a 5", "noter mon logo 5 sur 5", "califica con 5".
    `\\b${RATE_VERB}(?:\\s+[a-z0-9#°'-]+){0,4}?\\s+(?:(?:with|as|avec|con|a|at|en|par)\\s+)?(?:(?:a|an|un|una|the)\\s+)?${FIVE_VALUE}`,
    // "rate it higher", "rate my work highly", "noter plus haut", "calificar mejor".
    `\\b${RATE_VERB}(?:\\s+[a-z0-9#°'-]+){0,3}?\\s+(?:higher|highly|high|better|up|mieux|plus haut|mas alto|mas alta)\\b`,
    // "give me a 5", "make it a five", "mettez-moi 5", "ponme un 5", "drop me a 5".
    `\\b${GIVE_VERB}(?:\\s*-?\\s*(?:me|moi|us|nous|it|them|m'|le|la|lo|my \\w+|mon \\w+|mi \\w+))?\\s+(?:(?:a|an|un|una|the)\\s+)?(?:${FIVE_VALUE}|${TEN}\\b${NOT_A_QUANTITY})`,
    // "click all five", "the full five".
    `\\b(?:all|the full|full|the whole|toutes les|las)\\s+(?:${FIVE})\\b(?!\\s*[a-z]{3,})`,
    HELP_WITH_RATING,
    // "show some love with the stars, 5 of them ideally".
    `\\b(?:stars|etoiles|estrellas)[,\\s]+${FIVE}\\s+(?:of them|d'entre elles|de ellas)\\b`,
  ].join('|'),
);

// ---------------------------------------------------------------------------------------
// Asking: politeness, modal questions, wishes, imperatives, conditions
// ---------------------------------------------------------------------------------------

const WISH_ADJ = alt(
  'amazing', 'great', 'awesome', 'lovely', 'fantastic', 'wonderful', 'nice', 'perfect', 'gr8', 'appreciated', 'helpful',
  'huge', 'incredible', 'ideal', 'much appreciated', 'so appreciated', 'a huge help', 'a big help', 'so helpful', 'brilliant',
  'super', 'cool', 'sweet', 'awesome', 'a dream', 'the best', 'everything',
  'genial', 'top', 'parfait', 'formidable', 'adorable', 'gentil', 'super sympa', 'sympa', 'merveilleux', 'ideal',
  'increible', 'estupendo', 'un detalle', 'de gran ayuda', 'maravilloso', 'perfecto', 'buenisimo',
  'appreciee', 'apprecie', 'bienvenue', 'bienvenu', 'apreciada', 'apreciado', 'bienvenida',
);
export const REQUEST = re(
  [
    // Folded hands and pleading face: a plea without a word.
    `\u{1F64F}|\u{1F97A}`,
    `\\b${alt('please', 'pls', 'plz', 'plez', 'plss', 'pleeease', 'pleease', 'pleaase', 'kindly', 'pretty please')}\\b`,
    `\\b(?:could|can|would|will|might|cld|wd|cn)\\s+(?:you|u|ya)\\b`,
    `\\b(?:would|do|will)\\s+(?:you|u)\\s+mind\\b`,
    `\\b(?:would it be|is it|is there any|any)\\s+(?:possible|chance|way)\\b`,
    `\\bpossible to\\b|\\bif possible\\b|\\bif you could\\b|\\bif u could\\b`,
    `\\b(?:i'?d|i would|i'll|i will|i'm|i am)\\s+(?:really\\s+|so\\s+|super\\s+|truly\\s+|very\\s+|be\\s+){0,3}(?:appreciate|love|grateful|thankful|be grateful|be thankful|be so grateful|be super grateful)\\b`,
    `\\b(?:would|it'?d|that'?d|this'?d)\\s+(?:really\\s+|truly\\s+|so\\s+|honestly\\s+|just\\s+|definitely\\s+){0,2}(?:be|help|mean|make|save|boost|matter|hurt|kill|crush|ruin|change|put|get|go|do|lift|push)\\b`,
    `\\b(?:will|could)\\s+(?:really\\s+|truly\\s+|so\\s+|honestly\\s+|just\\s+){0,2}(?:be\\s+${WISH_ADJ}|help|mean|make my|make me|save me|boost|matter|hurt|kill|ruin|damage|sink|tank|drag)\\b`,
    `\\b(?:all i (?:ask|want|need)|is all i (?:ask|want|need)|counting on (?:you|your|u)|fingers crossed|crossing my fingers|keeping my fingers crossed|looking forward to (?:your|the|those|a|seeing)|look forward to (?:your|the|those|a|seeing)|expecting|can'?t wait to (?:see|get|read)|waiting for (?:your|the|those|my)|deserves?|deserved|worth (?:a|the|those|all)|make sure|remember)\\b`,
    `\\u{1F91E}`,
    `\\b(?:means|mean)\\s+(?:a lot|so much|the world)\\b`,
    `\\b(?:hope|hoping)\\s+(?:you|u|for|to get|to see)\\b`,
    `\\b(?:beg|begging|i beg you|je vous en supplie|je t'en supplie|je vous supplie|te lo suplico|se lo suplico|te ruego|le ruego|do me a favou?r|fais-moi plaisir|faites-moi plaisir|rendez-moi service|hazme (?:el|un) favor|hagame (?:el|un) favor)\\b`,
    `\\b(?:i'?d like|i would like|i want|i wanna|i need|j'aimerais|je voudrais|j'adorerais|j'ai besoin|quisiera|me gustaria|quiero|necesito|ojala|espero que|j'espere que)\\b`,
    `\\b(?:i'?d|i would)\\s+be\\s+(?:so\\s+|really\\s+|super\\s+|very\\s+|just\\s+)?(?:over the moon|thrilled|delighted|happy|grateful|honou?red|ecstatic|stoked|chuffed|glad)\\b|\\bestaria\\s+(?:muy\\s+|super\\s+)?(?:agradecid[oa]|feliz|encantad[oa])\\b|\\bje serais\\s+(?:tres\\s+|tellement\\s+|vraiment\\s+)?(?:ravie?|comblee?|aux anges|heureux|heureuse)\\b`,
    `\\byou'?d\\s+(?:really\\s+|totally\\s+|so\\s+)?(?:make|save|help)\\b|\\bmake my (?:day|week|month|year)\\b`,
    `\\b(?:would love|i'?d love|love it if|just promise|promise me|remember to|don'?t forget|do not forget|make sure (?:you|to)|help me out|help me with|lend me)\\b`,
    // French
    `\\b(?:s'il vous plait|s'il te plait|svp|stp|merci de|je vous prie|je vous demande|je te demande|n'oubliez pas|n'oublie pas|je compte sur vous|je compte sur toi)\\b`,
    `\\b(?:pourriez|pouvez|pourrais|peux|voudriez|voulez)\\s*-?\\s*(?:vous|tu)\\b`,
    `\\b(?:vous|tu)\\s+(?:pourriez|pouvez|pourrais|peux|voudriez)\\b`,
    `\\b(?:est-ce que|est ce que|serait-il|serait il|est-il|est il)\\s+(?:vous|tu|possible)\\b`,
    `\\b(?:je me permets|vous demander|te demander|souvenez-vous|rappelez-vous|rappel|tu me ferais|vous me feriez|j'attends|j'attends avec impatience|je croise les doigts|je compte sur|merite|meritent|meriterait|vaut bien|valent bien)\\b`,
    `\\b(?:ca |cela )?(?:m'|me )aiderai[st]?\\b|\\bm'aiderait\\b|\\b(?:serait|ce serait|ca serait|me ferait|ca me ferait|m'arrangerait)\\b|\\bj'apprecierais\\b|\\bje serais (?:tres |vraiment |tellement )?(?:reconnaissante?|ravie?)\\b|\\bca me ferait (?:plaisir|tellement plaisir)\\b`,
    // Spanish
    `\\b(?:por favor|porfa|porfis|porfavor|xfa|x favor|plis|porfi)\\b`,
    `\\b(?:podrias|podria|puedes|puede|pueden|podrian|podes)\\b`,
    `\\b(?:me ayudas|me ayudarias|ayudame|te agradeceria|le agradeceria|agradeceria|te pido|le pido|os pido|no olvides|no se te olvide|no se le olvide|me encantaria|me ayudaria|te importaria|le importaria)\\b`,
    `\\b(?:acuerdate|acuerdese|recuerda|recuerde|recordatorio|me permito|me harias|me alegrarias|seria|me haria|me harias|me encantaria|espero|esperando|cuento con|contando con|cruzo los dedos|crucemos los dedos|dedos cruzados|merece|merecen|mereceria|vale|valen)\\b`,
    `\\bme\\s+(?:vendria|vendrian|ayudaria|ayudarian|salvaria|alegraria)\\b`,
    `\\b(?:vous voulez bien|tu veux bien|voulez-vous bien|veux-tu bien|voudriez-vous bien)\\b`,
    `\\b(?:me dejas|me das|me pones|me regalas|me calificas|me valoras|me dejarias|me darias|me pondrias)\\b`,
  ].join('|'),
);

/**
 * A give-verb aimed at the designer is an ask in itself: "hook me up with 5 stars", "ponme 5
 * estrellas", "don't be shy with the stars". Not after a third person: "they give me 5 stars".
 */
const GIVE_ME = `(?:give|leave|drop|throw|toss|send|gimme|hook|bless|grant|award|hit|shoot|slap|spare|hand)\\s+(?:me|us)\\b`;
export const SELF_ASK = re(
  `\\b${GIVE_ME}(?<!\\b(?:they|people|clients|customers|everyone|everybody|who|always|usually|often|i|we|to|that|which|will|would|should|could|can|did|does|do|never)\\s${GIVE_ME})|\\b(?:mettez-moi|mettez moi|donnez-moi|donnez moi|laissez-moi|laissez moi|mets-moi|donne-moi|laisse-moi|notez-moi|notez moi|dame|ponme|dejame|regalame|pongame|deme|calificame|valorame|puntuame|otorgame|ponnos|danos)\\b|\\b(?:don'?t|do not|ne soyez pas|ne sois pas|no seas|no sea)\\s+(?:be\\s+)?(?:shy|stingy|timide|timides|radin|avare|timido|timida|tacano|tacana)\\b`,
);

/** "You can rate me 5 stars here": an invitation, an ask only when a high value is named. */
export const INVITE = re(
  `\\b(?:you|u|vous|tu)\\s+(?:can|could|may|pouvez|pourriez|peux|pourrais)\\s+(?:still\\s+|always\\s+|easily\\s+|also\\s+|toujours\\s+|encore\\s+|aussi\\s+)?(?:change|edit|update|remove|delete|raise|revise|modify|withdraw|changer|modifier|retirer|supprimer|enlever|remonter|reviser)\\b|\\b(?:puedes|podes|podrias)\\s+(?:todavia\\s+|aun\\s+|tambien\\s+)?(?:cambiar|modificar|quitar|borrar|eliminar|subir|actualizar|editar)\\b|\\b(?:you|u|vous|tu)\\s+(?:can|could|may|might|should|pouvez|pourriez|peux|pourrais|devriez)\\s+(?:just\\s+|simply\\s+|also\\s+|me\\s+|m'|nous\\s+)?(?:give|leave|rate|put|click|drop|mark|award|select|choose|pick|tap|go|post|write|donner|laisser|mettre|noter|attribuer|cliquer)\\b|\\b(?:n'hesitez pas|n'hesite pas|no dudes en|no dude en|feel free to)\\b`,
);

/** A second-person condition: "if you like it", "si te gustó", "once you close the contract". */
export const CONDITION = re(
  [
    `\\b(?:if|once|as soon as)\\s+(?:you|u|ur|ya|your|youre|my|it|everything|all|this|that|i get|we get)\\b`,
    `\\b(?:when|whenever)\\s+(?:you|u|ya)\\b`,
    `\\b(?:si|une fois que|quand|lorsque|des que|cuando|en cuanto|una vez que)\\s+(?:vous|tu|te|t'|le|la|les|ca|el|usted|estas|estes|quedas|quedaste|ya|mon|ma|mes|mi|mis|me|s'|il|elle|todo|tout)\\b`,
  ].join('|'),
);

const FILLER = alt(
  'please', 'pls', 'plz', 'just', 'so', 'now', 'and', 'then', 'also', 'oh', 'hey', 'hi', 'hello', 'ok', 'okay', 'kindly',
  'go ahead and', 'et', 'alors', 'donc', 'bon', 'bonjour', 'bueno', 'pues', 'porfa', 'svp', 'por favor', 'y', 'entonces', 'hola',
  'dear customer', 'a', 'one small ask', 'last favour', 'last favor', 'pretty please', 'simply', 'maybe', 'perhaps',
);
const CLAUSE_START = `(?:^|[.!?…\\n,;:()"\\-¡¿★]|\\p{Extended_Pictographic})\\s*(?:${FILLER}\\s+){0,2}`;
const IMPERATIVE_VERB = alt(
  'give', 'gimme', 'leave', 'rate', 'r8', 'drop', 'put', 'make', 'post', 'write', 'click', 'hit', 'tap', 'smash', 'change',
  'update', 'remove', 'delete', 'raise', 'bump', 'take', 'up', 'reconsider', 'revise', 'edit', 'consider', 'remember',
  'go', 'vote', 'pick', 'select', 'choose', 'award', 'grant', 'send', 'let', 'show', 'throw', 'withdraw', 'erase', 'fix',
  'mettez', 'mets', 'mettez-moi', 'laissez', 'laissez-moi', 'laisse', 'laisse-moi', 'donnez', 'donnez-moi', 'donne', 'notez',
  'notez-moi', 'changez', 'modifiez', 'retirez', 'supprimez', 'enlevez', 'effacez', 'remontez', 'attribuez', 'accordez', 'pensez',
  'dame', 'dale', 'ponle', 'dejame', 'deja', 'dejeme', 'deje', 'ponme', 'pon', 'ponga', 'pongame', 'califica', 'calificame', 'valora',
  'valorame', 'cambia', 'quita', 'quite', 'borra', 'borre', 'sube', 'suba', 'elimina', 'elimine', 'actualiza', 'actualice',
  'modifica', 'modifique', 'regalame', 'otorga', 'otorgame', 'cambie', 'puntua', 'puntuame',
);


/** "Did you change your rating?" asks what happened; it does not ask for a change. */
export const PAST_QUESTION = re(`\\b(?:did|have|has|had|why did|when did)\\s+(?:you|u)\\b|\\b(?:avez|as)\\s*-?\\s*(?:vous|tu)\\b|\\b(?:has|hiciste|por que)\\b`);

// ---------------------------------------------------------------------------------------
// Changing or removing an existing rating
// ---------------------------------------------------------------------------------------

const CHANGE_VERB = alt(
  // English
  'change', 'changing', 'update', 'updating', 'raise', 'raising', 'remove', 'removing', 'delete', 'deleting',
  'reconsider', 'reconsidering', 'revise', 'revising', 'revisit', 'revisiting', 'edit', 'editing', 'modify', 'modifying',
  'amend', 'amending', 'adjust', 'adjusting', 'bump', 'bumping', 'withdraw', 'withdrawing', 'retract', 'retracting',
  'increase', 'increasing', 'improve', 'improving', 'upgrade', 'upgrading', 'rethink', 'erase', 'erasing', 'correct',
  'take down', 'taking down', 'take back', 'take off', 'take away', 'pull down', 'up', 'boost', 'lift', 'redo', 're-do',
  'take another look at', 'took another look at', 'have another look at', 'had another look at', 'look again at',
  'having another look at', 'taking another look at', 'give another look', 'take a second look at', 'have a second look at',
  '(?:take|takes|took|taking|have|had|having|give|giving) (?:another|a second|a fresh|a new|one more|a closer) look at', 'look back at', 'look over',
  'get rid of', 'fix', 'cancel', 'undo', 'clear', 'reset', 'drop', 'pull', 'flip', 'switch', 'turn', 'convert', 'make',
  // French, every person and mood a request takes ("changez", "si vous changiez", "pourriez-vous changer")
  'chang(?:er|ez|e|es|iez|eriez|erais|erait|erez|eait)', 'modifi(?:er|ez|e|es|iez|eriez|erais|erait)',
  'retir(?:er|ez|e|es|iez|eriez|erais)', 'supprim(?:er|ez|e|es|iez|eriez|erais)', 'enlev(?:er|ez|iez|eriez|erais)', 'enleve',
  'effac(?:er|ez|iez|eriez)', 'efface', 'revoir|revoyez|revois|revoyiez|reverriez', 'reconsider(?:er|ez|iez|eriez)?',
  'remont(?:er|ez|iez|eriez)', 'remonte', 'relev(?:er|ez|iez|eriez)', 'releve', 'augment(?:er|ez|iez|eriez)', 'augmente',
  '(?:mettre|mettez|mettiez|mettriez) a jour', 'corrig(?:er|ez|iez|eriez)', 'corrige', 'amelior(?:er|ez|iez|eriez)',
  'reevalu(?:er|ez|iez)', 'rectifi(?:er|ez|iez)', 'repenser', 'annul(?:er|ez|iez)', 'rehauss(?:er|ez|iez|eriez)',
  'revis(?:er|ez|iez|eriez)', 'pass(?:er|ez|iez|eriez)', 'revenir sur', 'revenez sur', 'reviendriez sur', 'faire disparaitre',
  "(?:jeter|jetez|jetiez|jetteriez|redonner|redonnez) un (?:autre |nouveau |second |deuxieme |petit )?(?:coup d'oeil|regard) (?:a|sur)",
  // Spanish, likewise ("cambia", "si cambias", "que cambies", "que actualizaras", "subirla")
  'cambi(?:ar|a|as|e|es|en|aras|ases|arias|aria|arla|arlo|ala|alo)', 'modific(?:ar|a|as|aras|ases|aria|arias|arla|arlo)',
  'modifique(?:s)?', 'quit(?:ar|a|as|e|es|aras|ases|arla|arlo|ala|alo)', 'borr(?:ar|a|as|e|es|aras|ases|arla|arlo|ala|alo)',
  'elimin(?:ar|a|as|e|es|aras|ases|arla|arlo)', 'actualiz(?:ar|a|as|aras|ases|arla|arlo|aria|arias)', 'actualice(?:s)?',
  'sub(?:ir|e|es|as|a|ieras|ieses|irla|irlo|irle|ela|ala|iria|irias)', 'reconsider(?:ar|a|as|es|e|aras)',
  'retir(?:ar|a|as|es|e|aras|arla|arlo)', 'mejor(?:ar|aras|arla|arlo)', 'edit(?:ar|a|as|es|e)', 'correg(?:ir|ira|irla)',
  'corrij(?:a|as)', 'revis(?:ar|a|es|aras)', 'pas(?:ar|a|es|aras)', 'subeme', 'subirme', '(?:echar|echa|echas|echarias|echale|echarle) (?:otro|un segundo|un nuevo|otra) (?:vistazo|mirada|ojo) a',
  'volver a mirar', 'vuelve a mirar', 'volvieras a mirar', 'mirar de nuevo', 'cambiame', 'quitame', 'borrame', 'mejorame', 'replante(?:ar|a|es)', 'aument(?:ar|a|as|es|e|aras)', 'anul(?:ar|a|es|e)',
);
/** A verb opening a clause, the way a request in the imperative opens: "Remove the 1 star", "Cámbiame la nota". */
export const IMPERATIVE = re(`\\b(?:${IMPERATIVE_VERB}|${CHANGE_VERB})\\b(?<=${CLAUSE_START}(?:${IMPERATIVE_VERB}|${CHANGE_VERB}))`);

const GAP_WORD = alt(
  'your', 'the', 'my', 'this', 'that', 'those', 'these', 'its', 'a', 'an', 'one', 'single', 'low', 'lowest', 'bad', 'negative',
  'poor', 'harsh', 'old', 'previous', 'last', 'current', 'recent', 'unfair', 'earlier', 'little', 'lonely', 'mean',
  'votre', 'vos', 'ta', 'ton', 'tes', 'la', 'le', 'les', 'cette', 'ce', 'mon', 'ma', 'mes', 'sa', 'son', 'un', 'une',
  'mauvaise', 'mauvais', 'negatif', 'negative', 'ancienne', 'ancien', 'petite', 'dernier', 'derniere',
  'su', 'tu', 'tus', 'sus', 'el', 'los', 'las', 'esa', 'ese', 'esta', 'este', 'esas', 'esos', 'estas', 'estos', 'ces',
  'mi', 'mis', 'una', 'mala', 'negativa',
  'negativo', 'baja', 'vieja', 'anterior', 'ultima', 'injusta', 'pequena',
  'de', 'du', 'des', 'on', 'sur', 'en', 'up', 'down', 'back', 'away', 'off', 'out', 'again', 'at',
  '\\d', '[1-4]-star', '[1-4](?:\\s*-?\\s*(?:stars?|etoiles?|estrellas?))?', 'one-star', 'two-star', '[1-4]/5',
);
const GAP = `(?:\\s*(?:${GAP_WORD})(?![a-z0-9])){0,4}?`;
const FIRST_PERSON = `\\b(?:i|i'll|we'll|i'd|we'd|i've|we've|i'm|let me|lemme|let us|gonna|going to|je|j'|je vais|je peux|je dois|on va|voy a|vamos a|puedo|podemos|yo|ya|he|hemos|me|te)\\s+(?:(?:will|can|could|shall|have|had|just|already|might|may|must|need to|should|also|then|now|quickly|vais|peux|viens de|dois|vite|voy a|puedo|ya|also)\\s+){0,2}`;
/** The designer's own "I'll change…", or a passive "be changed", is not asking the customer. */
const CUSTOMER_DOES = (verb: string) => `(?<!${FIRST_PERSON}${verb})(?<!\\bbe\\s${verb})`;
const CHANGE_ASKED = `\\b${CHANGE_VERB}\\b${CUSTOMER_DOES(CHANGE_VERB)}`;

/** A change verb taking a rating as its object: "change your rating", "quite la valoración". */
export const CHANGE_RATING = re(
  [
    `${CHANGE_ASKED}${GAP}[\\s-]*(?:l'|d')?(?:${RATING_NOUN}|${FRACTION})`,
    // "re-rate", "rate it again", "volver a calificar": asking for a new rating is asking to change the old one.
    `\\b(?:un-?rate|un-?star|re-?rate|re-?evaluate|re-?score|re-?grade|noter a nouveau|renoter|re-noter|reevaluer|volver a (?:calificar|valorar|puntuar|evaluar)(?:me|lo|la)?|(?:rate|score|grade|noter|calificar|valorar|puntuar)\\s+(?:it|them|me|this|that|la|le|lo|les|(?:my|ma|mon|mes|mi|mis)\\s+[a-z]+)\\s+(?:again|a nouveau|de nouveau|otra vez|de nuevo))\\b`,
    // "take your 2-star rating down", "bump my score up".
    `\\b(?:take|pull|bring|knock|bump|put)\\b${CUSTOMER_DOES('(?:take|pull|bring|knock|bump|put)')}${GAP}\\s*${RATING_NOUN}\\s+(?:down|off|away|up|back up)\\b`,
  ].join('|'),
);

const LOW_TO_HIGH = `(?:(?:a|an|un|una|the)\\s+)?(?:[2-5]|two|three|four|five|deux|trois|quatre|cinq|dos|tres|cuatro|cinco)\\b(?:\\s*(?:stars?|etoiles?|estrellas?|★))?`;
/** A raise to a given value: "change it to 5", "bump it up to 4", "subirla a 4", "change that 3 to a 5". */
export const RAISE_TO = re(
  `${CHANGE_ASKED}(?:\\s*-?\\s*(?:it|them|that|this|la|lo|le|l'|ca))?(?:\\s+(?:that|the|your|this|those|these|ce|cette|ces|votre|vos|ese|esa|esas|esos|el|la|las|los|tu|tus|su|sus)\\s+[1-4](?:\\s*(?:stars?|etoiles?|estrellas?|★))?)?(?:\\s+up)?\\s+(?:to|a|pour|en|into|por|par)\\s+${LOW_TO_HIGH}${NOT_A_QUANTITY}|(?<![\\d.,])[1-4]\\s*(?:→|->|=>|➡|⇒)\\s*[2-5]\\b(?![.,]\\d)|\\bfrom\\s+[1-4]\\s+to\\s+(?:a\\s+)?(?:[2-5])\\b(?=\\s*(?:stars?|etoiles?|estrellas?|★)|\\s*[?!.]|$)|\\bde\\s+[1-4]\\s+a\\s+[2-5]\\s+(?:etoiles?|estrellas?)`,
);


/**
 * A rating brought in line with newer work: "if my score reflected the revision", "que la note
 * reflète la nouvelle version", "que la puntuación refleje los cambios". Bound to the work
 * changing, so "a review that reflects your honest experience" is not one.
 */
const REFLECT = `\\b(?:reflect|reflects|reflected|reflecting|matched|match|matches|caught up with|catch up with|kept up with|keep up with|reflete|refletait|refletent|refleter|corresponde|correspondait|correspondrait|tienne compte de|tenait compte de|refleja|refleje|reflejara|reflejase|reflejar|reflejaran|estuviera a la altura de)\\s+(?:(?:the|my|these|those|all the|la|le|les|mes|ma|mon|el|la|los|las|mis|mi|tus|tu)\\s+)?(?:(?:new|latest|last|final|updated|revised|recent|nouvelle|nouvelles|derniere|dernieres|nueva|nuevas|ultima|ultimas)\\s+)?(?:revision|revisions|changes|change|update|updates|version|versions|fixes|improvements|edits|tweaks|work|round|concept|entry|upload|modifications|corrections|ameliorations|retouches|cambios|mejoras|correcciones|ajustes|revisiones|version|propuesta|entrega)\\b`;

/** A rating made to go away or go up by itself: "that low score could go away", "si la nota sube a 5". */
export const RATING_GOES = re(
  `(?:${RATING_NOUN}|${FRACTION})[^.!?\\n]{0,30}?${REFLECT}|\\b(?:have|get|got|having|getting|avoir|faire|tener|hacer)\\s(?:\\w+\\s){0,3}?(?:${RATING_NOUN}|${FRACTION})\\s+(?:removed|deleted|changed|updated|raised|taken down|withdrawn|bumped up|retiree?|supprimee?|enlevee?|modifiee?|changee?|quitada|borrada|eliminada|cambiada|retirada|actualizada)\\b|(?:${RATING_NOUN}|${FRACTION})[^.!?\\n]{0,30}?\\b(?:could|can|would|might|may|will|pourrait|peut|puede|podria)?\\s*(?:just\\s+)?(?:go away|disappear|vanish|be removed|be deleted|be changed|be updated|be raised|be bumped|go up|sube a|suba a|subiera a|monte a|passe a|passait a|desaparec\\w*|disparai\\w*|disparaitre|s'en aller|quitarse|borrarse)`,
);

/** A pronoun made to go away: "any chance it could disappear?"; needs a rating mentioned nearby. */
export const PRONOUN_GOES = re(
  `\\b(?:make|let|faire|hacer|hacerla|hacerlo|hacerlas)\\s+(?:it|them|that|this|la|les|lo|las)?\\s*(?:disappear|go away|vanish|disparaitre|desaparecer)\\b|\\b(?:it|that|this|they|la|lo|ca|elle)\\s+(?:could|can|would|might|may|pourrait|peut|puede|podria)\\s+(?:just\\s+)?(?:go away|disappear|vanish|be removed|be deleted|be changed|be raised|go up|desaparecer|disparaitre)\\b`,
);

/** A change verb on a pronoun: "can you change it", "¿la puedes quitar?"; needs a rating nearby. */
export const CHANGE_PRONOUN = re(
  [
    `${CHANGE_ASKED}\\s*-?\\s*(?:it|them|that one|this one)\\b(?!\\s+(?:to|into)\\s)`,
    `\\b(?:la|lo|le|les|l')\\s*(?:(?:puedes|podrias|puede|podria|pourriez-vous|pouvez-vous|pourrais-tu|peux-tu|quieres|voudriez-vous)\\s+)?(?:quitar|borrar|cambiar|eliminar|subir|modificar|retirer|supprimer|enlever|changer|modifier|remonter|effacer|actualizar|retirar)\\b`,
    `\\b(?:take|pull|bring|knock|taking)\\s+(?:it|them|that|this one|that one)\\s+(?:down|off|away)\\b`,
    `\\b(?:quitarla|quitarlo|borrarla|borrarlo|cambiarla|cambiarlo|subirla|subirlo|eliminarla|eliminarlo|modificarla|modificarlo|actualizarla|actualizarlo)\\b`,
  ].join('|'),
);

/** Enough of a rating mentioned to give "it" a referent: "1 star", "2/5", "you rated", "esa estrella sola". */
export const RATING_MENTION = re(
  `${STAR_COUNT}|${FRACTION}|${NOTE}|\\b(?:rated|rating|ratings|review|score|avis|calificacion|valoracion|resena|calificaste|valoraste|notee?|m'avez mis|me pusiste|me diste|you gave)\\b(?!\\s+${DESIGN_AFTER}\\b)|\\b(?:that|this|esa|esta|cette)\\s+(?:single\\s+|lonely\\s+|one\\s+)?(?:star|estrella|etoile)\\s+(?:sola|solitaire|alone)\\b|\\b(?:lonely|single|lone)\\s+star\\b`,
);

// ---------------------------------------------------------------------------------------
// Asking the customer not to leave a low one
// ---------------------------------------------------------------------------------------

const LOW = alt(
  'bad', 'negative', 'low', 'poor', 'mean', 'harsh', 'lousy', 'terrible', 'horrible', '1-star', '1 star', 'one-star', 'one star',
  'mala', 'mal', 'negativa', 'negativo', 'baja', 'mauvais', 'mauvaise', 'negatif', 'negative', 'faible', 'sale',
);
const LOW_NOUN = alt(
  'review', 'rating', 'feedback', 'score', 'resena', 'valoracion', 'calificacion', 'opinion', 'comentario', 'nota',
  'avis', 'note', 'evaluation', 'commentaire', 'critique', 'critica', 'puntuacion', 'estrellas', 'etoiles', 'stars',
);
const FIVE_OR_STAR = `(?:5|five|cinq|cinco)\\b`;
const LEAVE_VERB = alt(
  'leave', 'give', 'post', 'write', 'put', 'drop', 'rate', 'leaving', 'giving', 'posting', 'writing',
  'dejes', 'dejeis', 'des', 'pongas', 'escribas', 'publiques', 'dejarme', 'dejar', 'poner', 'darme', 'dar',
  'mettez', 'laissez', 'mettre', 'laisser', 'donnez', 'donner', 'mets', 'laisse', 'publiez', 'ecrivez', 'attribuez',
);
export const AVOID_LOW = re(
  `\\b(?:please|pls|plz|svp|por favor|porfa)\\s+(?:no|not|pas de|sin|nada de)\\s+(?:more\\s+)?(?:1|one|2|two|un|une|una)\\s*-?\\s*(?:stars?|etoiles?|estrellas?)\\b|\\b(?:no|not|pas de|sin|nada de)\\s+(?:more\\s+)?(?:1|one|2|two|un|une|una)\\s*-?\\s*(?:stars?|etoiles?|estrellas?)\\b[^.!?\\n]{0,12}?(?:please|pls|plz|svp|por favor|porfa|\\u{1F64F})|\\b(?:don'?t|do not|please don'?t|no me|ne me)\\s+(?:rate|grade|score|mark|califiques|puntues|valores|notez|notes)\\s+(?:me\\s+|us\\s+|it\\s+)?(?:under|below|less than|lower than|en dessous de|moins de|menos de|por debajo de)\\s+(?:a\\s+)?${FIVE_OR_STAR}|\\b(?:don'?t|do not|dont|please don'?t|no me|no nos|ne me|ne nous)\\s+(?:rate|grade|score|mark|califiques|puntues|valores|evalues|notez|notes|notez pas|note pas|juges)\\s+(?:me\\s+|us\\s+|pas\\s+|it\\s+)?(?:badly|poorly|low|too low|harshly|mal|bajo|severement|severamente|durement)\\b|\\b(?:don'?t|do not|dont|never|won'?t|will not|wouldn'?t|would not|avoid|no|ne|n'|nunca|jamais|evitez|evite|evita|sans)\\b[^.!?\\n]{0,20}?\\b${LEAVE_VERB}\\b[^.!?\\n]{0,16}?\\b${LOW}\\s+${LOW_NOUN}\\b`,
);

// ---------------------------------------------------------------------------------------
// Something of value
// ---------------------------------------------------------------------------------------

// Digit runs are bounded and start where a number starts, so a wall of digits stays linear.
const MONEY = `(?:[$€£]\\s?\\d{1,9}(?:[.,]\\d{1,3})?|(?<![\\d.,])\\d{1,9}(?:[.,]\\d{1,3})?\\s?(?:[$€£]|usd|eur|euros?|dollars?|dolares|bucks|quid|pounds|pesos|livres)\\b)`;
const EXTRA_WORK = alt('revision', 'revisions', 'design', 'designs', 'concept', 'concepts', 'mockup', 'mockups', 'version', 'versions', 'round', 'rounds', 'change', 'changes', 'variations', 'variation', 'files', 'file', 'pages', 'page', 'logo', 'logos', 'icons', 'work');
export const VALUE = re(
  [
    MONEY,
    `(?<![\\d.,])-?\\d{1,3}\\s?%(?:\\s?off)?`,
    `\\b(?:discount|discounts|discounted|refund|refunds|refunded|refunding|reimburse|reimbursed|coupon|coupons|voucher|vouchers|bonus|bonuses|gift|gifts|gift card|giftcard|cashback|cash back|money back|rebate|freebie|freebies|complimentary|on the house|promo code|discount code|reward|rewards|perk|perks|tip you|pay you|paying you|i'll pay|i will pay|send you back|send back)\\b`,
    `\\b(?:waive|waived|waiving|throw in|throwing in|thrown in|chuck in|make it worth your while|worth your while|special price|special rate|mate's rates|friend price|half price|half-price|half off|on me|i'll cover|i will cover|cover the (?:cost|costs|printing|fee|fees|shipping|hosting))\\b`,
    `\\b(?:a little something|a small something|something special|a surprise|a treat|lower the price|lower my price|reduce the price|reduced price|cheaper|un petit quelque chose|une surprise|un petit cadeau|baisser le prix|prix reduit|moins cher|una sorpresa|un detalle|algo especial|un regalito|bajar el precio|precio reducido|mas barato)\\b`,
    `\\b(?:for free|free of charge|at no (?:extra\\s+)?(?:cost|charge)|no (?:extra\\s+)?charge|without charge|% off|off your next|off the next)\\b`,
    `\\bfree\\b(?<!\\b(?:feel|feels|be|royalty|copyright|hands|sugar|gluten|stress|hassle|worry|error|bug|duty|tax|carbon|fat|risk|care|scot|lead|fragrance|cruelty)[\\s-]free)(?!\\s*(?:to|for (?:commercial|personal)|font|fonts|time|-form|form|lance|lancer|hand|space|standing|shipping|trial|version of (?:the )?font|license|licence|stock|images?|photos?|icons? pack|of (?:copyright|rights)|plan|tier|account)\\b)(?!-)`,
    `\\b(?:extra|additional|unlimited|more|bonus)\\s+(?:free\\s+)?${EXTRA_WORK}\\b`,
    // French
    `\\b(?:remise|remises|reduction|reductions|rabais|rembourse|rembourser|remboursement|remboursements|rembourserai|rembourserais|remboursee?|gratuit|gratuite|gratuits|gratuites|gratuitement|offert|offerte|offerts|offertes|cadeau|cadeaux|bon d'achat|bons d'achat|code promo|bon de reduction|prime|geste commercial|sans frais|a l'oeil|carte cadeau|ristourne|dedommagement|dedommager)\\b`,
    `\\b(?:je vous|je t'|je te|on vous|je vous en)\\s*(?:l'|les |la |le )?offr\\w*`,
    `\\b(?:revisions?|retouches?|propositions?|maquettes?|declinaisons?|versions?|modifications?|pages?|creations?)\\s+(?:supplementaires?|en plus|bonus|offertes?)\\b`,
    `\\b(?:prix special|prix d'ami|tarif preferentiel|tarif special|a moitie prix|moitie prix|je prends en charge|je vous paie|je te paie|je vous paye|c'est pour moi)\\b`,
    `\\bje vous fais\\s+(?:cadeau|une fleur|un prix|une remise|une reduction)\\b`,
    // Spanish
    `\\b(?:descuento|descuentos|rebaja|rebajas|reembolso|reembolsos|reembolsar|reembolso|te reembolso|le reembolso|gratis|gratuito|gratuita|gratuitos|gratuitas|regalo|regalos|te regalo|le regalo|regalarte|regalamos|obsequio|obsequiar|te obsequio|bono|bonos|cupon|cupones|codigo de descuento|sin costo|sin cargo|sin coste|de regalo|tarjeta de regalo|premio|recompensa)\\b`,
    `\\b(?:te|le|os)\\s+(?:devuelvo|devolvere|devuelva|devolveria|pago|pagare|pagaria|doy|dare|daria|hago|hare|haria|mando|envio|regalo|obsequio)\\b(?=[^.!?\\n]{0,60}?(?:${MONEY}|\\d+\\s?%|gratis|regalo|dinero|recargo|anticipo|deposito|pago|tarifa|\\bgratuit|sin costo|extra|adicional|bonus))`,
    `\\b(?:devolver|devuelvo|devolvere|devolverte|devolverle)\\b`,
    `\\b(?:precio especial|precio de amigo|mitad de precio|a mitad de precio|medio precio|tarifa especial|corre por mi cuenta|yo invito|te invito)\\b`,
    `\\b(?:revisiones|disenos|versiones|cambios|propuestas|paginas)\\s+(?:extra|adicionales|gratis|de regalo|de mas)\\b`,
  ].join('|'),
);

/** A thank-you for something already given: "thanks for the 5 stars", "merci pour votre avis". */
export const THANKED = re(
  [
    `\\b(?:thanks|thank you|thx|ty|cheers|many thanks|merci|gracias|mil gracias)\\s+(?:so much\\s+|a lot\\s+|again\\s+|beaucoup\\s+|mil\\s+|muchas\\s+)?(?:for|pour|por)\\s+(?:the|your|those|these|les|la|le|l'|vos|votre|ta|tes|tu|tus|las|los|el|su|sus)\\b`,
    `\\b(?:got|received|saw|seen)\\s+your\\b|\\bj'ai (?:bien )?(?:recu|vu)\\b|\\b(?:recibi|vi)\\s+(?:tu|su)\\b`,
  ].join('|'),
);

/** A deal being kept: what follows was promised for the rating. */
export const PROMISED = re(
  `\\b(?:as promised|like i said|as i said|as agreed|like we agreed|as we agreed|like i promised|as i promised|comme promis|comme convenu|comme prevu|comme je vous l'avais dit|como prometi|como te dije|como acordamos|como quedamos|lo prometido)\\b`,
);

const THANKS_FOR = alt('feedback', 'avis', 'opinion', 'comentario', 'commentaire', 'score', 'retour', 'retours', 'comentarios', 'commentaires');
/** A rating that the customer's thanks are for: counts as traded only when a deal is being kept. */
export const THANKED_RATING = re(
  `\\b${THANKS_FOR}\\b(?<=\\b(?:thanks|thank you|thx|merci|gracias)[^.!?\\n]{0,24}${THANKS_FOR})`,
);

const BEFORE_RATE = `\\b(?:before|prior to|instead of|rather than|avant de|avant d'|au lieu de|antes de|en vez de|en lugar de)\\s+(?:you\\s+|vous\\s+|tu\\s+|me\\s+)?(?:(?:rate|rating|rated|reviewing|noter|evaluer|calificar|calificarme|valorar|valorarme|puntuar|opinar)\\b|(?:leave|leaving|give|giving|post|posting|submit|submitting|put|putting|laisser|mettre|donner|publier|dejar|poner|dar|publicar)\\s+(?:(?:a|an|your|the|any|un|une|votre|una|tu|la|el|une)\\s+)?(?:[a-z]+\\s+)?(?:rating|review|feedback|stars?|note|avis|evaluation|resena|calificacion|valoracion|opinion|nota|estrellas|etoiles)\\b)`;
const CONTACT = `\\b(?:message|msg|contact|talk to|tell|write to|write me|ping|reach out|let me know|text|dm|email|ecrivez|ecris|contactez|contacte|parlez|dites|prevenez|escribeme|escribe|contactame|contacta|avisame|avisa|dime|hablame|hablemos|mandame)\\b`;
/** "Message me before you rate": heading off a low rating before it is given. */
export const PREEMPT = re(
  `${BEFORE_RATE}[^.!?\\n]{0,40}?${CONTACT}|${CONTACT}[^.!?\\n]{0,40}?${BEFORE_RATE}|${BEFORE_RATE}[^.!?\\n]{0,20}?\\b${LOW}\\b`,
);

/** A designer offering to do or give something: value when traded for a rating in the same breath. */
export const OFFER = re(
  `\\b(?:i'?ll|i will|i can|i could|i'?d|i would|happy to|glad to|je vous|je peux vous|je te|je vais vous|je t'|te|le)\\s+(?:[a-z']+\\s+){0,2}?(?:send|give|add|include|throw in|make|do|design|create|deliver|share|pay|refund|reimburse|waive|cover|knock|credit|gift|envoyer|envoie|enverrai|donner|donne|ajouter|ajoute|faire|fais|ferai|offrir|offre|offrirai|rembourse|rembourserai|paie|paye|creer|mandar|mando|mandare|enviar|envio|enviare|dar|doy|dare|hacer|hago|hare|agregar|agrego|incluir|incluyo|disenar|diseno|regalar|regalo|regalare|pago|pagare|devuelvo|devolvere|reembolso|ofrezco)\\b`,
);
/**
 * "…and I'll send you", "…et je vous envoie en plus", "…y te envío además": a gift joined by
 * "and" to the rating just asked for is the price of it, whatever is sent. Giving verbs only,
 * aimed at the customer: "…and I'll update the colours" offers nothing.
 */
export const AND_OFFER = re(
  `\\b(?:and|et|y)\\s+(?:then\\s+|puis\\s+|ensuite\\s+|luego\\s+)?(?:(?:i'?ll|i will|i can|i'?d|i would)\\s+(?:also\\s+|even\\s+|happily\\s+|personally\\s+)?(?:send|give|gift|pay|refund|credit|mail|email|hand)\\s+(?:you|u|ya)\\b|(?:i'?ll|i will)\\s+(?:also\\s+|even\\s+|happily\\s+)?(?:throw in|waive|cover|knock)\\b|(?:je vous|je te|je t')\\s*(?:(?:le|la|les|en)\\s+)?(?:envoie|enverrai|envoierai|donne|donnerai|offre|offrirai|ajoute|ajouterai|rembourse|rembourserai|paie|paierai|fais cadeau|glisse|glisserai|prepare|preparerai)\\b|(?:te|le|os)\\s+(?:lo\\s+|la\\s+|los\\s+|las\\s+)?(?:envio|enviare|mando|mandare|doy|dare|regalo|regalare|paso|pasare|pago|pagare|devuelvo|devolvere|reembolso|ofrezco|incluyo|agrego|obsequio|preparo|preparare|hago llegar)\\b)`,
);

const MATERIAL_NOUN = alt('reviews', 'testimonials', 'ratings', 'quotes', 'avis', 'temoignages', 'citations', 'resenas', 'testimonios', 'opiniones', 'valoraciones', 'comentarios');
/**
 * Existing reviews asked for as material: "send me the five-star reviews you want quoted on the
 * flyer", "pourriez-vous m'envoyer les avis cinq étoiles à citer", "pásame las reseñas de cinco
 * estrellas para la web". A customer gives one rating; several, with a determiner ("the",
 * "your", "those"), are ones that already exist, to be copied, not given. What the span covers
 * ("five-star reviews") is then a description, not an ask.
 */
export const REVIEWS_AS_MATERIAL = re(
  `\\b(?:send|forward|share|paste|email|mail|pass|provide|upload|attach|copy|collect|gather|pick|choose|select|list|compile|dig up|find|grab|pull|export|screenshot|(?:m'|nous\\s+)?(?:envoyer|envoyez|envoie|transmettre|transmettez|transferer|transferez|partager|partagez|copier|copiez|coller|collez|choisir|choisissez|selectionner|selectionnez|recuperer|recuperez|faire suivre)|envias|mandas|pasas|compartes|reenvias|enviar(?:me|nos)?|envia(?:me|nos)?|envie(?:me)?|mandar(?:me|nos)?|manda(?:me|nos)?|pasar(?:me|nos)?|pasa(?:me|nos)?|compartir(?:me)?|comparte(?:me)?|reenviar(?:me)?|reenvia(?:me)?|copiar|copia|elegir|elige|seleccionar|selecciona)\\s+(?:(?:me|us|over|along|moi|nous)\\s+)?(?:(?:the|your|those|these|any|all(?: of)?(?: the| your)?|some of (?:the|your)|a few of (?:the|your)|les|vos|ces|tes|quelques-uns des|las|los|tus|sus|esas|esos|estas|estos|vuestras|algunas de (?:las|tus)|algunos de (?:los|tus))\\s+)(?:(?:best|top|favou?rite|existing|current|old|past|latest|recent|customer|client|real|google|meilleurs|meilleures|mejores|ultimas|ultimos)\\s+)?(?:(?:[1-5]|five|four|cinq|quatre|cinco|cuatro)[\\s-]*(?:stars?|★)\\s+)?${MATERIAL_NOUN}\\b(?:\\s+(?:de\\s+|a\\s+|with\\s+)?(?:[1-5]|five|four|cinq|quatre|cinco|cuatro)[\\s-]*(?:stars?|etoiles?|estrellas?|★))?`,
);

/** "In exchange for a review", "contre un avis", "a cambio de 5 estrellas", "for a 5-star review". */
export const FOR_RATING = re(
  `\\b(?:in exchange for|in return for|as a thank[- ]you for|as thanks for|en echange d'?|en echange de|contre|a cambio de|en agradecimiento por|como agradecimiento por)\\s+(?:(?:a|an|your|my|un|une|votre|una|tu|su|the|le|la|el|des|some|vos|tus|mes|mis)\\s+)?(?:[a-z0-9★-]+\\s+){0,2}?(?:ratings?|reviews?|feedback|stars?|avis|note|etoiles?|resenas?|valoracion|calificacion|opinion|estrellas?|testimonial|★+|5\\/5)|\\bfor\\s+(?:(?:a|an|one|every|each)\\s+)?(?:5|five)[\\s-]*(?:stars?|★)`,
);

/** "In exchange for", "contre", "a cambio de": value and a rating traded in one breath. */
export const EXCHANGE = re(
  `\\b(?:in exchange for|in return|in return for|as a thank-you for|as a thank you for|as thanks for|for a|for an|for your|for every|for each|for leaving|for giving|for rating|en echange d'?|en echange de|contre|pour un|pour une|pour chaque|a cambio de|a cambio|por una|por un|por cada|por dejar|por darme)\\b`,
);

/** Words that make a value and a rating a trade: "and you'll get", "5★ = bonus", "deal?", "if". */
export const TRADE = re(
  `=|→|->|\\b(?:if|once|si|deal|i'?ll|i will|je vous|je te|je t'|je peux vous|te regalo|te devuelvo|te pago|te hago|te doy|te mando|te envio|te reembolso|te ofrezco|you'?ll get|you get|and get|get your|you will get|vous aurez|tu auras|vous recevrez|tendras|tendra|recibiras|recibira|obtendras|in return|en retour|de vuelta)\\b` +
    // A rating that "gets you", "earns you", "vous donne droit à" something: the price named, no "if" needed.
    `|\\b(?:gets?|earns?|wins?|buys?|scores?|nets?|unlocks?|will get|will earn|would get|would earn)\\s+(?:you|u|ya)\\b|\\bet\\s+(?:vous|tu)\\s+(?:recevez|recois|obtenez|obtiens|gagnez|gagnes|avez|as)\\b|\\b(?:vous|te|t')\\s*(?:donne|donnera|donnent|vaut|vaudra|rapporte|rapportera|offre)\\s+(?:droit|acces)\\b|\\by\\s+(?:recibes|recibe|obtienes|obtiene|te llevas|se lleva|ganas|gana)\\b|\\bte\\s+(?:da|dara|consigue|conseguira)\\s+(?:derecho|acceso)\\b`,
);

/**
 * A value named as already given or as a reason ("since the revisions were free", "I already
 * gave you a discount"): leverage, perhaps, but no offer. Read on the words just before it.
 */
export const VALUE_AS_REASON = /\b(?:already|gave|given|provided|thanks to|since|because|considering|after all|grace a|puisque|vu que|deja|gracias a|ya que|dado que|como ya|ya te)\b[^.!?\n]{0,30}$/u;

/** Stars as a picture: a sentence about a hotel sign or a night sky names stars, not a rating. */
export const STAR_SCENE = re(
  `\\b${alt(
    'hotel', 'hotels', 'resort', 'hostel', 'flag', 'sky', 'night', 'galaxy', 'constellation', 'sign', 'signage', 'placeholder',
    'widget', 'icon', 'icons', 'pattern', 'background', 'illustration', 'sticker', 'emblem', 'crest', 'badge', 'border',
    'confetti', 'sparkle', 'sparkles', 'pointed', 'outline', 'filled', 'gold stars', 'yellow stars', 'michelin', 'sheriff',
    'christmas', 'mockup', 'footer', 'header', 'banner', 'cielo', 'noche', 'bandera', 'letrero', 'fondo', 'icono', 'iconos',
    'google', 'yelp', 'trustpilot', 'tripadvisor', 'homepage', 'landing page', 'testimonials', 'crest',
    'ciel', 'nuit', 'drapeau', 'enseigne', 'fond', 'icone', 'icones', 'motif', 'hotel de', "l'hotel",
  )}\\b`,
);

/** Someone else's customers rating someone else: "your customers leave a review and get 10% off". */
export const THIRD_PARTY = re(
  `\\b(?:your|their|the|our|his|her|tes|vos|leurs|les|tus|sus|los|nuestros)\\s+(?:own\\s+)?${alt(
    'customers', 'clients', 'guests', 'visitors', 'users', 'buyers', 'shoppers', 'patrons', 'diners', 'readers', 'followers',
    'subscribers', 'members', 'students', 'patients', 'fans', 'audience', 'invites', 'visiteurs', 'utilisateurs', 'acheteurs',
    'clientes', 'huespedes', 'visitantes', 'usuarios', 'compradores', 'seguidores',
  )}\\b|\\b(?:customers|clients|guests|users|clientes|usuarios)\\s+(?:who|that|can|will|get|que|qui)\\b`,
);

/** A designer telling of stars already earned: "I always get 5 stars", "j'ai toujours 5 étoiles". */
export const SELF_RATED = re(
  `\\b(?:i|we|i've|we've|i'm|j'ai|nous avons|tengo|tenemos|he|hemos|siempre)\\s+(?:always\\s+|usually\\s+|often\\s+|mostly\\s+|only\\s+|already\\s+|just\\s+|toujours\\s+|siempre\\s+|deja\\s+|ya\\s+){0,2}(?:get|got|gotten|have|had|received|earned|hold|keep|been getting|eu|obtenu|recu|recibido|obtenido|tenido|conseguido|tengo|recibo|obtengo)\\b[^.!?\\n]{0,25}`,
);

/**
 * Cheap first look: a sentence without any of these stems cannot match a rating pattern, so
 * the expensive patterns skip it, and a message without any skips them all. Every rating
 * pattern above holds one of them; a test (message-detectors.test.ts) holds that promise over
 * the test sentences. Stems start a word ("rate", not the "rat" of "separate"; "note", not
 * "nothing"), and a digit counts only as a small number standing alone, not "#2" or "2026":
 * most design talk then never reaches the patterns.
 */
export const RATING_HINT = re(
  `★|\\*|(?<![\\w#])(?:[1-5]|10)(?!\\d|[.,:]\\d)|\\b(?:re-?|un-?)?${alt(
    'star', 'etoil', 'estrel', 'review', 'feedback', 'scor', 'resen', 'valor', 'calif', 'puntu', 'puntaj',
    'opinion', 'opinar', 'comment', 'coment', 'testimon', 'evalu', 'appreciation', 'recommend', 'recommand', 'recomend',
    'recomiend', 'critique', 'critica', 'juge', 'juzg', 'r8', "m'avez mis",
  )}|\\b(?:re-?|un-?)?${alt(
    'rate', 'rates', 'rated', 'rating', 'ratings', 'note', 'notes', 'noter', 'notez', 'notee', 'notees', 'nota', 'notas', 'avis',
    'mark', 'marks', 'grade', 'grades', 'graded', 'grading', 'max', 'maximum', 'maximal', 'maximale', 'maxima', 'maximo',
    'five', 'cinq', 'cinco', 'ten', 'dix', 'diez', 'two', 'three', 'four', 'deux', 'trois', 'quatre', 'dos', 'tres', 'cuatro',
    'mot', 'mots', 'palabra', 'palabras', 'word', 'words', 'write-up', 'retour', 'retours', 'gave', 'pusiste', 'diste',
  )}\\b|\\b(?:something|quelque chose|algo)\\s+(?:de\\s+)?(?:nice|good|positive|kind|sympa|gentil|positif|bonito|bueno|positivo|lindo)\\b`,
);

/** Text quoted from someone else ("you wrote 'five-star service'"): not the designer's ask. */
export const REPORTED_QUOTE = re(
  `\\b(?:said|say|says|wrote|write|writes|mention\\w*|quot\\w*|called|named|titled|slogan|tagline|headline|brief|text|copy|reads|read|caption|cta|popup|pop-up|banner|flyer|poster|label|button|email|e-mail|ecrit|dit|dites|appelle|intitule|slogan|escribiste|dijiste|dice|dices|llama|titulado|eslogan|lema)\\b[^"'\\n]{0,25}?(?:"[^"\\n]{1,240}"|(?<![a-z])'[^\\n]{1,240}?'(?![a-z]))`,
);
