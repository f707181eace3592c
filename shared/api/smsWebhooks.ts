import { z } from "zod";

/** The SMS gateways' webhooks as they come (issue 17); server/sms maps them onto one form of event. */
const code = z.coerce.number().int().min(0).max(1_000_000);

/**
 * OVHcloud's delivery receipt (its documentation: the account's « callBack » URL, called with the SMS's state
 * in the query string): `id` is one of the ids the job was given; the DLR state is `description` (`dlr` in
 * older integrations): 1 delivered, 2 failed, 16 error, 0/4/8 still on its way; `ptt` and `descriptionDlr`
 * say more.
 */
export const ovhReceipt = z.object({
  id: z.string().regex(/^\d{1,20}$/, "id : l'identifiant du SMS chez OVHcloud."),
  description: code.optional(),
  dlr: code.optional(),
  ptt: code.optional(),
  descriptionDlr: z.string().max(200).optional(),
  date: z.string().max(40).optional(),
});

/**
 * A patient's answer to an SMS (OVHcloud's « réponse » option calling a URL, a form with `senderid`, the
 * patient's number, and `message`). Only a STOP is acted on; the words of any other answer are not kept —
 * a patient may write anything, health included.
 */
export const ovhReply = z.object({
  id: z.string().max(40).optional(),
  senderid: z.string().min(1).max(40),
  message: z.string().max(2000),
  keyword: z.string().max(200).optional(),
  shortcode: z.string().max(40).optional(),
  tag: z.string().max(200).optional(),
});

/**
 * A Brevo transactional SMS event (its « webhooks » documentation: a JSON POST per event, the event in
 * `msg_status`, the SMS by the `messageId` its sending returned, the patient's number in `to` without « + »).
 * Only the fields read are checked; Brevo adds others.
 */
export const brevoSmsEvent = z.object({
  msg_status: z.string().min(1).max(40),
  messageId: z.union([z.number().int(), z.string().regex(/^\d{1,20}$/)]).optional(),
  to: z.string().max(40).optional(),
  ts_event: z.number().int().positive().optional(),
  description: z.string().max(200).optional(),
  bounce_type: z.string().max(40).optional(),
  error_code: z.union([z.number(), z.string().max(40)]).optional(),
  reply: z.string().max(2000).optional(),
});
