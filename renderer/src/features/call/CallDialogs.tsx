import { ShortcutHelpDialog } from "../../app/ShortcutHelpDialog";
import { useDialogStore } from "../../stores/dialogStore";
import { AppointmentDialog } from "../agenda/AppointmentDialog";
import { BookingDialog } from "../agenda/BookingDialog";
import { WaitlistAddDialog } from "../agenda/WaitlistAddDialog";
import { MessageDialog } from "../messages/MessageDialog";
import { CloseCallDialog } from "./CloseCallDialog";
import { CallbackNoteDialog } from "../callbacks/CallbackNoteDialog";
import { CreatePatientDialog } from "./CreatePatientDialog";
import { EmergencyDialog } from "./EmergencyDialog";

/** The dialog open on the call screen, if any, and the polite word on what was last done in one. */
export function CallDialogs() {
  const open = useDialogStore((state) => state.open);
  const announcement = useDialogStore((state) => state.announcement);
  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {open === "closeCall" && <CloseCallDialog />}
      {open === "emergency" && <EmergencyDialog />}
      {open === "message" && <MessageDialog />}
      {open === "createPatient" && <CreatePatientDialog />}
      {open === "help" && <ShortcutHelpDialog />}
      {open === "booking" && <BookingDialog />}
      {open === "appointment" && <AppointmentDialog />}
      {open === "waitlistAdd" && <WaitlistAddDialog />}
      {open === "callbackNote" && <CallbackNoteDialog />}
    </>
  );
}
