// RULES.md R12: pressure_message and incentive_offer. Sentences here are our own, written to
// cover phrasings the corpus may not; the test at the end holds the figures on the corpus's dev
// split (the benchmark measures the rest).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY } from '../../../core/policy';
import { analyseMessage, foldForMatching, incentiveOffer, pressureMessage, scanMessage } from '../../../core/manipulation/message-detectors';
import type { ManipulationFacts } from '../../../core/manipulation/types';
import type { Message } from '../../../core/wire/entities';
import { detectorQuality, readCorpus } from '../../../bench/detector-quality';
import {
  AVOID_LOW,
  CHANGE_RATING,
  FOR_RATING,
  HIGH_RATING,
  PREEMPT,
  RAISE_TO,
  RATING_GOES,
  RATING_HINT,
  RATING_MENTION,
  RATING_OBJECT,
  THANKED_RATING,
} from '../../../core/manipulation/phrases';
import { T0, makeMessage } from '../builders';

const facts = (messages: Message[]): ManipulationFacts => ({
  designers: [],
  customers: [],
  messages,
  ratings: [],
  reviews: [],
  reports: [],
  contracts: [],
});
const asOf = { asOf: '2026-11-30T00:00:00.000Z' };

const ASKS_FOR_HIGH_RATING: string[] = [
    // English
    'Would you mind giving my entry five stars?',
    'Do me a favour and rate my logo 5 stars.',
    'A 5-star rating from you would really boost my profile.',
    'Please consider giving me a 5 star review.',
    'I need 5 stars to stay in the top designers list, can you help?',
    'Just leave a positive review when you get a sec!',
    'Hoping for a perfect score from you :)',
    'Mind giving it 5/5?',
    'Can you rate all my designs with 5 stars?',
    'It would mean the world if you gave me five stars.',
    '5 stars would be awesome',
    'Hit that 5 star button for me!',
    'Rate 5 stars please',
    "I'd really appreciate a glowing review.",
    'Could you leave me a great review on my profile?',
    'Please make sure to leave a five-star review.',
    'Please remember to rate me 5 stars when the contest ends.',
    'Could you rate my work highly?',
    'Please give my design a high rating.',
    "I'm begging you, five stars",
    'Give me 5 stars and I will be forever grateful',
    'FIVE STARS, PLEASE!',
    'pls 5* thx',
    'Five stars. Please.',
    'A ⭐️⭐️⭐️⭐️⭐️ from you would make my day',
    '⭐ ⭐ ⭐ ⭐ ⭐ pls',
    '5x⭐ please',
    '5 $tars please',
    'fiiive staaars pleeease',
    'hook me up with 5 stars!',
    'All I ask is 5 stars',
    'fingers crossed for 5 stars 🤞',
    'Looking forward to your 5-star review!',
    'A 5 star would be the cherry on top',
    "Don't be shy with the stars 😄",
    'Could you click the last star?',
    'anything less than 5 stars would hurt my ranking',
    'I think this deserves 5 stars, honestly',
    'Be generous with the stars please 😇',
    'Please give me ten out of ten',
    'Help a designer out with 5 stars?',
    'Hey! Quick favour — when the contest wraps up, could you pop a 5-star rating on my entry?',
    'If it is not too much trouble, a five-star review would go a long way.',
    "You'd make my week with a 5 star review!",
    'Please be kind with your rating 🙏',
    'Top rating please 🙏',
    '5 star me pls',
    "I'd be over the moon with 5 stars",
    'Hoping for some kind words in your review!',
    'When they ask how likely you are to recommend me, please put 10 🙏',
    // French
    'Merci de laisser un avis 5 étoiles.',
    'Pouvez-vous me donner la note maximale ?',
    'Auriez-vous la gentillesse de me mettre 5 étoiles ?',
    'Une petite note de 5/5 serait top.',
    'Est-ce que tu peux me mettre cinq étoiles ?',
    "N'hésitez pas à me laisser 5 étoiles !",
    "J'aimerais beaucoup avoir 5 étoiles de votre part.",
    'Une bonne note m’aiderait énormément.',
    'METTEZ 5 ETOILES SVP',
    'Je croise les doigts pour les 5 étoiles',
    'Une note maximale me ferait plaisir',
    'Vous pouvez me noter au maximum ?',
    'Une note de 5 serait vraiment appréciée',
    'Vous voulez bien me noter 5/5 ?',
    'Je me permets de vous demander 5 étoiles.',
    "Si ça vous a plu, n'oubliez pas les 5 étoiles 😉",
    'Une note plus haute m’aiderait beaucoup.',
    // Spanish
    '¿Me podrías poner 5 estrellas?',
    'Deja una reseña de 5 estrellas, por favor.',
    'Me encantaría que me dieras cinco estrellas.',
    'Califícame con cinco estrellas.',
    'Necesito 5 estrellas para subir de nivel, ¿me ayudas?',
    'Ojalá me des la máxima puntuación.',
    'Una valoración positiva me ayudaría mucho.',
    'Dame 5 estrellitas 🙏',
    'ponme cinco estrellas porfa',
    'No seas malo y ponme 5 estrellas',
    'Cuento con tus 5 estrellas',
    'Una calificación de 5 me vendría genial',
    'Ponme un diez',
    '¿Serías tan amable de darme 5 estrellas?',
    'Acuérdate de dejarme 5 estrellas 😊',
    'Estaría muy agradecido si me pones 5 estrellas.',
];

