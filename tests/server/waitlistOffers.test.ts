import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, messages, patients, waitlistEntries } from "../../db/central/schema";
import type { WeeklyWindow } from "../../shared/domain/schedules";
import { NOW } from "../support/fixtures";
import { manualClock } from "../support/manualClock";
import { useTestApps } from "./appOnFreshDatabase";
import { at, book, ids, signedIn as signedInTo } from "./bookingAgency";
import { dateOf } from "../../shared/time/clock";

/**
 * Freed slots offered to the waitlist, at push, on a real PostgreSQL: the offer is written in the
 * transaction of the cancel or move, reaches every workstation by pull, goes to the next patient when
 * declined, and never to one the practice's rules would refuse.
 */
// The server's clock, moved by hand: it stamps waitlist entries, whose order decides who is offered a slot.
const clock = manualClock(NOW.getTime());
const testApp = useTestApps(clock);
const TUESDAY_MORNING: WeeklyWindow[] = [{ weekday: 2, start: "09:00", end: "12:00" }];

async function signedIn() {
  const testing = await signedInTo(testApp);
  /** A patient Dr Martin has already seen (so not new), ready to wait for a slot. */
  async function seenPatient(birthName: string): Promise<string> {
    const id = randomUUID();
    const now = dateOf(testing.clock);
    await testing.db.insert(patients).values({ id, practiceId: ids.practice, birthName, firstName: "Paul", phones: [], createdAt: now, updatedAt: now });
    await testing.db.insert(appointments).values({
      id: randomUUID(),
      practiceId: ids.practice,
      practitionerId: ids.martin,
      patientId: id,
      appointmentTypeId: ids.consultation,
      startAt: new Date("2025-02-03T09:00:00+01:00"),
      endAt: new Date("2025-02-03T09:20:00+01:00"),
      status: "fulfilled",
      channel: "telephone",
      createdAt: now,
    });
    return id;
  }
  /** Enters a patient on the waitlist, a minute after the previous one: their order is the order of the calls. */
  async function wait(patientId: string, preferredWindows: WeeklyWindow[] = TUESDAY_MORNING): Promise<string> {
    const id = randomUUID();
    const args = { id, practiceId: ids.practice, patientId, appointmentTypeId: ids.consultation, practitionerIds: [ids.martin], preferredWindows, notes: null };
    expect(await testing.push([{ name: "waitlist.add", args }])).toEqual([expect.objectContaining({ status: "applied" })]);
    clock.advance(60_000);
    return id;
  }
  async function offerOf(entryId: string) {
    const [entry] = await testing.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entryId));
    return entry!.offeredSlot;
  }
  async function bookAt(startAt: string): Promise<string> {
    const booking = book(ids.martin, ids.consultation, ids.known, startAt, 20);
    expect(await testing.push([booking])).toEqual([expect.objectContaining({ status: "applied" })]);
    return booking.args.id as string;
  }
  return { ...testing, seenPatient, wait, offerOf, bookAt };
}

const slot = (startAt: string, minutes: number) => ({
  practitionerId: ids.martin,
  appointmentTypeId: ids.consultation,
  startAt: new Date(startAt).toISOString(),
  endAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(),
});

