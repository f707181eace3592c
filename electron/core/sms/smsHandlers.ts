import { z } from "zod";
import type { MethodArgs } from "../../../shared/api/contract";
import { appointmentSmsView } from "../../../shared/api/views";
import type { ServerRequest } from "../admin/adminHandlers";

/** The patients' SMS live on the server only: an appointment's are asked of it, online, by the appointment's dialog. */
export function smsHandlers(request: () => ServerRequest) {
  return {
    "sms.ofAppointment": async ({ appointmentId }: MethodArgs<"sms.ofAppointment">) =>
      (await request()("GET", `/api/v1/appointments/${appointmentId}/sms`, z.object({ sms: z.array(appointmentSmsView) }))).sms,
  };
}
