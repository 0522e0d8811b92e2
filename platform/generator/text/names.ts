// People, places and businesses for generated accounts and project titles, per language.
import type { Lang } from './fill';

export const FIRST_NAMES: Record<Lang, readonly string[]> = {
  en: ['Olivia', 'James', 'Amelia', 'Noah', 'Grace', 'Liam', 'Chloe', 'Ethan', 'Ruby', 'Oscar', 'Priya', 'Kwame', 'Mei', 'Tomás', 'Hannah', 'Daniel', 'Aisha', 'Lucas', 'Zoe', 'Samuel', 'Isla', 'Jack', 'Maya', 'Leo', 'Ngozi', 'Arjun', 'Freya', 'Caleb', 'Imani', 'Rosa'],
  fr: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Jules', 'Manon', 'Arthur', 'Inès', 'Nathan', 'Élise', 'Mathis', 'Sarah', 'Gabriel', 'Zoé', 'Raphaël', 'Aïcha', 'Théo', 'Juliette', 'Yanis', 'Margaux', 'Émile', 'Anaïs', 'Bastien', 'Clémence'],
  es: ['Lucía', 'Mateo', 'Sofía', 'Hugo', 'Valentina', 'Diego', 'Martina', 'Pablo', 'Camila', 'Alejandro', 'Paula', 'Javier', 'Daniela', 'Andrés', 'Carmen', 'Santiago', 'Elena', 'Nicolás', 'Isabel', 'Tomás', 'Ximena', 'Rodrigo', 'Julia', 'Gonzalo', 'Renata'],
};

