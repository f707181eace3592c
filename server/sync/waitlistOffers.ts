import { and, asc, desc, eq, gt, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import { appointments, appointmentTypes, messages, patients, practitioners, waitlistEntries } from "../../db/central/schema";
import { AGREEMENT_CATEGORY } from "../../shared/domain/doctorAgreement";
import { checkBooking, newPatientMatters } from "../../shared/domain/bookingRules";
import type { WaitlistOffer } from "../../shared/domain/schedules";
import { freedSlotProposals, type FreedSlot, type SlotProposal, type WaitingEntry } from "../../shared/domain/waitlistMatching";
import type { CentralMutationContext } from "../centralTransaction";
import { isNewPatient } from "./newPatient";
import { practitionerName } from "../../shared/domain/practitionerName";
import { addCallback } from "../callbacks/callbackRecords";
import { appointmentTime } from "../callbacks/callbackReasons";

/**
 * The server offers a freed slot to the first waiting patient it suits (shared/domain/waitlistMatching.ts),
 * in the transaction of the cancel or move that freed it, so the offer reaches every workstation of the
 * practice with the change itself by sync. One patient at a time: when they decline, the next is offered.
 */
interface FreedAppointment {
  id: string;
  practiceId: string;
  practitionerId: string;
  startAt: Date;
  endAt: Date;
}

/** After a cancel or a move: the time the appointment held is offered. */
export async function offerFreedSlot(context: CentralMutationContext, appointment: FreedAppointment): Promise<void> {
  const freed = { practitionerId: appointment.practitionerId, startAt: appointment.startAt.getTime(), endAt: appointment.endAt.getTime() };
  await offerSlot(context, appointment.practiceId, freed, appointment.id, []);
}

/** The patient declined: the same slot goes to the next one in line, never back to them. */
export async function offerDeclinedSlot(context: CentralMutationContext, practiceId: string, offer: WaitlistOffer, declinedEntryId: string): Promise<void> {
  const freed = { practitionerId: offer.practitionerId, startAt: Date.parse(offer.startAt), endAt: Date.parse(offer.endAt) };
  await offerSlot(context, practiceId, freed, offer.freedByAppointmentId, [...offer.declinedEntryIds, declinedEntryId]);
}

async function offerSlot(context: CentralMutationContext, practiceId: string, freed: FreedSlot, freedBy: string, declinedEntryIds: string[]): Promise<void> {
  const now = context.now.getTime();
  if (freed.startAt <= now) return;
  const [practitioner] = await context.tx
    .select()
    .from(practitioners)
    .where(and(eq(practitioners.id, freed.practitionerId), isNull(practitioners.deletedAt)));
  if (!practitioner) return;
  const entries = await waitingFor(context, practiceId, freed.practitionerId);
  const motifs = await context.tx
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.practitionerId, practitioner.id), isNull(appointmentTypes.deletedAt)));
  const candidates = entries.filter((entry) => !declinedEntryIds.includes(entry.waiting.id));
  const proposals = freedSlotProposals(freed, candidates.map((entry) => entry.waiting), motifs, now);

  for (const proposal of proposals) {
    const motif = motifs.find((candidate) => candidate.id === proposal.appointmentTypeId)!;
    const patientId = candidates.find((entry) => entry.waiting.id === proposal.entryId)!.patientId;
    if (await isTaken(context, proposal)) continue;
    const newPatient = newPatientMatters(practitioner, motif) ? await isNewPatient(context.tx, patientId, practitioner.id) : false;
    const agreementId = newPatient && practitioner.acceptsNewPatients === "demander_au_medecin" ? await agreementGiven(context, practiceId, patientId, practitioner.id) : null;
    const refusal = checkBooking({ practitioner, motif, startAt: proposal.startAt, endAt: proposal.endAt, now, newPatient, agreement: agreementId ? "agreed" : "none" });
    if (refusal) continue;
    const offeredSlot: WaitlistOffer = {
      practitionerId: proposal.practitionerId,
      appointmentTypeId: proposal.appointmentTypeId,
      startAt: new Date(proposal.startAt).toISOString(),
      endAt: new Date(proposal.endAt).toISOString(),
      freedByAppointmentId: freedBy,
      offeredAt: context.now.toISOString(),
      declinedEntryIds,
      ...(agreementId ? { agreementId } : {}),
    };
    await context.tx.update(waitlistEntries).set({ offeredSlot }).where(eq(waitlistEntries.id, proposal.entryId));
    // An offer is a call to make while the slot is still free: the queue holds it, due soon.
    await addCallback(context.tx, {
      practiceId,
      patientId,
      kind: "liste_attente",
      sourceId: proposal.entryId,
      reason: `Créneau libéré ${appointmentTime(offeredSlot.startAt)} avec ${practitionerName(practitioner)} (${motif.label}) : le proposer au patient, en liste d'attente.`,
      createdBy: context.user.id,
      now: context.now,
    });
    return;
  }
}