const ASKS_TO_CHANGE_RATING: string[] = [
    'Could you please bump my rating up to 5?',
    'Could you delete the 2-star rating you gave my second concept?',
    'Please withdraw your negative review.',
    'Would you be willing to revise your rating?',
    'Any chance you could edit your review?',
    'Please change the 1-star to a 5-star.',
    'Can you take your 2-star rating down?',
    'If you could raise my score that would be great',
    'Please reconsider your 1 star review.',
    'Could you remove the bad review you left yesterday?',
    'Please update your rating to reflect the final version.',
    'Could you improve my rating?',
    'You gave my logo 2 stars. Can you change it?',
    'Pourriez-vous supprimer votre avis négatif ?',
    'Ça m’aiderait beaucoup si vous changiez votre note.',
    'Vous pourriez retirer la note de 2 étoiles ?',
    'Si vous pouviez revoir votre note à la hausse, ce serait génial.',
    'Pouvez-vous augmenter votre note ?',
    '¿Podrías quitar tu reseña negativa?',
    'Por favor, cambia tu valoración a 5 estrellas.',
    '¿Puedes subir tu calificación?',
    '¿Podría eliminar la reseña de una estrella?',
    'Te agradecería que actualizaras tu opinión.',
    'Is it possible to have the low rating removed?',
    'Please flip that 2 to a 5',
    'Change 3→5 please',
    'the 2 stars you gave me... could you make them disappear?',
    'Can we get rid of that 1-star?',
    'You can still edit your review btw 😉',
    'Pourriez-vous revenir sur votre note ?',
    'Pouvez-vous rehausser votre note ?',
    '¿Puedes cambiar esas 2 estrellas por 5?',
    'Cámbiame la nota a 5',
    'Si puedes, súbeme la nota',
    'My rating took a hit from your 2 stars. Would you mind having another look at it?',
    'Your 3-star review really hurt. Could you take it down?',
    'Could you re-rate my design after the fixes?',
    'Please clear your rating.',
    "Vous seriez d'accord pour supprimer l'avis négatif ?",
    'Pourriez-vous passer la note à 5 ?',
    'Pourriez-vous noter à nouveau ma proposition ?',
    '¿Te importaría quitar la reseña?',
    '¿Podrías volver a calificar mi diseño?',
    'Tu calificación de 2 estrellas me perjudica, ¿la podrías cambiar?',
];

