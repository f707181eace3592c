import { eq } from "drizzle-orm";
import { appointments, patients } from "../../db/central/schema";
import type { SessionUser } from "../../shared/api/wire";
import { BOOKING_RULE_CODES } from "../../shared/domain/bookingRules";
import type { MutationEnvelope, MutationRejected } from "../../shared/sync/mutations";
import type { CentralTx } from "../centralTransaction";
import { appointmentTime } from "./callbackReasons";
import { addCallback } from "./callbackRecords";

const BOOKING_REFUSALS: ReadonlySet<string> = new Set(BOOKING_RULE_CODES);

/**
 * A booking or move the server refused for the agenda's sake (mostly one made offline that another
 * workstation beat): the patient believes it holds, so someone must call them with another slot.
 * Written in the rejection's transaction; returns the practice to poke, or null when nothing is owed.
 */
export async function callbackForRefusedBooking(tx: CentralTx, user: SessionUser, mutation: MutationEnvelope, rejection: MutationRejected, now: Date): Promise<string | null> {
  if ((mutation.name !== "appointment.book" && mutation.name !== "appointment.move") || !BOOKING_REFUSALS.has(rejection.code)) return null;
  const args = mutation.args as { id?: unknown; patientId?: unknown; startAt?: unknown };
  const patientId = mutation.name === "appointment.book" ? args.patientId : await patientOfAppointment(tx, args.id);
  if (typeof patientId !== "string" || typeof args.startAt !== "string") return null;
  const [patient] = await tx.select({ practiceId: patients.practiceId }).from(patients).where(eq(patients.id, patientId));
  if (!patient || !user.practiceIds.includes(patient.practiceId)) return null;
  const what = mutation.name === "appointment.book" ? "Rendez-vous" : "Déplacement au";
  await addCallback(tx, {
    practiceId: patient.practiceId,
    patientId,
    kind: "conflit",
    sourceId: typeof args.id === "string" ? args.id : null,
    reason: `${what} ${appointmentTime(args.startAt)} refusé par le serveur : ${rejection.message} Proposer un autre créneau au patient.`,
    createdBy: user.id,
    now,
  });
  return patient.practiceId;
}

async function patientOfAppointment(tx: CentralTx, id: unknown): Promise<string | null> {
  if (typeof id !== "string") return null;
  const [appointment] = await tx.select({ patientId: appointments.patientId }).from(appointments).where(eq(appointments.id, id));
  return appointment?.patientId ?? null;
}
