import { useEffect, useState } from "react";
import type { FreeSlotView } from "../../../../shared/api/views";
import { describeError, telesec } from "../../services/telesec";
import type { Loadable } from "../../stores/loadable";
import { currentTime } from "../../services/clock";

/** How many slots a booking or move proposes: enough to give the caller a choice, few enough to read out. */
export const SLOT_CHOICE_COUNT = 8;

export interface SlotSearch {
  practiceId: string;
  practitionerId: string;
  appointmentTypeId: string;
}

/**
 * The next free slots of one practitioner for one motif, read again whenever either changes. A
 * slot the secretary picked in the grid or the list comes first, when it is that practitioner's.
 */
export function useSlotChoices(search: SlotSearch | null, picked: FreeSlotView | null): Loadable<FreeSlotView[]> {
  const [slots, setSlots] = useState<Loadable<FreeSlotView[]>>({ status: "idle" });
  const practiceId = search?.practiceId;
  const practitionerId = search?.practitionerId;
  const appointmentTypeId = search?.appointmentTypeId;

  useEffect(() => {
    if (!practiceId || !practitionerId || !appointmentTypeId) {
      setSlots({ status: "idle" });
      return;
    }
    let current = true;
    setSlots({ status: "loading" });
    telesec
      .freeSlots({ practiceId, practitionerIds: [practitionerId], appointmentTypeId, from: currentTime().toISOString(), limit: SLOT_CHOICE_COUNT })
      .then((found) => {
        if (current) setSlots({ status: "ready", value: withPicked(found, picked, practitionerId) });
      })
      .catch((error: unknown) => {
        if (current) setSlots({ status: "failed", message: describeError(error) });
      });
    return () => {
      current = false;
    };
  }, [practiceId, practitionerId, appointmentTypeId, picked]);

  return slots;
}

function withPicked(found: FreeSlotView[], picked: FreeSlotView | null, practitionerId: string): FreeSlotView[] {
  if (!picked || picked.practitionerId !== practitionerId) return found;
  return [picked, ...found.filter((slot) => slot.startAt !== picked.startAt)];
}

/**
 * The slot the form stands on: the one chosen if it is offered, else the earliest offered, so Enter takes the
 * next one that fits. Derived at render rather than set by an effect, so no render shows the slots unchosen.
 */
export function chosenSlotStart(chosen: string, slots: Loadable<FreeSlotView[]>): string {
  if (slots.status !== "ready" || slots.value.some((slot) => slot.startAt === chosen)) return chosen;
  return slots.value[0]?.startAt ?? "";
}
