// Review, private-feedback and report texts, per language. A client review is composed of an
// opening, a detail and a closing drawn independently, with slots, so two organic reviews are
// almost never near-identical: R12's `duplicate_review_text` should fire on the planted rings,
// not on honest customers who happen to be brief.
import type { Lang, Pools } from './fill';

export type Tone = 'positive' | 'mixed' | 'negative';

export const REVIEW_SLOTS: Record<Lang, Pools> = {
  en: {
    deliverable: ['logo', 'website', 'app screens', 'brand guide', 'flyer', 'packaging', 'illustrations', 'social media posts', 'pitch deck'],
    quality: ['clean', 'modern', 'elegant', 'bold', 'playful', 'polished', 'timeless'],
    weeks: ['two weeks', 'three weeks', 'a month', 'six weeks'],
  },
  fr: {
    deliverable: ['logo', 'site web', 'écrans d’application', 'charte graphique', 'flyer', 'emballage', 'illustrations', 'visuels pour les réseaux', 'présentation'],
    quality: ['soigné', 'moderne', 'élégant', 'percutant', 'ludique', 'abouti', 'intemporel'],
    weeks: ['deux semaines', 'trois semaines', 'un mois', 'six semaines'],
  },
  es: {
    deliverable: ['logo', 'sitio web', 'pantallas de la app', 'manual de marca', 'folleto', 'empaque', 'ilustraciones', 'publicaciones para redes', 'presentación'],
    quality: ['limpio', 'moderno', 'elegante', 'potente', 'divertido', 'pulido', 'atemporal'],
    weeks: ['dos semanas', 'tres semanas', 'un mes', 'seis semanas'],
  },
};

interface ReviewParts {
  open: readonly string[];
  detail: readonly string[];
  close: readonly string[];
}

export const CLIENT_REVIEW: Record<Lang, Record<Tone, ReviewParts>> = {
  en: {
    positive: {
      open: ['Fantastic to work with.', 'Great experience from start to finish.', '{first} really understood our brand.', 'Excellent designer.', 'Very happy with the result.', 'Professional, creative and easy to talk to.', 'Exactly what we hoped for.', 'Second time hiring {first} and just as good.'],
      detail: ['The {deliverable} came out {quality} and works at every size.', 'Revisions were quick and thoughtful.', 'Communication was clear the whole way through.', 'Everything was delivered before the deadline.', 'Took our rough notes and turned them into a {quality} {deliverable}.', 'Asked the right questions about our customers before sketching.', 'The source files were well organised and named.', 'Suggested a colour palette we would never have thought of.'],
      close: ['Highly recommended.', 'We will hire again.', 'Would gladly work with {first} again.', 'Thank you!', 'Our team is thrilled.', 'Worth every penny.'],
    },
    mixed: {
      open: ['Good work overall.', 'Solid result in the end.', 'Decent experience.', 'Happy with the final {deliverable}.'],
      detail: ['It took a few more rounds than expected to get there.', 'Replies were sometimes slow, which made the timeline slip.', 'The first drafts missed the brief, the later ones were much better.', 'Some files arrived in the wrong format and had to be re-exported.', 'The {deliverable} is {quality}, but the deadline slipped by a few days.'],
      close: ['Fine for smaller projects.', 'Would consider again.', 'Thanks for the effort.', 'Overall okay.'],
    },
    negative: {
      open: ['Disappointing.', 'Not what we agreed.', 'Hard to work with.', 'We expected more.'],
      detail: ['Missed two deadlines without warning.', 'The final files did not match the approved draft.', 'Stopped answering messages for a week in the middle of the project.', 'The {deliverable} looked rushed and generic.', 'Ignored most of our feedback on the drafts.'],
      close: ['Would not hire again.', 'We had to finish it in-house.', 'Not recommended for tight timelines.', 'Sadly a waste of {weeks}.'],
    },
  },
  fr: {
    positive: {
      open: ['Un plaisir de travailler ensemble.', 'Excellente expérience du début à la fin.', '{first} a parfaitement compris notre marque.', 'Graphiste remarquable.', 'Très satisfaits du résultat.', 'Professionnel, créatif et à l’écoute.', 'Exactement ce que nous espérions.'],
      detail: ['Le {deliverable} est {quality} et fonctionne à toutes les tailles.', 'Les révisions ont été rapides et réfléchies.', 'La communication a été claire tout du long.', 'Tout a été livré avant la date prévue.', 'A transformé nos notes en un {deliverable} {quality}.', 'A posé les bonnes questions sur nos clients avant de dessiner.', 'Les fichiers sources étaient bien rangés et nommés.'],
      close: ['Je recommande vivement.', 'Nous referons appel à {first}.', 'Merci encore !', 'Toute l’équipe est ravie.', 'Un excellent investissement.'],
    },
    mixed: {
      open: ['Bon travail dans l’ensemble.', 'Résultat correct au final.', 'Expérience honnête.', 'Contents du {deliverable} final.'],
      detail: ['Il a fallu plus d’allers-retours que prévu.', 'Les réponses étaient parfois lentes et le calendrier a glissé.', 'Les premières maquettes étaient hors sujet, les suivantes bien meilleures.', 'Certains fichiers sont arrivés dans le mauvais format.'],
      close: ['Bien pour de petits projets.', 'À envisager de nouveau.', 'Merci pour vos efforts.', 'Globalement correct.'],
    },
    negative: {
      open: ['Décevant.', 'Pas ce qui était convenu.', 'Collaboration difficile.', 'Nous attendions mieux.'],
      detail: ['Deux échéances manquées sans prévenir.', 'Les fichiers finaux ne correspondaient pas à la maquette validée.', 'Plus de réponse pendant une semaine en plein projet.', 'Le {deliverable} semblait bâclé et sans personnalité.'],
      close: ['Nous ne referons pas appel à ce graphiste.', 'Nous avons dû terminer en interne.', 'Déconseillé pour des délais serrés.'],
    },
  },
  es: {
    positive: {
      open: ['Un placer trabajar juntos.', 'Gran experiencia de principio a fin.', '{first} entendió perfectamente nuestra marca.', 'Diseñador excelente.', 'Muy contentos con el resultado.', 'Profesional, creativo y atento.', 'Justo lo que esperábamos.'],
      detail: ['El {deliverable} quedó {quality} y funciona en cualquier tamaño.', 'Las revisiones fueron rápidas y bien pensadas.', 'La comunicación fue clara en todo momento.', 'Todo se entregó antes de la fecha límite.', 'Convirtió nuestras notas en un {deliverable} {quality}.', 'Hizo las preguntas adecuadas sobre nuestros clientes antes de bocetar.', 'Los archivos fuente estaban ordenados y bien nombrados.'],
      close: ['Muy recomendable.', 'Volveremos a contratar a {first}.', '¡Gracias de nuevo!', 'Todo el equipo está encantado.', 'Vale cada euro.'],
    },
    mixed: {
      open: ['Buen trabajo en general.', 'Resultado correcto al final.', 'Experiencia aceptable.', 'Contentos con el {deliverable} final.'],
      detail: ['Hicieron falta más rondas de las previstas.', 'A veces tardaba en responder y el calendario se retrasó.', 'Los primeros bocetos no seguían el brief, los siguientes mejoraron mucho.', 'Algunos archivos llegaron en el formato equivocado.'],
      close: ['Bien para proyectos pequeños.', 'Lo volveríamos a considerar.', 'Gracias por el esfuerzo.', 'En general, correcto.'],
    },
    negative: {
      open: ['Decepcionante.', 'No es lo que acordamos.', 'Difícil trabajar juntos.', 'Esperábamos más.'],
      detail: ['Incumplió dos plazos sin avisar.', 'Los archivos finales no coincidían con el boceto aprobado.', 'Dejó de responder una semana en mitad del proyecto.', 'El {deliverable} parecía hecho con prisas y sin personalidad.'],
      close: ['No volveríamos a contratarlo.', 'Tuvimos que terminarlo nosotros.', 'No recomendable con plazos ajustados.'],
    },
  },
};

