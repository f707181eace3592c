import { z } from "zod";
import { instant } from "./identifiers";

/** The most a doctor's reply on a treated message may say: a short answer, not a letter. */
export const DOCTOR_REPLY_MAX = 1000;

/**
 * What the doctor did with a message on the portal: when they opened it, under what name (the
 * secretaries' workstations never hold practitioners' accounts, so the name travels with the receipt),
 * when they marked it treated and what they replied. Null until the doctor opens the message.
 */
export const doctorReading = z.object({
  readAt: instant,
  /** « Dr Camille Perrot »: the account's name when it was read. */
  readBy: z.string().min(1).max(100),
  treatedAt: instant.nullable(),
  reply: z.string().max(DOCTOR_REPLY_MAX).nullable(),
});
export type DoctorReading = z.infer<typeof doctorReading>;
