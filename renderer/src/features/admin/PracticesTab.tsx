import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { DirectiveView, MotifView, PracticeCard } from "../../../../shared/api/views";
import { NEW_PATIENT_POLICIES, type NewPatientPolicy } from "../../../../shared/domain/enums";
import type { Absence } from "../../../../shared/domain/schedules";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { formatInstantDate } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { valueOr } from "../../stores/loadable";
import { usePracticesStore } from "../../stores/practicesStore";
import { selectSignedInUser } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { DIRECTIVE_CATEGORY_LABELS } from "../directives/directiveLabels";
import { NEW_PATIENT_POLICY_LABELS, practitionerName } from "../practice/practiceLabels";
import { ABSENCE_REASON_LABELS, absenceFromDays, withAbsence } from "./absenceForm";
import { formatWeeklyHours, parseWeeklyHours } from "./weeklyHoursText";
import { NewDirectiveForm } from "./NewDirectiveForm";
import { ConfirmedButton } from "./ConfirmedButton";
import { CoverageForm } from "./CoverageForm";
import { createRecord, removeRecord, updateRecord, type RecordOutcome } from "./recordCommands";

interface PracticeRecords {
  card: PracticeCard;
  motifs: MotifView[];
  directives: DirectiveView[];
}

/** Tables whose changes this tab shows: re-read when a sync brings them (the administrator's own edits included). */
const TABLES = new Set(["practice", "practitioner", "appointment_type", "directive"]);

/**
 * A practice as an administrator edits it: its card (name, greeting, access), its practitioners
 * (new-patient policy, hours, absences; removal), its motifs (duration, what to read to the patient,
 * notice, new patients; removal) and its consignes (add one, end one). Changes go to the server; the screen shows them once the sync brings them back.
 */
