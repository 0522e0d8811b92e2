// RULES.md R12: the concepts the learned message scorer reads beside raw words, in the seven
// languages of the marketplace (en, fr, es, de, pt, it, id). A designer pressing for a rating in
// Indonesian and one in German use different words for the same few ideas — the rating, its
// top mark, changing or removing it, the support desk, a reminder, the rating form, value — so a
// word naming one of them also counts as the concept, and what the scorer learns from one
// language carries to the others.
//
// Entries are folded words (text-fold.ts: lowercase, no accents, ß as ss). An entry ending in
// "*" is a prefix ("bewert*": bewerten, Bewertung); one with a space is two words in a row.

export const CONCEPTS = {
  /** The rating or review itself. */
  RATING: [
    // en
    'rating', 'ratings', 'rate', 'rated', 'review', 'reviews', 'feedback', 'score', 'scores', 'testimonial*', 'stars', 'star',
    // fr
    'note', 'notes', 'noter', 'notez', 'avis', 'evaluation*', 'evaluer', 'etoile*', 'appreciation',
    // es
    'calific*', 'valora*', 'resena*', 'opinion', 'estrella*', 'puntua*', 'puntaje', 'nota', 'notas',
    // de
    'bewert*', 'rezension*', 'stern', 'sterne', 'sternen', 'sternchen', 'beurteil*', 'punktzahl',
    // pt
    'avalia*', 'classifica*', 'estrela', 'estrelas', 'estrelinha*', 'resenha*',
    // it
    'valuta*', 'recension*', 'stella', 'stelle', 'stelline', 'voto', 'voti', 'votare', 'votarmi', 'giudizio', 'punteggio',
    // id
    'ulasan*', 'bintang*', 'nilai*', 'dinilai', 'penilaian*', 'rating*', 'review*', 'testimoni*',
  ],
  /** The top of the scale: five, the maximum, full marks, "excellent". */
  TOP: [
    '5', '5/5', '10', '10/10', '5★', '★★★★★', 'five', 'max', 'maximum', 'highest', 'top', 'full', 'perfect', 'excellent', 'best',
    'cinq', 'maximale', 'maximal', 'meilleure', 'parfait*', 'plus haute',
    'cinco', 'maxima', 'maximo', 'mejor', 'excelente', 'perfect*', 'mas alta',
    'funf', 'hochst*', 'beste', 'besten', 'volle', 'vollen', 'volle punktzahl', 'ausgezeichnet', 'sehr gut',
    'melhor', 'maior', 'cheia', 'cheio',
    'cinque', 'massim*', 'migliore', 'ottimo', 'eccellente', 'pieno', 'piu alto', 'piu alta',
    'lima', 'maksimal', 'tertinggi', 'terbaik', 'penuh', 'sempurna',
  ],
  /** A low or middling mark. */
  LOW: [
    'low', 'lower', 'bad', 'negative', 'poor', '1', '2', '3', '4', 'two', 'three', 'four',
    'basse', 'mauvais*', 'negati*', 'moyen*', 'deux', 'trois', 'quatre',
    'baja', 'bajo', 'mala', 'malo', 'dos', 'cuatro', 'regular',
    'schlecht*', 'niedrig*', 'mittel*', 'eins', 'zwei', 'drei', 'vier',
    'baixa', 'baixo', 'ruim', 'media', 'quatro',
    'bassa', 'basso', 'brutt*', 'negativ*', 'tre', 'quattro',
    'rendah', 'jelek', 'buruk', 'dua', 'tiga', 'empat',
  ],
  /** Changing, raising, updating a rating already given. */
  CHANGE: [
    'change', 'changing', 'update', 'updating', 'edit', 'raise', 'bump', 'improve', 'adjust', 'revise', 'reconsider', 'upgrade', 'increase',
    'chang*', 'modifi*', 'remont*', 'augment*', 'revoir', 'rehauss*', 'mettre a jour',
    'cambi*', 'subir*', 'sube', 'subes', 'subas', 'subela', 'actualiz*', 'mejorar*', 'mejore', 'replante*',
    'andern', 'anderung*', 'anderst', 'geander*', 'hochgesetz*', 'aktualis*', 'hochsetz*', 'erhoh*', 'korrigier*', 'anpass*', 'uberdenk*', 'nachbesser*',
    'mudar*', 'muda', 'mudasse', 'mudaria', 'alterar*', 'altera', 'alterasse', 'atualiz*', 'aument*', 'rever', 'corrig*',
    'modific*', 'alza*', 'aggiorn*', 'rivedere', 'riveda', 'ritocc*',
    'ubah', 'diubah', 'ganti', 'diganti', 'naik*', 'dinaikkan', 'revisi', 'perbaiki', 'update',
  ],
  /** Removing or deleting it. */
  REMOVE: [
    'remove', 'removed', 'removal', 'delete', 'deleted', 'deletion', 'withdraw', 'take down', 'erase', 'retract', 'gone',
    'supprim*', 'retir*', 'enlev*', 'effac*', 'disparaitre',
    'borr*', 'quitar*', 'quita', 'quitas', 'quitala', 'elimin*', 'desaparec*',
    'losch*', 'gelosch*', 'entfern*', 'zuruckzieh*', 'zuruckzuzieh*', 'weg', 'verschwind*',
    'apag*', 'remov*', 'exclu*', 'tirar*', 'tira', 'tirasse', 'sumir',
    'rimuov*', 'cancell*', 'togli*', 'ritir*', 'sparire', 'sparisca',
    'hapus*', 'dihapus', 'cabut*', 'tarik', 'ditarik', 'turunkan',
  ],
  /** The platform's support desk, moderation or admins, asked to act on a review. */
  SUPPORT: [
    'support', 'helpdesk', 'help desk', 'moderation', 'moderator*', 'admin*', 'ticket', 'customer service', 'trust and safety',
    'moderat*', 'service client',
    'soporte', 'moderacion', 'atencion al cliente',
    'kundendienst', 'kundenservice',
    'suporte', 'apoio', 'moderacao', 'chamado', 'atendimento',
    'assistenza', 'moderazione', 'supporto',
    'cs', 'customer care', 'pengelola',
  ],
  /** Asking again, a reminder, still waiting: persistence. */
  AGAIN: [
    'again', 'reminder', 'remind', 'still', 'yet', 'another', 'follow up', 'following up', 'once more', 'second', 'third', 'fourth', 'last time', 'already',
    'rappel*', 'relanc*', 'encore', 'toujours', 'deja', 'nouveau', 'troisieme',
    'recordatorio', 'recordar*', 'recuerd*', 'otra vez', 'todavia', 'aun', 'sigo', 'de nuevo', 'tercer*',
    'erinner*', 'nochmal', 'noch einmal', 'immer noch', 'wieder', 'reminder', 'dritte*', 'vierte*',
    'lembrete', 'lembr*', 'novamente', 'ainda', 'outra vez', 'de novo', 'terceir*', 'volto',
    'promemoria', 'ricord*', 'ancora', 'di nuovo', 'sollecit*', 'terza', 'terzo',
    'ingat*', 'lagi', 'masih', 'belum', 'sekali lagi', 'ketiga', 'keempat',
  ],
  /** The rating form: its options, fields, boxes and sliders. */
  FORM: [
    'form', 'option', 'options', 'field', 'box', 'tick', 'select', 'choose', 'pick', 'click', 'slider', 'question', 'category', 'categories', 'screen', 'rightmost', 'last box',
    'formulaire', 'case', 'cases', 'coch*', 'choisi*', 'cliqu*', 'ecran', 'curseur',
    'formulario', 'casilla*', 'marcar', 'marque', 'elig*', 'eleg*', 'opcion*', 'barra*', 'pestana',
    'formular*', 'feld', 'felder', 'kastchen', 'ankreuz*', 'auswahl', 'wahl*', 'regler', 'klick*', 'rechts',
    'campo*', 'opcao', 'opcoes', 'escolh*', 'clic*', 'caixa*',
    'modulo', 'casell*', 'opzion*', 'spunt*', 'scegli*', 'selezion*', 'clicc*',
    'formulir', 'kolom', 'pilih*', 'centang', 'klik', 'opsi', 'pilihan',
  ],
  /** Leaving no rating at all, or only a good one. */
  UNRATED: [
    'unrated', 'skip', 'no rating', 'no review', 'without rating', 'optional', 'only if', 'at all', 'not rate', "don't rate", 'dont rate',
    'sans avis', 'sans note', 'pas de note', 'pas d avis', 'absence', 'seulement si',
    'sin calificar', 'sin valorar', 'sin resena', 'solo si', 'no califiques',
    'unbewertet', 'gar nicht', 'ohne bewertung', 'nur wenn', 'lieber nicht',
    'sem avaliar', 'sem avaliacao', 'so se', 'nao avalie', 'prefiro',
    'senza voto', 'senza recensione', 'solo se', 'non votare', 'meglio',
    'tidak usah', 'gak usah', 'ga usah', 'nggak usah', 'ngga usah', 'daripada', 'kosong',
  ],
  /** What a rating does to the designer: the account, ranking, income, family. */
  HARM: [
    'account', 'ranking', 'average', 'income', 'rent', 'bills', 'family', 'kids', 'children', 'hold', 'held', 'visibility', 'level', 'living', 'suspend*', 'ban', 'penalt*', 'career', 'hurt*', 'livelihood',
    'compte', 'moyenne', 'loyer', 'famille', 'enfants', 'classement', 'revenu*', 'factures', 'bloqu*',
    'cuenta', 'promedio', 'alquiler', 'familia', 'hijos', 'ingresos', 'nivel', 'sueldo', 'retenid*',
    'konto', 'durchschnitt', 'miete', 'familie', 'kinder', 'einkommen', 'sperr*', 'existenz', 'schnitt',
    'conta', 'aluguel', 'renda', 'filhos', 'contas', 'salario',
    'media', 'affitto', 'famiglia', 'figli', 'bollette', 'reddito', 'stipendio', 'bloccat*',
    'akun', 'rata', 'sewa', 'keluarga', 'anak', 'penghasilan', 'cicilan', 'makan', 'diblokir',
  ],
  /** Something of value: a discount, something free, a gift, a refund, money. */
  VALUE: [
    'discount', 'free', 'gift', 'refund', 'voucher', 'coupon', 'bonus', '%', '€', '$', '£', 'tip', 'credit', 'cashback', 'on me', 'extra', 'off', 'cheaper', 'paypal',
    'remise', 'reduction', 'gratuit*', 'cadeau*', 'rembours*', 'bon d achat', 'offert*', 'offre', 'moitie prix',
    'descuento', 'gratis', 'regalo', 'reembols*', 'cupon', 'bono', 'sin coste', 'sin costo', 'de regalo',
    'rabatt', 'kostenlos*', 'geschenk*', 'gutschein*', 'erstatt*', 'umsonst', 'billiger',
    'desconto', 'brinde', 'reembolso', 'cupom', 'por minha conta', 'pix',
    'sconto', 'gratuit*', 'rimbors*', 'buono', 'omaggio', 'in regalo', 'postepay', 'satispay',
    'diskon', 'hadiah', 'potongan', 'refund', 'cashback', 'ongkir', 'rp', 'ribu', 'promo', 'bayar',
  ],
  /** "If", "once", "as soon as": a condition. */
  IF: [
    'if', 'once', 'when', 'as soon as',
    'si', 'des que', 'une fois',
    'cuando', 'en cuanto',
    'wenn', 'falls', 'sobald',
    'se', 'quando', 'caso', 'assim que',
    'appena', 'qualora',
    'kalau', 'jika', 'asal', 'begitu', 'kalo', 'klo',
  ],
  /** Everyone who, every customer who: a standing offer. */
  EVERYONE: [
    'everyone', 'anyone', 'everybody', 'all my', 'every', 'each', 'customers who', 'clients who', 'whoever',
    'tous', 'toutes', 'chaque', 'ceux qui', 'quiconque', 'clients qui',
    'todos', 'todas', 'cada', 'quien', 'quienes', 'clientes que',
    'jeder', 'jede', 'jedem', 'jeden', 'alle', 'wer', 'kunden die', 'stammkund*',
    'quem', 'clientes que',
    'chi', 'tutti', 'tutte', 'ogni', 'clienti che', 'chiunque',
    'siapa', 'semua', 'setiap', 'pelanggan yang', 'member',
  ],
  /** Politeness that asks: please, could you. */
  PLEASE: [
    'please', 'pls', 'plz', 'could you', 'would you', 'can you', 'kindly', 'would love', "i'd appreciate",
    'svp', 'stp', 'pourriez', 'pouvez', 'merci de', "s'il vous plait", "s'il te plait",
    'por favor', 'porfa', 'podrias', 'puedes', 'podria',
    'bitte', 'konnten', 'konnen', 'wurden', 'wurdest', 'magst', 'darf ich',
    'poderia', 'pode', 'podia', 'pfv', 'pf',
    'per favore', 'potrebbe', 'puoi', 'potresti', 'ti prego', 'la prego',
    'tolong', 'mohon', 'bisa', 'minta', 'dong', 'ya kak',
  ],
  /** Thanks for what is already done. */
  THANKS: [
    'thanks', 'thank you', 'thx', 'merci', 'gracias', 'danke', 'vielen dank', 'obrigad*', 'valeu', 'grazie', 'terima kasih', 'makasih', 'trims',
  ],
  /** The platform's rules, quoted. */
  RULES: [
    'rules', 'rule', 'terms', 'policy', 'not allowed', 'forbidden', 'guidelines',
    'regles', 'regle', 'interdit*', 'conditions',
    'reglas', 'normas', 'prohibido', 'terminos',
    'regeln', 'verboten', 'nicht erlaubt', 'agb', 'richtlinie*',
    'regras', 'proibid*', 'termos',
    'regolamento', 'regole', 'vietat*',
    'aturan', 'dilarang', 'syarat', 'ketentuan',
  ],
  /** A draft, a version, a concept: the work under discussion. */
  DRAFT: [
    'draft', 'version', 'concept', 'concepts', 'mockup', 'proof', 'sketch', 'direction', 'palette', 'font', 'logo', 'file', 'files',
    'maquette', 'esquisse', 'brouillon', 'proposition*', 'police',
    'boceto', 'borrador', 'propuesta*', 'version', 'paleta', 'fuente', 'archivo*',
    'entwurf*', 'skizze', 'schrift', 'datei*',
    'versao', 'rascunho', 'esboco', 'proposta*', 'fonte', 'arquivo*', 'ficheiro*',
    'bozza', 'bozze', 'versione', 'proposta', 'font',
    'draf', 'versi', 'desain', 'sketsa', 'konsep', 'file',
  ],
  /** Leaving, giving, writing a rating: the act asked for. */
  LEAVE: [
    'leave', 'give', 'write', 'post', 'drop', 'submit', 'put',
    'laisser', 'laissez', 'laisse', 'mettre', 'mettez', 'mets', 'donner', 'donnez', 'ecrire',
    'dejar', 'deja', 'dejes', 'dejarme', 'dame', 'poner', 'pon', 'pones', 'ponme', 'escribir',
    'hinterlass*', 'geben', 'gib', 'geben sie', 'schreib*', 'vergeb*', 'abgeben',
    'deixar', 'deixa', 'deixe', 'dar', 'da', 'de', 'escrever', 'escreve', 'coloca', 'coloque', 'por',
    'lasciare', 'lascia', 'lasci', 'dare', 'dai', 'dia', 'scrivere', 'scrivi', 'mettere', 'metti', 'metta',
    'kasih', 'kasi', 'beri', 'berikan', 'kasihkan', 'tulis', 'tinggalkan',
  ],
  /** The form's answer, a choice, a colour or face picked in it. */
  ANSWER: [
    'answer', 'right answer', 'green', 'smiley', 'smile', 'heart', 'thumbs up', 'yes', 'badge',
    'reponse', 'vert', 'verte', 'smileys', 'coeur', 'oui',
    'respuesta', 'verde', 'carita', 'corazon', 'si',
    'antwort', 'grun', 'grune', 'grunen', 'hakchen', 'smiley', 'herz', 'ja',
    'resposta', 'coracao', 'carinha', 'sim',
    'risposta', 'faccina', 'cuore', 'pienamente',
    'jawaban', 'jawab', 'hijau', 'hati', 'jempol', 'iya',
  ],
  /** The private recommendation question and its 0–10 scale. */
  PRIVATE: [
    'recommend', 'recommendation', 'questionnaire', 'survey', 'private', 'privately', '9', '10', 'nine', 'ten',
    'recommander', 'recommand*', 'prive', 'privee', 'neuf', 'dix',
    'recomendar*', 'recomiend*', 'encuesta', 'privad*', 'nueve', 'diez',
    'empfehl*', 'fragebogen', 'umfrage', 'privat*', 'neun', 'zehn',
    'recomend*', 'questionario', 'pesquisa', 'nove', 'dez',
    'consiglier*', 'raccomand*', 'questionario', 'sondaggio', 'privat*', 'dieci',
    'rekomendasi', 'merekomendasikan', 'kuesioner', 'survei', 'pribadi', 'sembilan', 'sepuluh',
  ],
  /** Sadness, hurt, unfairness: the emotional plea. */
  HURT: [
    'sad', 'hurt', 'hurts', 'disappointed', 'unfair', 'crushed', 'heartbroken', 'devastated', 'upset', 'cried', 'worked so hard', 'sleepless',
    'triste', 'decu*', 'injuste', 'blesse*', 'pleure*',
    'triste', 'decepcion*', 'injusto', 'injusta', 'dolio', 'duele', 'llore',
    'traurig', 'enttausch*', 'unfair', 'verletzt', 'weh', 'geweint',
    'chatead*', 'injust*', 'magoad*', 'desanimad*', 'chorei',
    'delus*', 'ingiust*', 'male', 'ferito', 'pianto',
    'sedih', 'kecewa', 'sakit hati', 'nangis', 'lembur',
  ],
  /** What is deserved or fair: "I trust you'll be fair", "it deserves". */
  DESERVE: [
    'deserve*', 'fair', 'fairly', 'worth', 'earned',
    'merite*', 'juste', 'equitable',
    'merec*', 'justo', 'justa',
    'verdien*', 'gerecht', 'fair',
    'merec*', 'justo', 'justa',
    'merit*', 'giusto', 'giusta', 'equo',
    'layak', 'pantas', 'adil',
  ],
  /** For ever, in public, on the profile: the weight a rating carries. */
  FOREVER: [
    'forever', 'permanent*', 'public', 'publicly', 'visible', 'profile', 'everyone sees', 'future clients',
    'pour toujours', 'toujours', 'public', 'profil', 'visible',
    'para siempre', 'publico', 'perfil', 'visible',
    'fur immer', 'offentlich', 'profil', 'dauerhaft', 'sichtbar',
    'pra sempre', 'para sempre', 'publico', 'perfil', 'visivel',
    'per sempre', 'pubblic*', 'profilo', 'visibile',
    'selamanya', 'publik', 'profil', 'nempel', 'terlihat',
  ],
  /** Here, in the chat, directly, first: talk to me instead of rating. */
  HERE_FIRST: [
    'here', 'in the chat', 'directly', 'first', 'before', 'instead', 'between us', 'message me', 'tell me',
    'ici', 'directement', 'avant', 'plutot', 'entre nous', 'dites-moi', 'ecrivez-moi',
    'aqui', 'directamente', 'antes', 'en vez', 'entre nosotros', 'dime', 'escribeme',
    'hier', 'direkt', 'vorher', 'zuerst', 'statt', 'stattdessen', 'unter uns', 'schreib mir',
    'aqui', 'diretamente', 'antes', 'em vez', 'entre nos', 'me fala', 'fala comigo',
    'qui', 'direttamente', 'prima', 'invece', 'tra noi', 'scrivimi', 'dimmi',
    'sini', 'di sini', 'langsung', 'dulu', 'sebelum', 'daripada', 'japri', 'bilang',
  ],
  /** Someone else's stars: a hotel's class, a crest, a shape, a widget on the customer's site. */
  STAR_THING: [
    'hotel', 'hotels', 'crest', 'shape', 'icon', 'icons', 'widget', 'badge', 'logo', 'pattern', 'sign', 'signage', 'flag', 'google', 'tripadvisor', 'trustpilot', 'yelp', 'thefork', 'restaurant', 'sky',
    'hotel', 'ecusson', 'forme', 'icone*', 'enseigne', 'drapeau', 'motif', 'ciel',
    'escudo', 'forma', 'icono*', 'letrero', 'bandera', 'cielo', 'placa',
    'wappen', 'form', 'symbol*', 'schild', 'flagge', 'himmel', 'muster',
    'brasao', 'forma', 'icone*', 'placa', 'bandeira', 'ceu', 'azulejo*',
    'stemma', 'forma', 'icon*', 'insegna', 'bandiera', 'cielo', 'albergo',
    'lambang', 'bentuk', 'ikon', 'papan', 'bendera', 'langit', 'motif',
    // where a drawn star sits and how it looks
    'left', 'right', 'top left', 'top right', 'corner', 'bottom', 'above', 'below', 'behind', 'bigger', 'smaller', 'gold', 'golden', 'outline',
    'gauche', 'droite', 'coin', 'dessus', 'dore*', 'izquierda', 'derecha', 'esquina', 'encima', 'dorad*',
    'links', 'oben', 'unten', 'ecke', 'golden*', 'esquerda', 'direita', 'canto', 'dourad*',
    'sinistra', 'destra', 'angolo', 'sopra', 'dorat*', 'kiri', 'kanan', 'pojok', 'atas', 'emas',
  ],
  /** The customer's own customers and their reviews. */
  THEIR_CUSTOMERS: [
    'your customers', 'your clients', 'your guests', 'your users', 'your reviews',
    'vos clients', 'tes clients', 'vos avis',
    'tus clientes', 'sus clientes', 'tus resenas',
    'ihre kunden', 'deine kunden', 'ihre gaste',
    'seus clientes', 'teus clientes', 'seus hospedes',
    'i suoi clienti', 'i tuoi clienti', 'tuoi ospiti',
    'pelanggan kakak', 'pelanggan ibu', 'tamu',
  ],
  /** Which of the concepts: a choice between drafts, ranked in the chat. */
  WHICH: [
    'which', 'prefer', 'favourite', 'favorite', 'rank', 'each concept', 'vote',
    'lequel', 'laquelle', 'lesquels', 'prefer*', 'chaque',
    'cual', 'cuales', 'prefier*', 'favorit*',
    'welche', 'welcher', 'welches', 'bevorz*', 'lieblings*', 'favorit*',
    'qual', 'quais', 'prefer*', 'favorit*',
    'quale', 'quali', 'prefer*', 'preferit*',
    'mana', 'yang mana', 'pilih', 'favorit', 'suka',
  ],
} as const satisfies Record<string, readonly string[]>;

