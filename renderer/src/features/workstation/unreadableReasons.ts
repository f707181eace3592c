import type { WorkstationStatus } from "../../../../shared/api/contract";

type UnreadableReason = Extract<WorkstationStatus, { state: "store_unreadable" }>["reason"];

/** Why the local copy cannot be read, in words for the secretary (and for agency IT on the phone). */
export const UNREADABLE_REASON_LABELS: Record<UnreadableReason, string> = {
  wrong_key: "La clé de chiffrement du poste ne correspond pas aux données locales.",
  missing_key: "La clé de chiffrement du poste est introuvable.",
  corrupt: "Le fichier des données locales est endommagé.",
};
