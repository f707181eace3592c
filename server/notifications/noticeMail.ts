/**
 * What a notice says. Never a patient's name, number or words, nor the message's text: e-mail crosses
 * servers the agency does not control. The doctor's own name, a count, and the link to the portal.
 */
export function urgentMessageNotice(practitionerName: string, portalUrl: string): { subject: string; text: string } {
  return {
    subject: `Message urgent pour ${practitionerName}`,
    text: [
      `Bonjour,`,
      ``,
      `1 nouveau message urgent vous attend pour ${practitionerName}.`,
      `Ouvrez le portail pour le lire : ${portalUrl}`,
      ``,
      `Ce courriel ne contient aucune donnée de patient. Télésec`,
    ].join("\n"),
  };
}