/**
 * The practitioner's « oui » to seeing this new patient, if their latest answer to a request says so: the
 * offer cites it, as the booking dialog would (a later « non » wins over an earlier « oui »).
 */
async function agreementGiven(context: CentralMutationContext, practiceId: string, patientId: string, practitionerId: string): Promise<string | null> {
  const [latest] = await context.tx
    .select({ id: messages.id, answer: messages.answer })
    .from(messages)
    .where(
      and(
        eq(messages.practiceId, practiceId),
        eq(messages.patientId, patientId),
        eq(messages.practitionerId, practitionerId),
        eq(messages.category, AGREEMENT_CATEGORY),
        isNull(messages.deletedAt),
        isNotNull(messages.answer),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return latest?.answer?.agreed ? latest.id : null;
}

/** The practice's live entries that accept this practitioner, with the motif each waits for. */
async function waitingFor(context: CentralMutationContext, practiceId: string, practitionerId: string) {
  const rows = await context.tx
    .select({ entry: waitlistEntries, motif: appointmentTypes })
    .from(waitlistEntries)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistEntries.appointmentTypeId))
    .innerJoin(patients, and(eq(patients.id, waitlistEntries.patientId), isNull(patients.deletedAt)))
    .where(
      and(
        eq(waitlistEntries.practiceId, practiceId),
        isNull(waitlistEntries.deletedAt),
        sql`${waitlistEntries.practitionerIds} @> ${JSON.stringify([practitionerId])}::jsonb`,
      ),
    )
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .for("update", { of: waitlistEntries });
  const waiting = [];
  for (const { entry, motif } of rows) {
    waiting.push({
      patientId: entry.patientId,
      waiting: {
        id: entry.id,
        practitionerIds: entry.practitionerIds,
        preferredWindows: entry.preferredWindows,
        createdAt: entry.createdAt.getTime(),
        motif,
        hasOpenOffer: entry.offeredSlot !== null && (await isOpen(context, entry.offeredSlot)),
      } satisfies WaitingEntry,
    });
  }
  return waiting;
}

/** An offer still stands while its time is to come and nobody booked it meanwhile; a stale one does not hold the patient back. */
async function isOpen(context: CentralMutationContext, offer: WaitlistOffer): Promise<boolean> {
  const slot = { practitionerId: offer.practitionerId, startAt: Date.parse(offer.startAt), endAt: Date.parse(offer.endAt) };
  return slot.startAt > context.now.getTime() && !(await isTaken(context, slot));
}

async function isTaken(context: CentralMutationContext, proposal: Pick<SlotProposal, "practitionerId" | "startAt" | "endAt">): Promise<boolean> {
  const [holder] = await context.tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.practitionerId, proposal.practitionerId),
        lt(appointments.startAt, new Date(proposal.endAt)),
        gt(appointments.endAt, new Date(proposal.startAt)),
        ne(appointments.status, "cancelled"),
        isNull(appointments.deletedAt),
      ),
    )
    .limit(1);
  return holder !== undefined;
}