export function PracticesTab() {
  const practices = valueOr(usePracticesStore((state) => state.practices), []);
  const [practiceId, setPracticeId] = useState(practices[0]?.id ?? "");
  const [records, setRecords] = useState<PracticeRecords | null>(null);
  const [outcome, setOutcome] = useState<{ said: string; failed: boolean } | null>(null);

  const load = useCallback(async () => {
    if (!practiceId) return;
    try {
      const [card, motifs, directives] = await Promise.all([
        telesec.call("practices.card", { practiceId }),
        telesec.call("agenda.motifs", { practiceId }),
        telesec.call("directives.inForce", { practiceId, at: new Date().toISOString() }),
      ]);
      setRecords(card ? { card, motifs, directives } : null);
    } catch (error) {
      setOutcome({ said: describeError(error), failed: true });
    }
  }, [practiceId]);

  useEffect(() => {
    void load();
    return telesec.onReplicaChanged(({ tables }) => {
      if (tables.some((table) => TABLES.has(table))) void load();
    });
  }, [load]);

  const report = (what: string) => (result: RecordOutcome) =>
    setOutcome(result.ok ? { said: `${what}${NBSP}: envoyé au serveur.`, failed: false } : { said: `${what}${NBSP}: ${result.message}`, failed: true });

  return (
    <section aria-labelledby="cabinets-titre" className="admin-section">
      <h3 id="cabinets-titre">Cabinets</h3>
      <div className="field">
        <label htmlFor="cabinet-edite">Cabinet</label>
        <select id="cabinet-edite" value={practiceId} onChange={(event) => setPracticeId(event.target.value)}>
          {practices.map((practice) => (
            <option key={practice.id} value={practice.id}>
              {practice.name}
            </option>
          ))}
        </select>
      </div>
      {outcome && (
        <p className={outcome.failed ? "notice notice--error" : "notice"} role={outcome.failed ? "alert" : "status"}>
          {outcome.said}
        </p>
      )}
      <NewPracticeForm onSaved={report("Nouveau cabinet")} />
      {records && (
        <>
          <CardForm key={records.card.id} card={records.card} onSaved={report("Fiche du cabinet")} />
          <CoverageForm key={`couverture-${records.card.id}`} card={records.card} onSaved={report("Couverture du cabinet")} />
          <h4>Praticiens</h4>
          <ul className="admin-list">
            {records.card.practitioners.map((practitioner) => (
              <li key={practitioner.id}>
                <label>
                  {`${practitionerName(practitioner)} — nouveaux patients `}
                  <select
                    value={practitioner.acceptsNewPatients}
                    onChange={(event) =>
                      void updateRecord({ kind: "practitioner", id: practitioner.id, change: { acceptsNewPatients: event.target.value as NewPatientPolicy } }).then(
                        report(practitionerName(practitioner)),
                      )
                    }
                  >
                    {NEW_PATIENT_POLICIES.map((policy) => (
                      <option key={policy} value={policy}>
                        {NEW_PATIENT_POLICY_LABELS[policy]}
                      </option>
                    ))}
                  </select>
                </label>
                <ConfirmedButton
                  label={`Retirer ${practitionerName(practitioner)}`}
                  confirmLabel={`Confirmer le retrait de ${practitionerName(practitioner)} et de ses motifs`}
                  onConfirm={() => void removeRecord({ kind: "practitioner", id: practitioner.id }).then(report(practitionerName(practitioner)))}
                />
                <PractitionerHours practitioner={practitioner} onSaved={report(`Horaires de ${practitionerName(practitioner)}`)} />
                <PractitionerAbsences practitioner={practitioner} onSaved={report(`Absences de ${practitionerName(practitioner)}`)} />
              </li>
            ))}
          </ul>
          <NewPractitionerForm practiceId={records.card.id} onSaved={report("Nouveau praticien")} />
          <h4>Motifs</h4>
          <ul className="admin-list">
            {records.motifs.map((motif) => (
              <MotifRow key={motif.id} motif={motif} owner={records.card.practitioners.find((practitioner) => practitioner.id === motif.practitionerId)} onSaved={report(`Motif ${motif.label}`)} />
            ))}
          </ul>
          <NewMotifForm card={records.card} onSaved={report("Nouveau motif")} />
          <h4>Consignes en vigueur</h4>
          <ul className="admin-list">
            {records.directives.map((directive) => (
              <li key={directive.id}>
                {`${DIRECTIVE_CATEGORY_LABELS[directive.category]} — ${directive.title} (priorité ${directive.priority}${directive.validTo ? `, jusqu'au ${formatInstantDate(new Date(Date.parse(directive.validTo) - 1))}` : ""}) `}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void updateRecord({ kind: "directive", id: directive.id, change: { validTo: new Date().toISOString() } }).then(report(`Consigne ${directive.title}`))}
                >
                  {`Terminer « ${directive.title} »`}
                </button>
              </li>
            ))}
          </ul>
          <NewDirectiveForm card={records.card} onSaved={report("Nouvelle consigne")} />
        </>
      )}
    </section>
  );
}

type Practitioner = PracticeCard["practitioners"][number];

/** A practitioner's weekly hours as one line of text ("lun 08:00-12:00 14:00-19:00 ; mar …"). */
function PractitionerHours({ practitioner, onSaved }: { practitioner: Practitioner; onSaved: (result: RecordOutcome) => void }) {
  const [text, setText] = useState(formatWeeklyHours(practitioner.workingHours));
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const read = parseWeeklyHours(text);
    if ("error" in read) {
      setError(read.error);
      return;
    }
    setError(undefined);
    void updateRecord({ kind: "practitioner", id: practitioner.id, change: { workingHours: read.hours } }).then(onSaved);
  }

  return (
    <form className="admin-form admin-form--inline" aria-label={`Horaires de ${practitionerName(practitioner)}`} onSubmit={submit} noValidate>
      <TextField label="Horaires de la semaine" value={text} onChange={setText} hint="Par exemple : lun 08:00-12:00 14:00-19:00 ; mar 08:00-12:00" error={error} />
      <button type="submit" className="button">
        Enregistrer les horaires
      </button>
    </form>
  );
}