export const LAST_NAMES: Record<Lang, readonly string[]> = {
  en: ['Smith', 'Okafor', 'Patel', 'Nguyen', 'Walsh', 'Campbell', 'Hughes', 'Chen', 'Murphy', 'Adeyemi', 'Reid', 'Foster', 'Kaur', 'Lawson', 'Brooks', 'Santos', 'Kim', 'Harper', 'Mensah', 'Doyle', 'Ellis', 'Grant', 'Hale', 'Iyer', 'Quinn'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fournier', 'Mercier', 'Blanc', 'Faure', 'Chevalier', 'Diallo', 'Perrin', 'Gauthier', 'Benali', 'Rousseau', 'Lambert', 'Bonnet'],
  es: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Torres', 'Ruiz', 'Vargas', 'Castillo', 'Morales', 'Ortega', 'Delgado', 'Herrera', 'Medina', 'Rojas', 'Navarro', 'Guerrero', 'Peña', 'Cruz'],
};

export const COUNTRIES: Record<Lang, readonly string[]> = {
  en: ['US', 'US', 'US', 'GB', 'GB', 'CA', 'AU', 'IE', 'IN', 'IN', 'NG', 'PH', 'ZA', 'NZ', 'PK', 'KE'],
  fr: ['FR', 'FR', 'FR', 'BE', 'CA', 'CH', 'SN', 'MA', 'CI', 'TN'],
  es: ['ES', 'ES', 'MX', 'MX', 'AR', 'CO', 'CL', 'PE', 'UY', 'EC'],
};

/** Business names read the same in every language; the kind of business is translated. */
export const BRAND_NAMES: readonly string[] = [
  'Northwind', 'Blue Heron', 'Maple & Co', 'Luma', 'Atlas', 'Solène', 'Kestrel', 'Oak Hollow', 'Brisa', 'Nimbus',
  'Papaya', 'Vela', 'Ironleaf', 'Marigold', 'Pico', 'Lantern', 'Sierra Verde', 'Tidewater', 'Quokka', 'Copperline',
  'Alba', 'Fennel', 'Orbit', 'Juniper', 'Cactus Club', 'Petit Nuage', 'Driftwood', 'Zafiro', 'Harbor Lane', 'Bramble',
];

export const BUSINESS_KINDS: Record<Lang, readonly string[]> = {
  en: ['bakery', 'yoga studio', 'law firm', 'coffee roaster', 'bike shop', 'dental clinic', 'fintech startup', 'craft brewery', 'florist', 'bookshop', 'pet grooming salon', 'architecture studio', 'boutique hotel', 'food truck', 'language school', 'organic farm', 'skincare brand', 'climbing gym', 'wine bar', 'accounting firm'],
  fr: ['boulangerie', 'studio de yoga', "cabinet d'avocats", 'torréfacteur', 'magasin de vélos', 'cabinet dentaire', 'start-up fintech', 'brasserie artisanale', 'fleuriste', 'librairie', 'salon de toilettage', "agence d'architecture", 'hôtel de charme', 'food truck', 'école de langues', 'ferme bio', 'marque de cosmétiques', "salle d'escalade", 'bar à vins', "cabinet d'expertise comptable"],
  es: ['panadería', 'estudio de yoga', 'despacho de abogados', 'tostador de café', 'tienda de bicicletas', 'clínica dental', 'startup fintech', 'cervecería artesanal', 'floristería', 'librería', 'peluquería canina', 'estudio de arquitectura', 'hotel boutique', 'food truck', 'escuela de idiomas', 'granja ecológica', 'marca de cosmética', 'rocódromo', 'bar de vinos', 'asesoría contable'],
};

/** Project titles per category (core/categories.ts ids); {brand} and {kind} come from the lists above. */
export const TITLES: Record<Lang, Readonly<Record<string, readonly string[]>>> = {
  en: {
    logo: ['Logo for {brand} ({kind})', 'New logo for our {kind}', '{brand} logo refresh', 'Logo and wordmark for {brand}'],
    web: ['Website design for {brand}', 'Landing page for our {kind}', '{brand} website redesign'],
    app: ['Mobile app screens for {brand}', 'Booking app UI for {brand}', '{brand} app onboarding screens'],
    brand_identity: ['Brand identity for {brand}', 'Full branding for {brand}', '{brand} brand guidelines'],
    print: ['Flyer for the {brand} opening', 'Business cards for {brand}', 'Menu design for our {kind}'],
    packaging: ['Packaging for {brand}', 'Label design for {brand} ({kind})', '{brand} box and label'],
    illustration: ['Illustration for {brand}', 'Mascot for our {kind}', 'Wall mural sketch for {brand}'],
    social_media: ['Instagram posts for {brand}', 'Social media kit for {brand}', '{brand} launch banners'],
  },
  fr: {
    logo: ['Logo pour {brand} ({kind})', 'Nouveau logo pour notre {kind}', 'Refonte du logo {brand}'],
    web: ['Site web pour {brand}', "Page d'accueil pour notre {kind}", 'Refonte du site {brand}'],
    app: ['Écrans d’application pour {brand}', 'Interface de réservation – {brand}', 'Application {brand} : écrans d’accueil'],
    brand_identity: ['Identité visuelle pour {brand}', 'Charte graphique – {kind} {brand}', 'Identité de marque {brand}'],
    print: ["Flyer pour l'ouverture de {brand}", 'Cartes de visite pour {brand}', 'Menu pour notre {kind}'],
    packaging: ['Emballage pour {brand}', 'Étiquette – {kind} {brand}', 'Boîte et étiquette {brand}'],
    illustration: ['Illustration pour {brand}', 'Mascotte pour notre {kind}', 'Fresque murale pour {brand}'],
    social_media: ['Publications Instagram pour {brand}', 'Kit réseaux sociaux – {brand}', 'Bannières de lancement {brand}'],
  },
  es: {
    logo: ['Logo para {brand} ({kind})', 'Nuevo logo para {brand}', 'Renovación del logo de {brand}'],
    web: ['Diseño web para {brand}', 'Página de aterrizaje para nuestro negocio', 'Rediseño de la web de {brand}'],
    app: ['Pantallas de app para {brand}', 'Interfaz de reservas – {brand}', 'Pantallas de bienvenida de la app {brand}'],
    brand_identity: ['Identidad de marca para {brand}', 'Manual de marca – {kind} {brand}', 'Branding completo de {brand}'],
    print: ['Folleto para la apertura de {brand}', 'Tarjetas de visita para {brand}', 'Carta para nuestro local'],
    packaging: ['Empaque para {brand}', 'Etiqueta – {kind} {brand}', 'Caja y etiqueta de {brand}'],
    illustration: ['Ilustración para {brand}', 'Mascota para {brand}', 'Boceto de mural para {brand}'],
    social_media: ['Publicaciones de Instagram para {brand}', 'Kit de redes sociales – {brand}', 'Banners de lanzamiento de {brand}'],
  },
};

export const CONTRACT_TITLES: Record<Lang, readonly string[]> = {
  en: ['Ongoing design support for {brand}', '{brand} rebrand: phase 2', 'Monthly social media graphics for {brand}', 'Packaging range for {brand}', 'Website build assets for {brand}', 'Pitch deck design for {brand}'],
  fr: ['Accompagnement graphique pour {brand}', 'Refonte {brand} : phase 2', 'Visuels réseaux sociaux mensuels pour {brand}', "Gamme d'emballages pour {brand}", 'Présentation investisseurs pour {brand}'],
  es: ['Soporte de diseño continuo para {brand}', 'Rebranding de {brand}: fase 2', 'Gráficos mensuales para redes de {brand}', 'Línea de empaques para {brand}', 'Presentación para inversores de {brand}'],
};