describe("waitlist offers", () => {
  it("offer the time a cancel frees to the oldest waiting patient the rules accept, and every workstation pulls it", async () => {
    const testing = await signedIn();
    const cancelled = await testing.bookAt(at(1, "10:00"));
    const newcomer = await testing.wait(ids.newcomer); // oldest, but new to Dr Martin, who decides himself
    const afternoon = await testing.wait(await testing.seenPatient("Tardif"), [{ weekday: 2, start: "14:00", end: "18:00" }]);
    const first = await testing.wait(await testing.seenPatient("Premier"));
    const second = await testing.wait(await testing.seenPatient("Second"));

    expect(await testing.push([{ name: "appointment.cancel", args: { id: cancelled, reason: "Empêchement" } }])).toEqual([
      expect.objectContaining({ status: "applied" }),
    ]);

    expect(await testing.offerOf(first)).toEqual({ ...slot(at(1, "10:00"), 20), freedByAppointmentId: cancelled, offeredAt: expect.any(String), declinedEntryIds: [] });
    for (const entry of [newcomer, afternoon, second]) expect(await testing.offerOf(entry)).toBeNull();
    const pulled = (await testing.pullAll()).filter((change) => change.table === "waitlist_entry" && change.row.id === first);
    expect(pulled).toEqual([expect.objectContaining({ op: "upsert", row: expect.objectContaining({ offeredSlot: expect.objectContaining(slot(at(1, "10:00"), 20)) }) })]);
  });

  it("offer a new patient's slot on the practitioner's « oui », citing it, which the booking then cites; a later « non » wins", async () => {
    const testing = await signedIn();
    const answered = async (patientId: string, agreed: boolean, minutesAgo: number): Promise<string> => {
      const id = randomUUID();
      const when = new Date(dateOf(testing.clock).getTime() - minutesAgo * 60_000);
      await testing.db.insert(messages).values({
        id, practiceId: ids.practice, practitionerId: ids.martin, patientId, callId: null, callerName: "Mme Nouvelle",
        callbackNumber: null, category: "accord_nouveau_patient", urgency: "normale", text: "Accepte-t-il cette patiente ?", status: "nouveau",
        createdAt: when, answer: { agreed, note: null, answeredAt: when.toISOString(), answeredBy: null },
      });
      return id;
    };
    // A first visit (30 min, open to new patients) of a known patient is cancelled: its time is freed.
    const freeFirstVisit = async (time: string): Promise<void> => {
      const booking = book(ids.martin, ids.firstVisit, ids.known, at(1, time), 30);
      expect(await testing.push([booking])).toEqual([expect.objectContaining({ status: "applied" })]);
      await testing.push([{ name: "appointment.cancel", args: { id: booking.args.id, reason: "Empêchement" } }]);
    };
    /** A new patient waits for a first visit, before anyone who waits after. */
    const waitForFirstVisit = async (patientId: string): Promise<string> => {
      const id = randomUUID();
      const args = { id, practiceId: ids.practice, patientId, appointmentTypeId: ids.firstVisit, practitionerIds: [ids.martin], preferredWindows: TUESDAY_MORNING, notes: null };
      expect(await testing.push([{ name: "waitlist.add", args }])).toEqual([expect.objectContaining({ status: "applied" })]);
      clock.advance(60_000);
      return id;
    };
    const firstVisitAt = (time: string) => ({ practitionerId: ids.martin, appointmentTypeId: ids.firstVisit, startAt: new Date(at(1, time)).toISOString(), endAt: new Date(Date.parse(at(1, time)) + 30 * 60_000).toISOString() });

    // In line: the newcomer, another new patient, then a patient Dr Martin has seen.
    const yes = await answered(ids.newcomer, true, 30);
    const newcomer = await waitForFirstVisit(ids.newcomer);
    // Dr Martin said yes to the other new patient, then no when asked again.
    await answered(ids.onceCancelled, true, 30);
    await answered(ids.onceCancelled, false, 5);
    const refused = await waitForFirstVisit(ids.onceCancelled);
    const seen = await testing.wait(await testing.seenPatient("Premier"));

    // The slot is the newcomer's, first in line, with his « oui », which her booking cites.
    await freeFirstVisit("10:00");
    expect(await testing.offerOf(newcomer)).toMatchObject({ ...firstVisitAt("10:00"), agreementId: yes });
    expect(await testing.offerOf(seen)).toBeNull();
    const booking = book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "10:00"), 30, { agreementId: yes });
    expect(await testing.push([booking, { name: "waitlist.remove", args: { id: newcomer } }])).toEqual([
      expect.objectContaining({ status: "applied" }),
      expect.objectContaining({ status: "applied" }),
    ]);

    // The next freed slot passes the other new patient by (his latest answer is « non »): the seen patient's.
    await freeFirstVisit("11:00");
    expect(await testing.offerOf(refused)).toBeNull();
    expect(await testing.offerOf(seen)).toMatchObject({ practitionerId: ids.martin, appointmentTypeId: ids.consultation, startAt: new Date(at(1, "11:00")).toISOString() });
  });

  it("pass a declined slot to the next patient, never back to the one who declined", async () => {
    const testing = await signedIn();
    const cancelled = await testing.bookAt(at(1, "10:00"));
    const first = await testing.wait(await testing.seenPatient("Premier"));
    const second = await testing.wait(await testing.seenPatient("Second"));
    await testing.push([{ name: "appointment.cancel", args: { id: cancelled, reason: "Empêchement" } }]);
    expect(await testing.offerOf(first)).toMatchObject(slot(at(1, "10:00"), 20));

    expect(await testing.push([{ name: "waitlist.decline", args: { id: first } }])).toEqual([expect.objectContaining({ status: "applied" })]);
    expect(await testing.offerOf(first)).toBeNull();
    expect(await testing.offerOf(second)).toMatchObject(slot(at(1, "10:00"), 20));

    await testing.push([{ name: "waitlist.decline", args: { id: second } }]);
    expect(await testing.offerOf(first)).toBeNull();
    expect(await testing.offerOf(second)).toBeNull();
  });

  it("offer the time a move leaves, not the time it takes", async () => {
    const testing = await signedIn();
    const moved = await testing.bookAt(at(1, "10:00"));
    const waiting = await testing.wait(await testing.seenPatient("Premier"));

    const results = await testing.push([
      { name: "appointment.move", args: { id: moved, startAt: at(1, "10:10"), endAt: new Date(Date.parse(at(1, "10:10")) + 20 * 60_000).toISOString() } },
    ]);
    expect(results).toEqual([expect.objectContaining({ status: "applied" })]);
    // 10:00–10:20 overlaps the moved appointment's new time: nothing can be offered there.
    expect(await testing.offerOf(waiting)).toBeNull();

    await testing.push([{ name: "appointment.move", args: { id: moved, startAt: at(1, "11:00"), endAt: new Date(Date.parse(at(1, "11:00")) + 20 * 60_000).toISOString() } }]);
    expect(await testing.offerOf(waiting)).toMatchObject(slot(at(1, "10:10"), 20));
  });

  it("do not let a stale offer (its time booked meanwhile) hold the patient back from the next freed slot", async () => {
    const testing = await signedIn();
    const early = await testing.bookAt(at(1, "09:00"));
    const later = await testing.bookAt(at(1, "11:00"));
    const waiting = await testing.wait(await testing.seenPatient("Premier"));
    await testing.push([{ name: "appointment.cancel", args: { id: early, reason: "Empêchement" } }]);
    expect(await testing.offerOf(waiting)).toMatchObject(slot(at(1, "09:00"), 20));

    await testing.bookAt(at(1, "09:00")); // another caller took it
    await testing.push([{ name: "appointment.cancel", args: { id: later, reason: "Empêchement" } }]);
    expect(await testing.offerOf(waiting)).toMatchObject(slot(at(1, "11:00"), 20));
  });

  it("refuse to decline for an entry of a practice the user does not serve, and change nothing", async () => {
    const testing = await signedIn();
    const [result] = await testing.push([{ name: "waitlist.decline", args: { id: randomUUID() } }]);
    expect(result).toMatchObject({ status: "rejected", error: { code: "not_found" } });
  });
});