/** A practitioner's absences: listed with a way to remove each, and a form to add one by whole days. */
function PractitionerAbsences({ practitioner, onSaved }: { practitioner: Practitioner; onSaved: (result: RecordOutcome) => void }) {
  const [firstDay, setFirstDay] = useState("");
  const [lastDay, setLastDay] = useState("");
  const [reason, setReason] = useState<Absence["reason"]>("conges");
  const [error, setError] = useState<string | null>(null);
  const name = practitionerName(practitioner);
  const save = (absences: Absence[]) => updateRecord({ kind: "practitioner", id: practitioner.id, change: { absences } }).then(onSaved);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const read = absenceFromDays(firstDay, lastDay, reason);
    if ("error" in read) {
      setError(read.error);
      return;
    }
    setError(null);
    void save(withAbsence(practitioner.absences, read.absence));
  }

  return (
    <div className="admin-absences">
      <ul aria-label={`Absences de ${name}`}>
        {practitioner.absences.map((absence, index) => (
          <li key={`${absence.from}-${index}`}>
            {`Du ${formatInstantDate(absence.from)} au ${formatInstantDate(new Date(Date.parse(absence.to) - 1))} (${absence.label ?? ABSENCE_REASON_LABELS[absence.reason]}) `}
            <button type="button" className="button button--small" onClick={() => void save(practitioner.absences.filter((_, other) => other !== index))}>
              {`Retirer l'absence du ${formatInstantDate(absence.from)}`}
            </button>
          </li>
        ))}
      </ul>
      <form className="admin-form admin-form--inline" aria-label={`Nouvelle absence de ${name}`} onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`absence-du-${practitioner.id}`}>Premier jour</label>
          <input id={`absence-du-${practitioner.id}`} type="date" value={firstDay} onChange={(event) => setFirstDay(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`absence-au-${practitioner.id}`}>Dernier jour</label>
          <input id={`absence-au-${practitioner.id}`} type="date" value={lastDay} onChange={(event) => setLastDay(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`absence-motif-${practitioner.id}`}>Motif</label>
          <select id={`absence-motif-${practitioner.id}`} value={reason} onChange={(event) => setReason(event.target.value as Absence["reason"])}>
            {Object.entries(ABSENCE_REASON_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Ajouter l'absence
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

/**
 * A new practice with the number that rings for it. It is added to the administrator's own account, so
 * that it reaches this workstation and can be given to the secretaries' accounts (tab "Comptes").
 */
function NewPracticeForm({ onSaved }: { onSaved: (result: RecordOutcome) => void }) {
  const me = useSyncStore(selectSignedInUser);
  const [values, setValues] = useState({ name: "", street: "", postalCode: "", city: "", greeting: "", number: "" });
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!me) return;
    try {
      const { id } = await telesec.call("admin.records.create", {
        kind: "practice",
        fields: {
          name: values.name,
          kind: "cabinet",
          address: { street: values.street, postalCode: values.postalCode, city: values.city },
          greetings: { default: values.greeting },
        },
      });
      await telesec.call("admin.dialledNumbers.add", { practiceId: id, number: values.number });
      await telesec.call("admin.users.update", { id: me.id, change: { practiceIds: [...me.practiceIds, id] } });
      setValues({ name: "", street: "", postalCode: "", city: "", greeting: "", number: "" });
      onSaved({ ok: true });
    } catch (error) {
      onSaved({ ok: false, message: describeError(error) });
    }
  }

  return (
    <details className="admin-new">
      <summary>Nouveau cabinet</summary>
      <form className="admin-form" aria-label="Nouveau cabinet" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label="Nom" value={values.name} onChange={set("name")} />
        <TextField label="Rue" value={values.street} onChange={set("street")} />
        <TextField label="Code postal" value={values.postalCode} onChange={set("postalCode")} />
        <TextField label="Ville" value={values.city} onChange={set("city")} />
        <TextField label="Accueil à dire" value={values.greeting} onChange={set("greeting")} />
        <TextField label="Numéro appelé" type="tel" value={values.number} onChange={set("number")} hint="Le numéro que composent les patients" />
        <button type="submit" className="button button--primary">
          Créer le cabinet
        </button>
      </form>
    </details>
  );
}

/** A practitioner joins the practice: name, specialty, new-patient policy; hours and absences are set afterwards. */
function NewPractitionerForm({ practiceId, onSaved }: { practiceId: string; onSaved: (result: RecordOutcome) => void }) {
  const empty = { title: "Dr", firstName: "", lastName: "", specialty: "", policy: "oui" as NewPatientPolicy };
  const [values, setValues] = useState(empty);
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const result = await createRecord({
      kind: "practitioner",
      fields: { practiceId, title: values.title, firstName: values.firstName, lastName: values.lastName, specialty: values.specialty, acceptsNewPatients: values.policy, workingHours: [], color: "#2563eb" },
    });
    onSaved(result);
    if (result.ok) setValues(empty);
  }

  return (
    <details className="admin-new">
      <summary>Nouveau praticien</summary>
      <form className="admin-form" aria-label="Nouveau praticien" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label="Titre" value={values.title} onChange={set("title")} />
        <TextField label="Prénom" value={values.firstName} onChange={set("firstName")} />
        <TextField label="Nom" value={values.lastName} onChange={set("lastName")} />
        <TextField label="Spécialité" value={values.specialty} onChange={set("specialty")} />
        <div className="field">
          <label htmlFor={`nouveau-praticien-politique-${practiceId}`}>Nouveaux patients</label>
          <select id={`nouveau-praticien-politique-${practiceId}`} value={values.policy} onChange={(event) => set("policy")(event.target.value)}>
            {NEW_PATIENT_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {NEW_PATIENT_POLICY_LABELS[policy]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary">
          Ajouter le praticien
        </button>
      </form>
    </details>
  );
}

/** A motif for one of the practice's practitioners: its label, its duration, and its colour in the agenda. */
function NewMotifForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const empty = { practitionerId: card.practitioners[0]?.id ?? "", label: "", duration: "20", color: "#bfdbfe", noticeHours: "0", forNewPatients: true };
  const [values, setValues] = useState(empty);
  const set = <K extends keyof typeof empty>(key: K) => (value: (typeof empty)[K]) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const result = await createRecord({
      kind: "motif",
      fields: {
        practitionerId: values.practitionerId,
        label: values.label,
        durationMinutes: Number(values.duration),
        color: values.color,
        allowedForNewPatients: values.forNewPatients,
        minNoticeMinutes: minutesOfHours(values.noticeHours),
      },
    });
    onSaved(result);
    if (result.ok) setValues(empty);
  }

  return (
    <details className="admin-new">
      <summary>Nouveau motif</summary>
      <form className="admin-form" aria-label="Nouveau motif" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`nouveau-motif-praticien-${card.id}`}>Praticien</label>
          <select id={`nouveau-motif-praticien-${card.id}`} value={values.practitionerId} onChange={(event) => set("practitionerId")(event.target.value)}>
            {card.practitioners.map((practitioner) => (
              <option key={practitioner.id} value={practitioner.id}>
                {practitionerName(practitioner)}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Libellé" value={values.label} onChange={set("label")} />
        <TextField label="Durée (minutes)" value={values.duration} onChange={set("duration")} />
        <MotifRules noticeHours={values.noticeHours} forNewPatients={values.forNewPatients} onNoticeHours={set("noticeHours")} onForNewPatients={set("forNewPatients")} />
        <div className="field">
          <label htmlFor={`nouveau-motif-couleur-${card.id}`}>Couleur dans l'agenda</label>
          <input id={`nouveau-motif-couleur-${card.id}`} type="color" value={values.color} onChange={(event) => set("color")(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary">
          Ajouter le motif
        </button>
      </form>
    </details>
  );
}

function CardForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const [name, setName] = useState(card.name);
  const [greeting, setGreeting] = useState(card.greetings.default);
  const [accessNotes, setAccessNotes] = useState(card.accessNotes);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void updateRecord({ kind: "practice", id: card.id, change: { name, accessNotes, greetings: { ...card.greetings, default: greeting } } }).then(onSaved);
  }

  return (
    <form className="admin-form" aria-label="Fiche du cabinet" onSubmit={submit} noValidate>
      <TextField label="Nom du cabinet" value={name} onChange={setName} />
      <TextField label="Accueil à dire" value={greeting} onChange={setGreeting} />
      <TextField label="Accès" value={accessNotes} onChange={setAccessNotes} />
      <FormButtons submitLabel="Enregistrer la fiche" busy={false} cancelLabel="Rétablir" onCancel={() => (setName(card.name), setGreeting(card.greetings.default), setAccessNotes(card.accessNotes))} />
    </form>
  );
}

/** Hours as typed ("24", "1,5") in minutes; what is not a number goes to the server as is, to be refused there in French. */
function minutesOfHours(text: string): number {
  return Math.round(Number(text.trim().replace(",", ".")) * 60);
}

/** What a motif allows: booking by a new patient, and how long before the appointment at the latest. */
function MotifRules(props: { noticeHours: string; forNewPatients: boolean; onNoticeHours: (value: string) => void; onForNewPatients: (value: boolean) => void }) {
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

function MotifRow({ motif, owner, onSaved }: { motif: MotifView; owner: PracticeCard["practitioners"][number] | undefined; onSaved: (result: RecordOutcome) => void }) {
  const [duration, setDuration] = useState(String(motif.durationMinutes));
  const [instructions, setInstructions] = useState(motif.patientInstructions);
  const [noticeHours, setNoticeHours] = useState(String(motif.minNoticeMinutes / 60));
  const [forNewPatients, setForNewPatients] = useState(motif.allowedForNewPatients);
  const label = `${motif.label}${owner ? ` (${practitionerName(owner)})` : ""}`;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const change = { durationMinutes: Number(duration), patientInstructions: instructions, minNoticeMinutes: minutesOfHours(noticeHours), allowedForNewPatients: forNewPatients };
    void updateRecord({ kind: "motif", id: motif.id, change }).then(onSaved);
  }

  return (
    <li>
      <form className="admin-form admin-form--inline" aria-label={`Motif ${label}`} onSubmit={submit} noValidate>
        <strong>{label}</strong>
        <TextField label="Durée (minutes)" value={duration} onChange={setDuration} />
        <TextField label="À lire au patient" value={instructions} onChange={setInstructions} />
        <MotifRules noticeHours={noticeHours} forNewPatients={forNewPatients} onNoticeHours={setNoticeHours} onForNewPatients={setForNewPatients} />
        <button type="submit" className="button">
          Enregistrer
        </button>
        <ConfirmedButton label={`Retirer le motif ${label}`} confirmLabel={`Confirmer le retrait du motif ${label}`} onConfirm={() => void removeRecord({ kind: "motif", id: motif.id }).then(onSaved)} />
      </form>
    </li>
  );
}
