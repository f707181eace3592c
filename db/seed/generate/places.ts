import type { PostalAddress } from "../../../shared/domain/schedules";
import type { SeededRandom } from "./random";

/**
 * Real towns with their postal codes and telephone zone (the first digit of French landlines:
 * 1 Île-de-France, 2 Nord-Ouest, 3 Nord-Est, 4 Sud-Est, 5 Sud-Ouest), so an address and the
 * practice's numbers agree the way they would in life.
 */
export interface Town {
  name: string;
  postalCode: string;
  phoneZone: 1 | 2 | 3 | 4 | 5;
}

const town = (name: string, postalCode: string, phoneZone: Town["phoneZone"]): Town => ({ name, postalCode, phoneZone });

export const TOWNS: readonly Town[] = [
  town("Paris", "75011", 1), town("Paris", "75015", 1), town("Paris", "75018", 1), town("Boulogne-Billancourt", "92100", 1),
  town("Montreuil", "93100", 1), town("Saint-Denis", "93200", 1), town("Argenteuil", "95100", 1), town("Versailles", "78000", 1),
  town("Créteil", "94000", 1), town("Nanterre", "92000", 1), town("Vitry-sur-Seine", "94400", 1), town("Évry-Courcouronnes", "91000", 1),
  town("Brétigny-sur-Orge", "91220", 1), town("Sainte-Geneviève-des-Bois", "91700", 1), town("Savigny-sur-Orge", "91600", 1),
  town("Massy", "91300", 1), town("Meaux", "77100", 1), town("Melun", "77000", 1), town("Cergy", "95000", 1),
  town("Rueil-Malmaison", "92500", 1), town("Saint-Maur-des-Fossés", "94100", 1), town("Fontainebleau", "77300", 1),
  town("Rennes", "35000", 2), town("Nantes", "44000", 2), town("Brest", "29200", 2), town("Quimper", "29000", 2),
  town("Caen", "14000", 2), town("Rouen", "76000", 2), town("Le Havre", "76600", 2), town("Tours", "37000", 2),
  town("Orléans", "45000", 2), town("Angers", "49000", 2), town("Le Mans", "72000", 2), town("Saint-Brieuc", "22000", 2),
  town("Lorient", "56100", 2), town("Vannes", "56000", 2), town("Saint-Malo", "35400", 2), town("Cherbourg-en-Cotentin", "50100", 2),
  town("Chartres", "28000", 2), town("Blois", "41000", 2), town("La Roche-sur-Yon", "85000", 2), town("Lannion", "22300", 2),
  town("Lille", "59000", 3), town("Roubaix", "59100", 3), town("Tourcoing", "59200", 3), town("Strasbourg", "67000", 3),
  town("Metz", "57000", 3), town("Nancy", "54000", 3), town("Reims", "51100", 3), town("Amiens", "80000", 3),
  town("Dijon", "21000", 3), town("Besançon", "25000", 3), town("Mulhouse", "68100", 3), town("Colmar", "68000", 3),
  town("Troyes", "10000", 3), town("Charleville-Mézières", "08000", 3), town("Épinal", "88000", 3), town("Valenciennes", "59300", 3),
  town("Arras", "62000", 3), town("Dunkerque", "59140", 3), town("Saint-Quentin", "02100", 3), town("Chalon-sur-Saône", "71100", 3),
  town("Marseille", "13005", 4), town("Lyon", "69003", 4), town("Nice", "06000", 4), town("Toulon", "83000", 4),
  town("Grenoble", "38000", 4), town("Montpellier", "34000", 4), town("Aix-en-Provence", "13100", 4), town("Saint-Étienne", "42000", 4),
  town("Villeurbanne", "69100", 4), town("Avignon", "84000", 4), town("Nîmes", "30000", 4), town("Annecy", "74000", 4),
  town("Chambéry", "73000", 4), town("Valence", "26000", 4), town("Perpignan", "66000", 4), town("Cannes", "06400", 4),
  town("Antibes", "06600", 4), town("Ajaccio", "20000", 4), town("Clermont-Ferrand", "63000", 4), town("Béziers", "34500", 4),
  town("Bordeaux", "33000", 5), town("Toulouse", "31000", 5), town("Pau", "64000", 5), town("Bayonne", "64100", 5),
  town("Limoges", "87000", 5), town("Poitiers", "86000", 5), town("La Rochelle", "17000", 5), town("Périgueux", "24000", 5),
  town("Agen", "47000", 5), town("Montauban", "82000", 5), town("Tarbes", "65000", 5), town("Angoulême", "16000", 5),
  town("Niort", "79000", 5), town("Mérignac", "33700", 5), town("Pessac", "33600", 5), town("Biarritz", "64200", 5),
  town("Albi", "81000", 5), town("Rodez", "12000", 5), town("Mont-de-Marsan", "40000", 5), town("Brive-la-Gaillarde", "19100", 5),
];

const STREETS = [
  "rue des Tilleuls", "avenue Jean Jaurès", "place de la République", "boulevard Victor Hugo", "rue Pasteur",
  "allée des Acacias", "chemin du Moulin", "rue du Général Leclerc", "impasse des Lilas", "rue de la Gare",
  "avenue de la Libération", "rue Gambetta", "rue Émile Zola", "place de l'Église", "rue du Maréchal Foch",
  "avenue des Peupliers", "rue Jules Ferry", "quai des Chartrons", "rue Saint-Michel", "boulevard de la Paix",
  "rue Anatole France", "rue des Écoles", "avenue du Château", "rue de Verdun", "rue Louise Michel",
] as const;

/**
 * Names of places practices are named after ("Cabinet médical des Tilleuls"), each with its
 * own article so the name reads right.
 */
export const PLACE_NAMES = [
  "des Tilleuls", "du Parc", "de la Gare", "des Lilas", "du Centre", "Pasteur", "Saint-Jacques", "des Acacias",
  "du Val d'Orge", "des Trois Rivières", "de l'Église", "du Marché", "des Roses", "Jean Moulin", "Simone Veil",
  "Victor Hugo", "de la Fontaine", "du Château", "des Peupliers", "du Vieux Port", "des Coteaux", "de la Vallée",
  "du Moulin", "des Hirondelles", "de l'Étang", "des Marronniers", "du Bocage", "des Capucins", "Marie Curie",
  "de la Roseraie", "des Vignes", "du Canal", "des Jardins", "Saint-Exupéry", "de la Croix Blanche", "des Cèdres",
] as const;

export function drawTown(random: SeededRandom): Town {
  return random.pick(TOWNS);
}

export function drawAddress(random: SeededRandom, where: Town): PostalAddress {
  const number = `${random.int(1, 120)}${random.chance(0.08) ? " bis" : ""}`;
  return { street: `${number} ${random.pick(STREETS)}`, postalCode: where.postalCode, city: where.name };
}

/** "de Lyon", "d'Évry", "du Havre", "de La Rochelle": French elision before a town's name. */
export function ofTown(name: string): string {
  if (name.startsWith("Le ")) return `du ${name.slice(3)}`;
  if (name.startsWith("Les ")) return `des ${name.slice(4)}`;
  return /^[AEIOUYÉÈÊH]/i.test(name) ? `d'${name}` : `de ${name}`;
}
