import type { SeededRandom } from "./random";

/**
 * French people's names as a secretary meets them: accents (Hélène, Loïc), compound first names
 * (Jean-Pierre), particles (Le Goff, Da Silva), double-barrelled surnames (Martin-Dubois) and
 * married women known under another name than their birth name.
 */
export const FEMALE_FIRST_NAMES = [
  "Hélène", "Gaëlle", "Françoise", "Marie", "Camille", "Léa", "Chloé", "Manon", "Inès", "Zoé",
  "Élodie", "Céline", "Nathalie", "Isabelle", "Sophie", "Sandrine", "Valérie", "Stéphanie", "Aurélie", "Émilie",
  "Julie", "Sarah", "Laura", "Pauline", "Mathilde", "Clémence", "Anaïs", "Océane", "Maëlle", "Noémie",
  "Agnès", "Bérénice", "Josiane", "Monique", "Jacqueline", "Geneviève", "Brigitte", "Martine", "Odile", "Anne-Sophie",
  "Marie-Claire", "Marie-Hélène", "Joëlle", "Renée", "Aïcha", "Fatima", "Yasmine", "Amélie", "Margaux", "Louise",
  "Jeanne", "Alice", "Léonie", "Héloïse", "Lucie", "Capucine", "Solène", "Gwenaëlle", "Maïwenn", "Nolwenn",
  "Christine", "Catherine", "Sylvie", "Danielle", "Michèle", "Thérèse", "Éléonore", "Adèle", "Rose", "Ambre",
] as const;

export const MALE_FIRST_NAMES = [
  "Jérôme", "Loïc", "Noël", "Jean-Pierre", "Jean-François", "Pierre", "Thomas", "Nicolas", "Julien", "Antoine",
  "Mathieu", "Sébastien", "François", "Frédéric", "Stéphane", "Éric", "Olivier", "Philippe", "Michel", "Alain",
  "Bernard", "Gérard", "Hervé", "Yannick", "Gaël", "Raphaël", "Léo", "Hugo", "Lucas", "Gabriel",
  "Louis", "Arthur", "Jules", "Théo", "Mathéo", "Noé", "Maël", "Benoît", "Rémi", "Cédric",
  "Joël", "Anthony", "Karim", "Mehdi", "Youssef", "Jean-Baptiste", "Marc-Antoine", "Clément", "Étienne", "André",
  "René", "Félix", "Timothée", "Aurélien", "Grégoire", "Christophe", "Laurent", "Patrick", "Daniel", "Yves",
] as const;

export const LAST_NAMES = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
  "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
  "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
  "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
  "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
  "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
  "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
  "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
  "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois",
  "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Dupuy",
  "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Deschamps", "Huet", "Vasseur",
  "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Poirier", "Marty", "Aubry",
  "Guyot", "Carré", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider",
  "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Prévost", "Millet", "Perrot", "Le Roux", "Cousin",
  "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc",
  "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud",
  "Étienne", "Grondin", "Poulain", "Tessier", "Chauvin", "Da Silva", "Bouchet", "Lemaître", "Bénard", "Maréchal",
  "Humbert", "Reynaud", "Hoarau", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Delaunay", "Pasquier", "Le Bihan",
  "Kerébel", "Le Floch", "Besnard", "N'Diaye", "D'Almeida", "Nguyen", "Benali", "Haddad", "Coulibaly", "Ferreira",
] as const;

export type Sex = "F" | "M";

export interface PersonName {
  sex: Sex;
  firstName: string;
  lastName: string;
}

export function drawSex(random: SeededRandom): Sex {
  return random.chance(0.52) ? "F" : "M";
}

export function drawFirstName(random: SeededRandom, sex: Sex): string {
  return random.pick(sex === "F" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
}

/** A surname; one in twenty is double-barrelled ("Martin-Dubois"). */
export function drawLastName(random: SeededRandom): string {
  const first = random.pick(LAST_NAMES);
  if (!random.chance(0.05)) return first;
  const second = random.pick(LAST_NAMES);
  return second === first ? first : `${first}-${second}`;
}

export function drawPerson(random: SeededRandom, sex: Sex = drawSex(random)): PersonName {
  return { sex, firstName: drawFirstName(random, sex), lastName: drawLastName(random) };
}

/** "M." or "Mme", as the secretary says it and the agenda shows it. */
export const civility = (sex: Sex) => (sex === "F" ? "Mme" : "M.");
