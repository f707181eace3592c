import type { MotifRestrictions } from "../../../shared/domain/schedules";

/**
 * What each kind of practitioner is booked for. The first motif is the everyday one and the
 * second the first visit; the rest are drawn so two practitioners of a specialty differ a little.
 */
export interface MotifTemplate {
  label: string;
  durationMinutes: 15 | 20 | 30 | 45;
  allowedForNewPatients: boolean;
  patientInstructions: string;
  minNoticeMinutes: number;
  restrictions: MotifRestrictions;
}

export interface Specialty {
  label: string;
  /** Physicians are "Dr"; other health professionals are addressed "M." or "Mme". */
  isPhysician: boolean;
  motifs: readonly MotifTemplate[];
}

const motif = (
  label: string,
  durationMinutes: MotifTemplate["durationMinutes"],
  details: Partial<Omit<MotifTemplate, "label" | "durationMinutes">> = {},
): MotifTemplate => ({
  label,
  durationMinutes,
  allowedForNewPatients: false,
  patientInstructions: "",
  minNoticeMinutes: 0,
  restrictions: {},
  ...details,
});

const BRING_VITALE = "Apporter la carte Vitale et l'ordonnance en cours.";
const BRING_RESULTS = "Apporter la carte Vitale et les derniers résultats.";
const BRING_HEALTH_BOOK = "Apporter le carnet de santé de l'enfant.";
const AFTERNOONS: MotifRestrictions = { weekdays: [1, 2, 3, 4, 5], from: "14:00" };
const MORNINGS: MotifRestrictions = { to: "12:00" };

export const GENERAL_PRACTICE: Specialty = {
  label: "Médecine générale",
  isPhysician: true,
  motifs: [
    motif("Consultation", 20, { patientInstructions: BRING_VITALE }),
    motif("Première consultation", 30, { allowedForNewPatients: true, patientInstructions: "Apporter la carte Vitale, les ordonnances en cours et le carnet de vaccination." }),
    motif("Renouvellement d'ordonnance", 15, { patientInstructions: BRING_VITALE }),
    motif("Suivi de maladie chronique", 30, { patientInstructions: BRING_RESULTS }),
    motif("Certificat de sport", 15, { allowedForNewPatients: true, patientInstructions: "Apporter le formulaire de la fédération s'il y en a un." }),
    motif("Vaccination", 15, { patientInstructions: "Apporter le vaccin retiré en pharmacie et le carnet de vaccination." }),
    motif("Visite à domicile", 45, { minNoticeMinutes: 120, restrictions: AFTERNOONS }),
    motif("Frottis", 20, { patientInstructions: "Éviter les rapports et les ovules dans les 48 h précédentes." }),
  ],
};