const ASKS_NO_LOW_RATING: string[] = [
    "Please don't give me a low rating, I'll fix everything.",
    'Merci de ne pas me laisser de mauvaise note.',
    'No me pongas una mala calificación, porfa.',
    'Please no 1 stars 🙏',
    "Don't rate me under 5 please",
    'Porfa, no me califiques mal',
    'Please talk to me before leaving a low rating.',
    "If anything's wrong, message me before you rate!",
    'Avant de mettre une mauvaise note, écrivez-moi svp.',
    'Antes de calificar, escríbeme por favor.',
];

const DESIGN_TALK: string[] = [
    'I added more stars in the night sky behind the mountain.',
    "I'll remove the background so you get a transparent PNG.",
    "Thanks for the feedback, I'll update the colours tonight.",
    'Revision 5 with the star icon is uploaded.',
    'The hotel is a 5-star resort, so I used gold foil.',
    'Can you send me the 5-star hotel’s brand guide?',
    "I'll review the fonts again tomorrow.",
    'Please review the attached proof before printing.',
    'Free revisions are included until you are happy.',
    'Feel free to rate the concepts so I know your direction.',
    'Could you rate which of the three concepts you prefer?',
    'Please give me your honest feedback on the logo.',
    'Your review widget now shows 5 stars by default.',
    'Can you change the rating stars to gold?',
    'Do you want five stars or four on the hotel sign?',
    'I designed the email that asks your customers to leave a 5-star review.',
    'I always get 5 stars when the client is happy, so you are in good hands.',
    'Did you change your rating? I saw a notification.',
    'Could you update the note on the invoice to say paid?',
    'Let me know if you change your opinion on the blue.',
    'Je vais revoir la typographie demain.',
    'Merci pour votre avis, je change la couleur ce soir.',
    'Pouvez-vous m’envoyer le logo de l’hôtel 5 étoiles ?',
    'Voy a quitar el fondo del logo.',
    'Gracias por tu opinión, ya cambié la tipografía.',
    '¿Quieres que las estrellas del cielo sean más grandes?',
    'El hotel tiene cinco estrellas, así que usé dorado.',
    'Puedes calificar cada propuesta con sinceridad, me ayuda a mejorar.',
    'They always give me 5 stars when the job is done right.',
    'Looking forward to your feedback on the fonts!',
    'Can you make the last star smaller?',
    '5 stars would look cluttered on the sign.',
    'We can change the rating widget colour if you like.',
    "I'm counting on your feedback for the colours.",
    'You can still change the colours before we finalise.',
    'No 1px lines in the final version please.',
    'Can you give me 5 minutes? I am uploading.',
    'Give me 5 more days and I will deliver the brand book.',
    'Please rate your top 5 logos so I can narrow down.',
    'Could you review the 5 star icons I made?',
    'Could you send me your five-star reviews from Google so I can put them on the homepage?',
    'I gave the hotel five stars in the mockup, do you like it?',
    'Remove the 5 stars from the hotel crest please.',
    'Can you change 1 star to 2 stars on the hotel sign?',
    'Should the rating stars be filled or outlined?',
    "I've had 5-star reviews from all my clients, so don't worry.",
    'Could I ask you to send the brand colours?',
    'Reminder: the contest closes on Friday.',
    "I'll keep the 5-point star but make it thinner.",
    'May I ask you to update the address on the invoice?',
    'Est-ce que vous accepteriez de modifier la couleur ?',
    '¿Te importaría quitar el fondo de la foto?',
    'Would you consider raising the budget to cover the extra pages?',
    'Could you take the old logo down from the site?',
    "I'd be grateful if you could send feedback on the draft by Friday.",
    'Five revisions are included, please use them!',
    'Please rate each concept honestly, low scores are useful too.',
    'Before printing, please contact the printer.',
    "There's a little something extra in the zip: a dark version.",
    'Could you send me some nice words for the About page copy?',
];