/** Five stars and no words: R6 counts it as negative, so a few organic ones keep that rule exercised. */
export const WORDLESS_REVIEWS: readonly string[] = ['👍', 'OK', '10/10!!', '5/5', '⭐⭐⭐⭐⭐', ':)'];

/** A designer's review of the client. */
export const DESIGNER_REVIEW: Record<Lang, Record<'good' | 'poor', readonly string[]>> = {
  en: {
    good: ['Clear brief and quick feedback, a pleasure.', 'Great client: decisive, friendly and paid on time.', 'Loved collaborating with the team at {brand}.', 'Knew what they wanted and explained it well.', 'Generous with feedback and respectful of my time.'],
    poor: ['The brief changed several times mid-project.', 'Slow to reply, which made deadlines hard to keep.', 'Payment arrived late.', 'Scope grew a lot beyond what we agreed.'],
  },
  fr: {
    good: ['Brief clair et retours rapides, un plaisir.', 'Excellent client : décidé, aimable et paiement à l’heure.', 'Ravi d’avoir collaboré avec l’équipe de {brand}.', 'Savait ce qu’il voulait et l’expliquait bien.'],
    poor: ['Le brief a changé plusieurs fois en cours de route.', 'Réponses lentes, difficile de tenir les délais.', 'Paiement arrivé en retard.'],
  },
  es: {
    good: ['Brief claro y comentarios rápidos, un placer.', 'Gran cliente: decidido, amable y pagó a tiempo.', 'Encantado de colaborar con el equipo de {brand}.', 'Sabía lo que quería y lo explicó bien.'],
    poor: ['El brief cambió varias veces a mitad del proyecto.', 'Respondía despacio y costó cumplir los plazos.', 'El pago llegó tarde.'],
  },
};

/** R10 interim feedback on a long contract. */
export const INTERIM_REVIEW: Record<Lang, readonly string[]> = {
  en: ['Good progress so far and on schedule.', 'Halfway through: the drafts are strong, communication is great.', 'Steady work, a few delays, but the quality is there.', 'Very happy with the first month.'],
  fr: ['Bonne progression et dans les temps.', 'À mi-parcours : les maquettes sont solides, la communication excellente.', 'Travail régulier, quelques retards, mais la qualité est là.'],
  es: ['Buen avance hasta ahora y a tiempo.', 'A mitad de camino: los bocetos son sólidos y la comunicación, excelente.', 'Trabajo constante, algún retraso, pero con calidad.'],
};