export const PHYSICIAN_SPECIALTIES: readonly Specialty[] = [
  {
    label: "Pédiatrie",
    isPhysician: true,
    motifs: [
      motif("Consultation enfant", 20, { patientInstructions: BRING_HEALTH_BOOK }),
      motif("Première consultation", 30, { allowedForNewPatients: true, patientInstructions: BRING_HEALTH_BOOK }),
      motif("Examen du nourrisson", 30, { allowedForNewPatients: true, patientInstructions: BRING_HEALTH_BOOK }),
      motif("Vaccination", 15, { patientInstructions: "Apporter le vaccin et le carnet de santé." }),
      motif("Certificat", 15),
    ],
  },
  {
    label: "Cardiologie",
    isPhysician: true,
    motifs: [
      motif("Consultation de suivi", 30, { patientInstructions: BRING_RESULTS }),
      motif("Première consultation", 45, { allowedForNewPatients: true, patientInstructions: "Apporter le courrier du médecin traitant, les ECG et les derniers résultats." }),
      motif("Épreuve d'effort", 45, { patientInstructions: "Venir en tenue de sport, ne pas fumer dans les 2 h précédentes.", minNoticeMinutes: 2880 }),
      motif("Échographie cardiaque", 30, { patientInstructions: BRING_RESULTS }),
      motif("Pose de Holter", 15, { restrictions: MORNINGS }),
    ],
  },
  {
    label: "Dermatologie",
    isPhysician: true,
    motifs: [
      motif("Consultation", 20, { patientInstructions: BRING_VITALE }),
      motif("Première consultation", 30, { allowedForNewPatients: true, patientInstructions: "Apporter le courrier du médecin traitant." }),
      motif("Contrôle des grains de beauté", 30, { patientInstructions: "Venir sans maquillage ni vernis à ongles." }),
      motif("Petite chirurgie", 45, { minNoticeMinutes: 2880, patientInstructions: "Ne pas prendre d'aspirine dans les 8 jours précédents." }),
    ],
  },
  {
    label: "Gynécologie",
    isPhysician: true,
    motifs: [
      motif("Consultation", 20, { patientInstructions: BRING_VITALE }),
      motif("Première consultation", 30, { allowedForNewPatients: true, patientInstructions: "Apporter les derniers résultats de frottis et de mammographie." }),
      motif("Suivi de grossesse", 30, { patientInstructions: "Apporter les résultats de prise de sang et d'échographie." }),
      motif("Frottis", 20, { patientInstructions: "Éviter les rapports et les ovules dans les 48 h précédentes." }),
      motif("Pose de stérilet", 30, { minNoticeMinutes: 1440, patientInstructions: "Prendre un antalgique 1 h avant le rendez-vous." }),
    ],
  },
  {
    label: "ORL",
    isPhysician: true,
    motifs: [
      motif("Consultation", 20, { patientInstructions: BRING_VITALE }),
      motif("Première consultation", 30, { allowedForNewPatients: true, patientInstructions: "Apporter le courrier du médecin traitant et les examens déjà faits." }),
      motif("Audiogramme", 30, { patientInstructions: "Ne pas s'exposer à du bruit fort la veille." }),
      motif("Lavage d'oreilles", 15),
    ],
  },
  {
    label: "Ophtalmologie",
    isPhysician: true,
    motifs: [
      motif("Consultation", 20, { patientInstructions: "Apporter les lunettes actuelles et la dernière ordonnance." }),
      motif("Première consultation", 30, { allowedForNewPatients: true, patientInstructions: "Apporter les lunettes actuelles et la dernière ordonnance." }),
      motif("Fond d'œil", 30, { patientInstructions: "Venir accompagné : pupilles dilatées, pas de conduite après l'examen." }),
      motif("Renouvellement de lunettes", 15),
    ],
  },
  {
    label: "Psychiatrie",
    isPhysician: true,
    motifs: [
      motif("Consultation de suivi", 30),
      motif("Première consultation", 45, { allowedForNewPatients: true, patientInstructions: "Apporter le courrier du médecin traitant et les traitements en cours.", minNoticeMinutes: 1440 }),
      motif("Renouvellement de traitement", 20),
    ],
  },
];

export const PARAMEDICAL_SPECIALTIES: readonly Specialty[] = [
  {
    label: "Kinésithérapie",
    isPhysician: false,
    motifs: [
      motif("Séance de rééducation", 30, { patientInstructions: "Apporter l'ordonnance, une serviette et une tenue souple." }),
      motif("Bilan kinésithérapique", 45, { allowedForNewPatients: true, patientInstructions: "Apporter l'ordonnance et les comptes rendus d'imagerie." }),
      motif("Rééducation périnéale", 30, { patientInstructions: "Apporter l'ordonnance." }),
      motif("Kinésithérapie respiratoire", 20, { allowedForNewPatients: true, restrictions: MORNINGS }),
    ],
  },
  {
    label: "Sage-femme",
    isPhysician: false,
    motifs: [
      motif("Suivi de grossesse", 30, { patientInstructions: "Apporter les résultats de prise de sang et d'échographie." }),
      motif("Première consultation", 30, { allowedForNewPatients: true, patientInstructions: BRING_RESULTS }),
      motif("Préparation à la naissance", 45),
      motif("Rééducation périnéale", 30),
      motif("Consultation post-natale", 30, { patientInstructions: "Venir avec le bébé et son carnet de santé si besoin." }),
    ],
  },
  {
    label: "Orthophonie",
    isPhysician: false,
    motifs: [
      motif("Séance d'orthophonie", 30),
      motif("Bilan orthophonique", 45, { allowedForNewPatients: true, minNoticeMinutes: 2880, patientInstructions: "Apporter l'ordonnance et les bilans scolaires." }),
      motif("Séance courte", 20),
    ],
  },
  {
    label: "Soins infirmiers",
    isPhysician: false,
    motifs: [
      motif("Prise de sang", 15, { allowedForNewPatients: true, patientInstructions: "Venir à jeun (12 h sans manger), avec l'ordonnance.", restrictions: { to: "10:30" } }),
      motif("Pansement", 15, { patientInstructions: "Apporter l'ordonnance et le matériel délivré en pharmacie." }),
      motif("Injection", 15, { allowedForNewPatients: true, patientInstructions: "Apporter le produit et l'ordonnance." }),
      motif("Ablation de fils", 15),
    ],
  },
];