export type Concept = keyof typeof CONCEPTS;
export const CONCEPT_NAMES = Object.keys(CONCEPTS) as Concept[];

/** One node of the lexicon's trie, over the characters of the entries (a space between words). */
interface TrieNode {
  /** Children by character code; ASCII in an array, the rest (★, …) in a map. */
  ascii: (TrieNode | undefined)[];
  next: Map<number, TrieNode>;
  /** Concepts of an entry ending exactly here, at the end of a word. */
  exact: number[];
  /** Concepts of a prefix entry ending here: the rest of the word may be anything. */
  prefix: number[];
}

const node = (): TrieNode => ({ ascii: [], next: new Map(), exact: [], prefix: [] });
const child = (at: TrieNode, c: number): TrieNode | undefined => (c < 128 ? at.ascii[c] : at.next.get(c));

/** The lexicon as a trie; concepts by their index in CONCEPT_NAMES. */
export interface Lexicon {
  root: TrieNode;
}

export function buildLexicon(): Lexicon {
  const root = node();
  CONCEPT_NAMES.forEach((concept, id) => {
    for (const raw of CONCEPTS[concept]) {
      // The scorer's text has no apostrophes: "s'il vous plait" is four words there.
      const isPrefix = raw.endsWith('*');
      const entry = (isPrefix ? raw.slice(0, -1) : raw).replaceAll("'", ' ');
      let at = root;
      for (let i = 0; i < entry.length; i += 1) {
        const c = entry.charCodeAt(i);
        let next = child(at, c);
        if (next === undefined) {
          next = node();
          if (c < 128) at.ascii[c] = next;
          else at.next.set(c, next);
        }
        at = next;
      }
      const list = isPrefix ? at.prefix : at.exact;
      if (!list.includes(id)) list.push(id);
    }
  });
  return { root };
}

const SPACE = 0x20;

/**
 * Every concept named from the word starting at `start` of a scorer text (words separated by
 * single spaces): whole words, prefixes, and entries of several words. Fills `out` with pairs
 * (concept, end), one per concept, with the end of the longest entry that names it.
 */
export function conceptsAt(lexicon: Lexicon, text: string, start: number, out: number[]): void {
  out.length = 0;
  let at: TrieNode | undefined = lexicon.root;
  for (let i = start; at !== undefined; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : SPACE;
    if (at.prefix.length > 0) {
      // A prefix entry runs to the end of the word it stops in.
      let end = i;
      while (end < text.length && text.charCodeAt(end) !== SPACE) end += 1;
      for (const id of at.prefix) note(out, id, end);
    }
    if (c === SPACE) for (const id of at.exact) note(out, id, i);
    if (i >= text.length) break;
    at = child(at, c);
  }
}

function note(out: number[], id: number, end: number): void {
  for (let k = 0; k < out.length; k += 2) {
    if (out[k] !== id) continue;
    out[k + 1] = Math.max(out[k + 1] ?? 0, end);
    return;
  }
  out.push(id, end);
}