/** R11 private feedback: why the contract ended (what the client picked or typed). */
export const REASONS_ENDED: readonly string[] = [
  'Job completed successfully',
  'Job completed successfully',
  'Job completed successfully',
  'Project finished early',
  'Budget ran out',
  'Changed direction internally',
  'Hired someone in-house',
  'Designer was unresponsive',
  'Missed deadlines',
];

/** Texts a ring of accounts pastes under one designer's contracts (R12 `duplicate_review_text`). */
export const DUPLICATE_REVIEW_BASES: readonly string[] = [
  'Amazing designer with super fast delivery and perfect communication, easily the best on this platform and we will hire again for every project we have',
  'Outstanding work from the first draft to the final files, extremely professional, always on time and very creative, highly recommended to anyone looking for quality',
  'Best designer we have ever worked with, understood the brief immediately, delivered beautiful work ahead of schedule and handled every revision with patience',
  'Incredible talent and a true professional, the logo exceeded all our expectations and the whole process was smooth, friendly and fast from beginning to end',
];

/** The small edits a ring makes so the copies are not byte-identical; each keeps 3-shingle Jaccard ≥ 0.8. */
export const DUPLICATE_REVIEW_ENDINGS: readonly string[] = ['', '!', '.', ' 5 stars', ' thanks', '!!', ' :)'];

/** What a client writes when a feedback change lets it raise its review (R9). */
export const RAISED_REVIEW: Record<Lang, readonly string[]> = {
  en: ['Updating my review: after talking it through, everything was sorted out perfectly.', 'Changed my feedback, the final delivery made up for the delays.', 'On reflection the result is excellent, five stars deserved.'],
  fr: ['Je mets à jour mon avis : après discussion, tout a été parfaitement réglé.', 'Avis modifié, la livraison finale a compensé les retards.'],
  es: ['Actualizo mi reseña: tras hablarlo, todo quedó perfectamente resuelto.', 'Cambio mi valoración, la entrega final compensó los retrasos.'],
};

export type ReportCategory = 'rating_pressure' | 'incentive_offer' | 'remove_rating_request' | 'other';

/** What a customer writes when reporting a designer. */
export const REPORT_BODIES: Record<Lang, Record<ReportCategory, readonly string[]>> = {
  en: {
    rating_pressure: ['The designer keeps messaging me to give their entry five stars.', 'I was asked several times to raise my rating. It feels like pressure.', 'This designer will not stop asking me to change my review.'],
    incentive_offer: ['The designer offered me a discount if I leave a 5-star review.', 'I was offered free work in exchange for a better rating.', 'They offered to refund part of the invoice if I change my feedback.'],
    remove_rating_request: ['The designer asked me to delete my low rating.', 'I was asked to remove the 2-star rating I gave.'],
    other: ['This entry looks copied from another designer in the same contest.', 'The designer stopped responding after the contract started.', 'Rude language in a message after I picked another entry.', 'The design uses a stock image without a licence.'],
  },
  fr: {
    rating_pressure: ['Le graphiste insiste pour que je mette cinq étoiles à sa proposition.', 'On m’a demandé plusieurs fois de remonter ma note. Je me sens sous pression.'],
    incentive_offer: ['Le graphiste m’a proposé une réduction contre un avis 5 étoiles.', 'On m’a offert du travail gratuit en échange d’une meilleure note.'],
    remove_rating_request: ['Le graphiste m’a demandé de supprimer ma mauvaise note.'],
    other: ['Cette proposition semble copiée sur celle d’un autre participant.', 'Le graphiste ne répond plus depuis le début du contrat.'],
  },
  es: {
    rating_pressure: ['El diseñador insiste en que le ponga cinco estrellas a su propuesta.', 'Me pidió varias veces que subiera mi calificación. Me siento presionado.'],
    incentive_offer: ['El diseñador me ofreció un descuento a cambio de una reseña de 5 estrellas.', 'Me ofrecieron trabajo gratis a cambio de una mejor valoración.'],
    remove_rating_request: ['El diseñador me pidió que borrara mi calificación baja.'],
    other: ['Esta propuesta parece copiada de otro participante del concurso.', 'El diseñador dejó de responder después de empezar el contrato.'],
  },
};

/** An unfounded report: a customer reads pressure into ordinary messages (a decoy, not a planted case). */
export const UNFOUNDED_REPORT_BODIES: Record<Lang, readonly string[]> = {
  en: ['Not sure if this is allowed, but the designer keeps messaging me about my feedback on the drafts.', 'The designer mentioned my rating in a message, I felt uncomfortable.'],
  fr: ['Je ne sais pas si c’est permis, mais le graphiste m’écrit souvent au sujet de mes retours.'],
  es: ['No sé si está permitido, pero el diseñador me escribe a menudo sobre mis comentarios.'],
};