const OFFERS_FOR_RATING: string[] = [
    "I'll knock 20% off your next order if you leave a good review.",
    "Leave me a review and I'll send you a free mockup.",
    "I'll give you a $20 credit for a 5-star rating.",
    'Rate me 5 stars and the source files are yours at no extra cost.',
    'Happy to throw in a free logo animation for a positive review.',
    'Free revisions forever if you bump my rating up.',
    "I'll pay you back the fee if you remove the review.",
    'Get 50% off when you leave me a 5-star review!',
    'Je vous offre une remise de 15 % si vous laissez un avis positif.',
    'Un avis 5 étoiles contre un logo animé gratuit ?',
    'Je vous rembourse si vous retirez votre avis.',
    'Te hago un descuento del 30% si me dejas 5 estrellas.',
    'Si cambias tu reseña te devuelvo el dinero.',
    'Te regalo las tarjetas si me pones una buena valoración.',
    'Rate me 5 and I will cover the printing.',
    'Por una buena reseña te hago un precio especial.',
    'Si vous mettez 5 étoiles, la prochaine commande est à moitié prix.',
    "I'll make it worth your while if you update the review.",
    'Paypal you 10 bucks for a 5 star',
    "Leave me a 5-star review. I'll send you a free mockup.",
    "I'll send you the PSD files too in exchange for a review.",
    "Leave a 5-star review and there's a little something for you 🎁",
    "I'll lower the price if you give me five stars.",
    "You'll get $20 store credit for a five-star review.",
    'Une surprise vous attend si vous laissez un avis 5 étoiles !',
    'Te tengo una sorpresa si me dejas una buena reseña.',
];

const VALUE_WITHOUT_RATING: string[] = [
    'As a bonus I added a free favicon and an avatar.',
    "I'll give you a 10% discount on the cards if you order them with the logo.",
    'The font is free for commercial use.',
    'No charge for the second colour version, it is a gift.',
    'I designed the card that gives your customers 10% off when they leave a review.',
    'Les révisions gratuites sont incluses dans le forfait.',
    'Las revisiones gratis están incluidas en el paquete.',
    'Thanks for the feedback! As a bonus I also made a dark version.',
    'Free shipping on the printed cards, and the review of the proofs is included.',
    'Free revisions are included. Feel free to leave a review!',
    "Thanks for the review! By the way, I'm running 20% off logo packages this month.",
    'Je peux vous faire une remise si vous prenez aussi les flyers.',
    "I'll send you the files for a review of the layout.",
    "I'll lower the price if you order both.",
];

