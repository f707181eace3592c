import { TextField } from "../../app/TextField";

/** Hours as typed ("24", "1,5") in minutes; what is not a number goes to the server as is, to be refused there in French. */
export function minutesOfHours(text: string): number {
  return Math.round(Number(text.trim().replace(",", ".")) * 60);
}

/** What a motif allows: booking by a new patient, and how long before the appointment at the latest. */
export function MotifRules(props: { noticeHours: string; forNewPatients: boolean; onNoticeHours: (value: string) => void; onForNewPatients: (value: boolean) => void }) {
  return (
    <>
      <TextField label="Délai minimum (heures)" value={props.noticeHours} onChange={props.onNoticeHours} hint="Réserver au plus tard ce nombre d'heures avant ; 0 : aucun délai" />
      <label className="checkbox-option">
        <input type="checkbox" checked={props.forNewPatients} onChange={(event) => props.onForNewPatients(event.target.checked)} />
        Ouvert aux nouveaux patients
      </label>
    </>
  );
}
