import { describe, expect, it } from "vitest";
import { compileMotif, compileSchedule } from "../../shared/domain/agendaSchedule";
import { checkBooking } from "../../shared/domain/bookingRules";
import { findFreeSlots } from "../../shared/domain/freeSlots";
import type { AppointmentTypeRow, PractitionerRow } from "../../db/seed/generate/rows";
import { seedNow } from "../../db/seed/generate/timeline";
import { generateSeedData } from "../../db/seed/generate/seedData";

/**
 * The demo data obeys the booking rules it is meant to show: every appointment the seed lays out
 * falls inside its practitioner's hours, outside their absences, on its motif's days and hours, and
 * the everyday motif ranks first in each practitioner's list (the one the call screen's slots use).
 */
const REFERENCE_DATE = "2025-01-13";

/** A seeded motif with the columns the seed may leave to their defaults filled in. */
type Motif = AppointmentTypeRow & { minNoticeMinutes: number; sortOrder: number };

describe("seeded agendas and the booking rules", () => {
  it("agree, appointment by appointment, and leave free slots to propose", () => {
    const practitioners = new Map<string, PractitionerRow>();
    const motifs = new Map<string, Motif>();
    const booked = new Map<string, [number, number][]>();
    let checked = 0;
    for (const batch of generateSeedData({ size: "small", referenceDate: REFERENCE_DATE })) {
      if (batch.table === "practitioner") for (const row of batch.rows) practitioners.set(row.id, row);
      if (batch.table === "appointmentType") for (const row of batch.rows) motifs.set(row.id, { ...row, minNoticeMinutes: row.minNoticeMinutes ?? 0, sortOrder: row.sortOrder ?? 0 });
      if (batch.table !== "appointment") continue;
      for (const appointment of batch.rows) {
        const practitioner = practitioners.get(appointment.practitionerId)!;
        const motif = motifs.get(appointment.appointmentTypeId)!;
        const refusal = checkBooking({
          practitioner,
          motif,
          startAt: appointment.startAt.getTime(),
          endAt: appointment.endAt.getTime(),
          now: 0,
          newPatient: null,
          agreement: "none",
        });
        expect(refusal, `${appointment.id} ${appointment.startAt.toISOString()}`).toBeNull();
        if (appointment.status === "booked") booked.set(practitioner.id, [...(booked.get(practitioner.id) ?? []), [appointment.startAt.getTime(), appointment.endAt.getTime()]]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);

    const byPractitioner = new Map<string, Motif[]>();
    for (const motif of motifs.values()) byPractitioner.set(motif.practitionerId, [...(byPractitioner.get(motif.practitionerId) ?? []), motif]);
    for (const list of byPractitioner.values()) {
      const first = list.filter((motif) => motif.sortOrder === 0);
      expect(first).toHaveLength(1);
      expect(first[0]!.minNoticeMinutes).toBe(0);
    }

    // Most practitioners have a free everyday slot within the seeded agenda, seen from the seed's "now".
    const now = seedNow(REFERENCE_DATE).getTime();
    let withSlot = 0;
    for (const practitioner of practitioners.values()) {
      const motif = byPractitioner.get(practitioner.id)!.find((candidate) => candidate.sortOrder === 0)!;
      const busy = (booked.get(practitioner.id) ?? []).sort((a, b) => a[0] - b[0]);
      const [slot] = findFreeSlots(
        [{ practitionerId: practitioner.id, appointmentTypeId: motif.id, schedule: compileSchedule(practitioner), motif, busy }],
        { from: now, until: now + 90 * 86_400_000, now, limit: 1 },
      );
      if (slot) {
        withSlot++;
        const refusal = checkBooking({ practitioner, motif, startAt: slot.startAt, endAt: slot.endAt, now, newPatient: null, agreement: "none", compiledMotif: compileMotif(motif) });
        expect(refusal).toBeNull();
      }
    }
    expect(withSlot).toBeGreaterThan(practitioners.size * 0.9);
  });

  it("give every practitioner a motif a new patient can take, whatever their policy today, so a policy changed later lets an agreed one be booked", () => {
    const practitioners = new Map<string, PractitionerRow>();
    const openToNew = new Set<string>();
    for (const batch of generateSeedData({ size: "small", referenceDate: REFERENCE_DATE })) {
      if (batch.table === "practitioner") for (const row of batch.rows) practitioners.set(row.id, row);
      if (batch.table === "appointmentType") for (const row of batch.rows) if (row.allowedForNewPatients) openToNew.add(row.practitionerId);
    }
    const refusing = [...practitioners.values()].filter((practitioner) => practitioner.acceptsNewPatients === "non");
    expect(refusing.length).toBeGreaterThan(0);
    expect([...practitioners.keys()].filter((id) => !openToNew.has(id))).toEqual([]);
  });
});