// Families the generalisation checks found missing or misread; phrasings of our own.
/** Looking again at a rating already given, or bringing it in line with newer work. */
const ASKS_SECOND_LOOK: string[] = [
    'Would you mind having a fresh look at the stars you left on my second logo?',
    'Could you take another look at the score you gave concept 3 now that the fonts are fixed?',
    'Is there any way you could reconsider the stars you picked for my design?',
    "Maybe revisit your rating on my entry after today's upload?",
    'Could you revisit your feedback on design #4 after the changes?',
    'I hope my rating can reflect the new version once you have seen it.',
    'It would mean a lot if the stars you gave caught up with the latest round.',
    'Pourriez-vous jeter un nouveau coup d’œil à la note de ma proposition ?',
    'Pourriez-vous revoir les étoiles que vous m’avez mises ?',
    'Ce serait génial si votre note reflétait la nouvelle version.',
    '¿Podrías echarle otro vistazo a las estrellas que me diste?',
    '¿Podrías revisar tu valoración de la propuesta #2 después de los cambios?',
    'Me ayudaría mucho que tu puntuación reflejara los cambios.',
];
/** Help asked with the rating itself. */
const ASKS_HELP_WITH_RATING: string[] = [
    'Could you help me out with my rating on this contest?',
    'Any chance of a little boost on my score?',
    'Could you do something about my rating now that the logo is fixed?',
    'A hand with my stars would be much appreciated!',
    'Pourriez-vous me donner un coup de pouce sur ma note ?',
    'Un petit effort sur la note serait vraiment génial.',
    '¿Me ayudas con la calificación de mi diseño?',
    'Una manita con la valoración me vendría genial.',
];
/** Value that a rating "gets you", or given "and" after the rating asked for: no "if" needed. */
const RATING_GETS_VALUE: string[] = [
    'A five-star rating earns you a free business card design. Sound good?',
    'Leaving 5 stars gets you 20% off the next project.',
    'A 5/5 gets you the source files for free, how about it?',
    "Rate my entry 5 stars and I'll send you a set of matching social banners.",
    'Une note de 5/5 vous donne droit à une retouche gratuite.',
    'Cinq étoiles et tu reçois un logo animé offert !',
    'Mettez-moi 5 étoiles et je vous envoie en plus un kit pour les réseaux.',
    'Una reseña de 5 estrellas y te llevas un diseño de tarjeta gratis.',
    'Ponle 5 estrellas a mi propuesta y te mando también una versión animada.',
];
/** Look-alikes of the families above that ask for nothing. */
const FAMILY_LOOKALIKES: string[] = [
    'Could you take another look at the stars on the flag before I export?',
    'Could you take another look at the star icons in the footer?',
    'Could you revisit your feedback on the colour palette?',
    'I will take another look at the fonts tonight.',
    'Please make sure your review reflects your honest experience.',
    'The mockup now reflects the changes you asked for.',
    'Thanks for the stars you gave my entry, it made my week!',
    'Pourriez-vous jeter un coup d’œil à la nouvelle palette ?',
    '¿Puedes echarle otro vistazo a la tipografía?',
    'If you need help with the rating widget, just ask.',
    'Can you help me with the rating scale for the survey?',
    'Thanks for your help with the rating, I really appreciate it.',
    'Could you help me with the stars on the hotel sign?',
    'I can help with the reviews page layout too.',
    'Besoin d’aide pour la note de bas de page ?',
    '¿Me ayudas con la paleta de colores?',
    'A five-star logo gets you noticed, that is the idea behind the bold mark.',
    'The premium package gets you three extra concepts for free.',
    'Leave your feedback on the colours and I will send you the next version.',
    "Please rate the concepts honestly and I'll send you the revised files tomorrow.",
    'Un bon logo et vous recevez plus de clients, c’est le but.',
];
/** Existing reviews asked for as material to lay out: neither pressure nor an offer. */
const REVIEWS_AS_MATERIAL: string[] = [
    "Could you forward me the 5-star reviews you'd like featured on the homepage?",
    'Please share those five-star testimonials so I can lay them out on the brochure.',
    'Send over your best reviews and I will pick two for the banner.',
    'Can you paste the 5-star ratings you want shown on the slide?',
    'Pouvez-vous me transmettre les avis 5 étoiles à mettre sur la plaquette ?',
    'Vous pouvez m’envoyer vos meilleurs témoignages pour la page d’accueil ?',
    '¿Me pasas las reseñas de 5 estrellas que quieres en la web?',
    'Mándame tus mejores testimonios para el folleto, porfa.',
];
/** The same verbs asking for one review of the designer's own: still pressure. */
const MATERIAL_LOOKALIKE_ASKS: string[] = [
    'Could you send me a five-star review when the contest ends?',
    'Please send me 5 stars!',
    'Could you share a 5-star review of my entry?',
    'Pourriez-vous m’envoyer un avis cinq étoiles ?',
    '¿Me puedes enviar una reseña de cinco estrellas?',
];

