import type { SmsGateway, SmsToSend } from "../../server/sms/smsGateway";

/** A gateway in the test's hands: it keeps what it accepts, and refuses the next n when told to. */
export function fakeSmsGateway() {
  const received: SmsToSend[] = [];
  let refusals = 0;
  const gateway: SmsGateway & { received: SmsToSend[]; refuseNext(count: number): void } = {
    name: "essai",
    received,
    refuseNext(count) {
      refusals = count;
    },
    async send(sms) {
      if (refusals > 0) {
        refusals--;
        throw new Error("429 Trop de requêtes : réessayez plus tard");
      }
      received.push(sms);
      return { gatewayRef: `essai-${received.length}` };
    },
  };
  return gateway;
}
