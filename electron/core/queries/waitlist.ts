import { and, asc, eq, isNull } from "drizzle-orm";
import type { WaitlistEntryView, WaitlistOfferView } from "../../../shared/api/views";
import type { WaitlistOffer } from "../../../shared/domain/schedules";
import { appointmentTypes, patients, waitlistEntries } from "../../../db/local/schema";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { patientDisplayName } from "../../../shared/domain/patientDisplayName";

/**
 * The practice's waitlist, oldest first. The server offers a freed slot to an entry (by sync); the
 * offer is shown only while it is still to come and free on this replica — once someone books that
 * time (here or, after a pull, elsewhere) the proposal disappears by itself.
 */
export function waitlistByPractice(store: Pick<LocalStore, "db" | "sqlite">, practiceId: string, now: Date): WaitlistEntryView[] {
  const rows = store.db
    .select({
      entry: waitlistEntries,
      birthName: patients.birthName,
      usedName: patients.usedName,
      firstName: patients.firstName,
      motifLabel: appointmentTypes.label,
    })
    .from(waitlistEntries)
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistEntries.appointmentTypeId))
    .where(and(eq(waitlistEntries.practiceId, practiceId), isNull(waitlistEntries.deletedAt), isNull(patients.deletedAt)))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .all();
  const offerOf = openOffer(store, now);
  return rows.map(({ entry, motifLabel, ...patient }) => ({
    id: entry.id,
    practiceId: entry.practiceId,
    patientId: entry.patientId,
    patientName: patientDisplayName(patient),
    appointmentTypeId: entry.appointmentTypeId,
    motifLabel,
    practitionerIds: entry.practitionerIds,
    preferredWindows: entry.preferredWindows,
    notes: entry.notes,
    createdAt: entry.createdAt.toISOString(),
    offer: entry.offeredSlot ? offerOf(entry.offeredSlot) : null,
  }));
}

/** The offer as shown, or null when its time has begun or an appointment now holds part of it. */
function openOffer(store: Pick<LocalStore, "sqlite">, now: Date): (offer: WaitlistOffer) => WaitlistOfferView | null {
  const taken = store.sqlite
    .prepare(
      `SELECT 1 FROM appointment
        WHERE practitioner_id = ? AND start_at < ? AND end_at > ? AND status <> 'cancelled' AND deleted_at IS NULL
        LIMIT 1`,
    )
    .pluck();
  const motifLabel = store.sqlite.prepare("SELECT label FROM appointment_type WHERE id = ? AND deleted_at IS NULL").pluck();
  return (offer) => {
    const startAt = Date.parse(offer.startAt);
    const endAt = Date.parse(offer.endAt);
    if (startAt <= now.getTime() || taken.get(offer.practitionerId, endAt, startAt) !== undefined) return null;
    const label = motifLabel.get(offer.appointmentTypeId) as string | undefined;
    if (label === undefined) return null;
    const { practitionerId, appointmentTypeId } = offer;
    return { practitionerId, appointmentTypeId, motifLabel: label, startAt: offer.startAt, endAt: offer.endAt, agreementId: offer.agreementId ?? null };
  };
}