const ownSentences = [
  ...ASKS_FOR_HIGH_RATING,
  ...ASKS_TO_CHANGE_RATING,
  ...ASKS_NO_LOW_RATING,
  ...DESIGN_TALK,
  ...OFFERS_FOR_RATING,
  ...VALUE_WITHOUT_RATING,
  ...ASKS_SECOND_LOOK,
  ...ASKS_HELP_WITH_RATING,
  ...RATING_GETS_VALUE,
  ...FAMILY_LOOKALIKES,
  ...REVIEWS_AS_MATERIAL,
  ...MATERIAL_LOOKALIKE_ASKS,
];

const pressured = (body: string) => scanMessage(body).pressure.length > 0;
const incentivised = (body: string) => scanMessage(body).incentive.length > 0;

describe('pressure_message: asking for a rating of a given sentiment', () => {
  it.each(ASKS_FOR_HIGH_RATING)('%s', (body) => {
    expect(pressured(body)).toBe(true);
  });
});

describe('pressure_message: asking to change or remove a rating', () => {
  it.each(ASKS_TO_CHANGE_RATING)('%s', (body) => {
    expect(pressured(body)).toBe(true);
  });
});

describe('pressure_message: asking not to leave a low rating', () => {
  it.each(ASKS_NO_LOW_RATING)('%s', (body) => {
    expect(pressured(body)).toBe(true);
  });
});

describe('pressure_message: a second look at a rating, or help with it', () => {
  it.each([...ASKS_SECOND_LOOK, ...ASKS_HELP_WITH_RATING, ...MATERIAL_LOOKALIKE_ASKS])('%s', (body) => {
    expect(pressured(body)).toBe(true);
  });
});

describe('incentive_offer: value a rating gets you', () => {
  it.each(RATING_GETS_VALUE)('%s', (body) => {
    const scan = scanMessage(body);
    expect(scan.incentive.length).toBeGreaterThan(0);
    expect(scan.pressure.length).toBeGreaterThan(0);
  });
});

describe('look-alikes of those families, and existing reviews as material, ask for nothing', () => {
  it.each([...FAMILY_LOOKALIKES, ...REVIEWS_AS_MATERIAL])('%s', (body) => {
    expect(scanMessage(body)).toEqual({ pressure: [], incentive: [] });
  });
});

describe('ordinary design talk is not pressure', () => {
  it.each(DESIGN_TALK)('%s', (body) => {
    expect(scanMessage(body)).toEqual({ pressure: [], incentive: [] });
  });
});

describe('incentive_offer: value tied to a rating or review', () => {
  it.each(OFFERS_FOR_RATING)('%s', (body) => {
    const scan = scanMessage(body);
    expect(scan.incentive.length).toBeGreaterThan(0);
    // Offered for a rating still to come, it is also a request for that rating.
    expect(scan.pressure.length).toBeGreaterThan(0);
  });

  it.each([
    ['Thanks for the five stars! As promised, here is your 15% code: DESIGN15', 'en'],
    ['Merci pour votre avis ! Comme promis, le fichier animé est offert.', 'fr'],
    ['¡Gracias por las 5 estrellas! Como te dije, el favicon va de regalo.', 'es'],
  ])('a reward for a rating already given is an incentive but asks for nothing (%s)', (body) => {
    expect(scanMessage(body).incentive.length).toBeGreaterThan(0);
    expect(scanMessage(body).pressure).toEqual([]);
  });

  it.each([
    "Since the revisions were free, I hope you'll leave 5 stars.",
    'I already gave you a discount, so please give me 5 stars.',
    'Thanks to the free mockups you could compare everything, so 5 stars would be great!',
    'Como ya te hice un descuento, ¿me pones 5 estrellas?',
    'Puisque les retouches étaient gratuites, une note de 5 étoiles serait juste.',
    'I already gave you a discount. Please give me 5 stars.',
  ])('a value named as a reason, not offered, is pressure but no incentive: %s', (body) => {
    const scan = scanMessage(body);
    expect(scan.pressure.length).toBeGreaterThan(0);
    expect(scan.incentive).toEqual([]);
  });

  it.each(VALUE_WITHOUT_RATING)('not without a rating: %s', (body) => {
    expect(incentivised(body)).toBe(false);
  });
});

describe('spans point into the original text', () => {
  it.each([
    ['Bonjour 👋🏽, pourriez-vous me mettre cinq étoiles ?', 'cinq étoiles'],
    ['Café ☕️ prêt ! Merci de me noter 5 étoiles ⭐⭐⭐⭐⭐', '5 étoiles'],
    ['Ça été un plaisir 😊😊 — ¿me das 5 ESTRELLAS?', '5 ESTRELLAS'],
    ['f i v e  s t a r s please 🙏', 'f i v e  s t a r s'],
  ])('%s', (body, expected) => {
    const { pressure } = scanMessage(body);
    expect(pressure.length).toBeGreaterThan(0);
    for (const span of pressure) expect(body.slice(span.start, span.end)).toBe(span.text);
    expect(pressure.some((s) => s.text.includes(expected))).toBe(true);
  });

  it('holds for any prefix of emoji and accents (property)', () => {
    const prefix = fc.array(fc.constantFrom('é', 'ñ', '😊', '👍🏽', '⭐️', 'Ç', ' ', 'a', '\u0301', 'ß', 'Œ'), { maxLength: 12 });
    fc.assert(
      fc.property(prefix, (chars) => {
        const lead = chars.join('');
        const body = `${lead}. Please give me 5 stars!`;
        const { pressure } = scanMessage(body);
        // A run of ⭐ in the prefix may itself read as an ask and join the span; the offsets
        // must still slice the original text exactly, whatever came before.
        const hit = pressure.find((s) => s.text.endsWith('5 stars'));
        return hit !== undefined && body.slice(hit.start, hit.end) === hit.text && pressure.every((s) => body.slice(s.start, s.end) === s.text);
      }),
      { numRuns: 500 },
    );
  });

  it('the spans of an incentive name both the value and the rating', () => {
    const body = 'I can refund the rush fee if you leave five stars.';
    const texts = scanMessage(body).incentive.map((s) => s.text).join(' | ');
    expect(texts).toContain('refund');
    expect(texts).toContain('five stars');
  });

  it('never throws and keeps spans inside the body for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (body) => {
        const { pressure, incentive } = scanMessage(body);
        return [...pressure, ...incentive].every((s) => s.start >= 0 && s.end <= body.length && s.start < s.end && body.slice(s.start, s.end) === s.text);
      }),
    );
  });
});

describe('the detectors over messages', () => {
  it('look only at designer messages sent at or before asOf', () => {
    const messages = [
      makeMessage('Please give me 5 stars, I will refund the fee.', { id: 'm-ok' }),
      makeMessage('Please give me 5 stars, I will refund the fee.', { id: 'm-customer', fromRole: 'customer' }),
      makeMessage('Please give me 5 stars, I will refund the fee.', { id: 'm-later', sentAt: '2026-12-01T00:00:00.000Z' }),
    ];
    for (const detector of [pressureMessage, incentiveOffer]) {
      const hits = detector(facts(messages), asOf, DEFAULT_POLICY);
      expect(hits.map((h) => h.evidence.items[0]?.id)).toEqual(['m-ok']);
    }
  });

  it('counts a message sent exactly at asOf', () => {
    const hits = pressureMessage(facts([makeMessage('Five stars please!', { sentAt: T0 })]), { asOf: T0 }, DEFAULT_POLICY);
    expect(hits).toHaveLength(1);
  });

  it('gives one hit per message, shaped for the flag', () => {
    const body = 'Loved working on this. Please rate me 5 stars! And please remove the old 1 star rating.';
    const message = makeMessage(body, { id: 'm42', designerId: 'd7', customerId: 'c9', sentAt: T0 });
    const [hit, ...rest] = pressureMessage(facts([message]), asOf, DEFAULT_POLICY);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      detector: 'pressure_message',
      designerId: 'd7',
      customerId: 'c9',
      score: DEFAULT_POLICY.detectors.pressureMessage.score,
      at: T0,
    });
    expect(hit?.evidence.summary).toBe('Designer asked the customer for "5 stars" on 2 November 2026');
    const item = hit?.evidence.items[0];
    expect(item).toMatchObject({ kind: 'message', id: 'm42', at: T0 });
    expect(item?.detail).toContain('Please rate me 5 stars!');
    expect(item?.spans?.length).toBe(2);
    for (const s of item?.spans ?? []) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it('scores from the policy, and names the offer in the incentive summary', () => {
    const policy = { ...DEFAULT_POLICY, detectors: { ...DEFAULT_POLICY.detectors, incentiveOffer: { score: 33 } } };
    const message = makeMessage('Leave me a 5-star review and I will send you a $15 gift card.', { sentAt: T0 });
    const [hit] = incentiveOffer(facts([message]), asOf, policy);
    expect(hit?.score).toBe(33);
    expect(hit?.detector).toBe('incentive_offer');
    expect(hit?.evidence.summary).toBe('Designer offered "$15" in return for a rating or review on 2 November 2026');
  });

  it('summarises a change request and a plea not to rate low in their own words', () => {
    expect(analyseMessage('Could you change your rating?').pressure[0]?.kind).toBe('asks_rating_change');
    expect(analyseMessage("Please don't leave me a bad review.").pressure[0]?.kind).toBe('asks_no_low_rating');
  });

  it('finds nothing in ordinary messages', () => {
    const messages = ['Here is the logo in CMYK.', 'I will remove the drop shadow.', 'Thanks for the feedback!'].map((b) => makeMessage(b));
    expect(pressureMessage(facts(messages), asOf, DEFAULT_POLICY)).toEqual([]);
    expect(incentiveOffer(facts(messages), asOf, DEFAULT_POLICY)).toEqual([]);
  });
});

describe('the cheap first look', () => {
  const rated = { HIGH_RATING, CHANGE_RATING, RAISE_TO, RATING_GOES, RATING_MENTION, AVOID_LOW, PREEMPT, RATING_OBJECT, FOR_RATING, THANKED_RATING };
  const bodies = [...readCorpus().filter((m) => m.split === 'dev').map((m) => m.body), ...ownSentences];

  it.each(Object.entries(rated))('never hides a match of %s: every match holds a hint stem', (_name, pattern) => {
    const hidden: string[] = [];
    for (const body of bodies) {
      const text = foldForMatching(body);
      // Stems are read in the whole text, as the scan reads them: a stem's edges ("a word's
      // start", "a number standing alone") depend on what surrounds the match.
      const stems = RATING_HINT.all(text);
      for (const m of pattern.all(text)) {
        if (!stems.some((h) => h.start < m.end && h.end > m.start)) hidden.push(text.slice(m.start, m.end));
      }
    }
    expect(hidden).toEqual([]);
  });
});

// The dev split only: the holdout split is for the benchmark (npm run bench -- quality), so no
// test run, and no tuning against one, ever reads it.
describe('the labelled corpus, dev split', () => {
  const rows = detectorQuality(readCorpus().filter((m) => m.split === 'dev'));
  const row = (detector: string, split: string) => rows.find((r) => r.detector === detector && r.split === split);

  it.each(['pressure_message', 'incentive_offer'])('%s: precision ≥ 0.95 and recall ≥ 0.90 on dev', (detector) => {
    const r = row(detector, 'dev');
    expect(r?.tp).toBeGreaterThan(0);
    expect(r?.precision).toBeGreaterThanOrEqual(0.95);
    expect(r?.recall).toBeGreaterThanOrEqual(0.9);
  });
});
