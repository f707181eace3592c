import { useCallback, useEffect, useState, type FormEvent } from "react";
import { EnumOptions } from "../../app/EnumOptions";
import type { AdminPracticeRecords } from "../../../../shared/api/admin";
import type { MotifView, PracticeCard } from "../../../../shared/api/views";
import { NEW_PATIENT_POLICIES, type NewPatientPolicy } from "../../../../shared/domain/enums";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { valueOr } from "../../stores/loadable";
import { DIRECTIVE_CATEGORY_LABELS } from "../directives/directiveLabels";
import { NEW_PATIENT_POLICY_LABELS, practitionerName } from "../practice/practiceLabels";
import { formatWeeklyHours, parseWeeklyHours } from "./weeklyHoursText";
import { NewDirectiveForm } from "./NewDirectiveForm";
import { ConfirmedButton } from "./ConfirmedButton";
import { CoverageForm } from "./CoverageForm";
import { OnCallForm } from "./OnCallForm";
import { DialledNumbers } from "./DialledNumbers";
import { PractitionerAbsences } from "./PractitionerAbsences";
import { PractitionerCalendarFeeds } from "./PractitionerCalendarFeeds";
import { DirectiveEditForm } from "./DirectiveEditForm";
import { PractitionerIdentityForm } from "./PractitionerIdentityForm";
import { PractitionerSelect } from "./PractitionerSelect";
import { directiveState } from "./directiveValidity";
import { createRecord, removeRecord, updateRecord, type RecordOutcome } from "./recordCommands";
import { useServerList } from "./useServerList";
import { currentTime } from "../../services/clock";

/**
 * A practice as an administrator edits it, read from the server (any practice of the agency, whatever
 * her account serves, and none of its patients): its card (name, greeting, access, coverage), its
 * numbers, its practitioners (new-patient policy, hours, absences; removal), its motifs (duration, what
 * to read to the patient, notice, new patients; removal) and its consignes (add one, end one; ended and
 * future ones shown too). Each change goes to the server, and the screen reads the practice again.
 */
export function PracticesTab() {
  const { list, reload: reloadList } = useServerList(() => telesec.call("admin.practices.list", {}));
  const practices = valueOr(list, []);
  const [chosen, setChosen] = useState("");
  const practiceId = chosen || practices[0]?.id || "";
  const [records, setRecords] = useState<AdminPracticeRecords | null>(null);
  const [outcome, setOutcome] = useState<{ said: string; failed: boolean } | null>(null);

  const load = useCallback(async () => {
    if (!practiceId) return;
    try {
      setRecords(await telesec.call("admin.practices.get", { practiceId }));
    } catch (error) {
      setOutcome({ said: describeError(error), failed: true });
    }
  }, [practiceId]);

  useEffect(() => {
    void load();
  }, [load]);

  const report = (what: string) => (result: RecordOutcome) => {
    setOutcome(result.ok ? { said: `${what}${NBSP}: enregistré.`, failed: false } : { said: `${what}${NBSP}: ${result.message}`, failed: true });
    if (result.ok) void Promise.all([load(), reloadList()]);
  };

  return (
    <section aria-labelledby="cabinets-titre" className="admin-section">
      <h3 id="cabinets-titre">Cabinets</h3>
      <div className="field">
        <label htmlFor="cabinet-edite">Cabinet</label>
        <select id="cabinet-edite" value={practiceId} onChange={(event) => setChosen(event.target.value)}>
          {practices.map((practice) => (
            <option key={practice.id} value={practice.id}>
              {practice.active ? practice.name : `${practice.name} (fermé)`}
            </option>
          ))}
        </select>
      </div>
      {outcome && (
        <p className={outcome.failed ? "notice notice--error" : "notice"} role={outcome.failed ? "alert" : "status"}>
          {outcome.said}
        </p>
      )}
      {list.status === "failed" && (
        <p className="notice notice--error" role="alert">
          {`Cabinets indisponibles${NBSP}: ${list.message}`}
        </p>
      )}
      <NewPracticeForm onSaved={report("Nouveau cabinet")} onCreated={setChosen} />
      {records && (
        <>
          <CardForm key={records.card.id} card={records.card} onSaved={report("Fiche du cabinet")} />
          <CoverageForm key={`couverture-${records.card.id}`} card={records.card} onSaved={report("Couverture du cabinet")} />
          <OnCallForm key={`garde-${records.card.id}`} card={records.card} onSaved={report("Médecin de garde")} />
          <DialledNumbers practiceId={records.card.id} numbers={records.numbers} onSaved={report("Numéros du cabinet")} />
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
                    <EnumOptions values={NEW_PATIENT_POLICIES} labels={NEW_PATIENT_POLICY_LABELS} />
                  </select>
                </label>
                <ConfirmedButton
                  label={`Retirer ${practitionerName(practitioner)}`}
                  confirmLabel={`Confirmer le retrait de ${practitionerName(practitioner)} et de ses motifs`}
                  onConfirm={() => void removeRecord({ kind: "practitioner", id: practitioner.id }).then(report(practitionerName(practitioner)))}
                />
                <PractitionerIdentityForm practitioner={practitioner} onSaved={report(practitionerName(practitioner))} />
                <PractitionerHours practitioner={practitioner} onSaved={report(`Horaires de ${practitionerName(practitioner)}`)} />
                <PractitionerAbsences practitioner={practitioner} onSaved={report(`Absences de ${practitionerName(practitioner)}`)} />
                <PractitionerCalendarFeeds practitioner={practitioner} />
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
          <h4>Consignes</h4>
          <ul className="admin-list" aria-label="Consignes du cabinet">
            {records.directives.map((directive) => {
              const state = directiveState(directive, currentTime().getTime());
              return (
                <li key={directive.id}>
                  {`${DIRECTIVE_CATEGORY_LABELS[directive.category]} — ${directive.title} (priorité ${directive.priority} ; ${state.said}) `}
                  {state.inForceOrComing && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void updateRecord({ kind: "directive", id: directive.id, change: { validTo: currentTime().toISOString() } }).then(report(`Consigne ${directive.title}`))}
                    >
                      {`Terminer « ${directive.title} »`}
                    </button>
                  )}
                  <DirectiveEditForm directive={directive} onSaved={report(`Consigne ${directive.title}`)} />
                </li>
              );
            })}
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

/**
 * A new practice with the number that rings for it, then shown for editing; the secretaries' accounts
 * are given it in the "Comptes" tab. Refused, the number can be added again from the practice shown.
 */
function NewPracticeForm({ onSaved, onCreated }: { onSaved: (result: RecordOutcome) => void; onCreated: (practiceId: string) => void }) {
  const [values, setValues] = useState({ name: "", street: "", postalCode: "", city: "", greeting: "", number: "" });
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    let created: string | null = null;
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
      created = id;
      onCreated(id);
      await telesec.call("admin.dialledNumbers.add", { practiceId: id, number: values.number });
      setValues({ name: "", street: "", postalCode: "", city: "", greeting: "", number: "" });
      onSaved({ ok: true });
    } catch (error) {
      const message = describeError(error);
      onSaved({ ok: false, message: created ? `cabinet créé, mais son numéro est refusé (${message}) : ajoutez-en un ci-dessous.` : message });
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
            <EnumOptions values={NEW_PATIENT_POLICIES} labels={NEW_PATIENT_POLICY_LABELS} />
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
        <PractitionerSelect id={`nouveau-motif-praticien-${card.id}`} label="Praticien" practitioners={card.practitioners} value={values.practitionerId} onChange={set("practitionerId")} />
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
  const [motifLabel, setMotifLabel] = useState(motif.label);
  const [color, setColor] = useState(motif.color);
  const [duration, setDuration] = useState(String(motif.durationMinutes));
  const [instructions, setInstructions] = useState(motif.patientInstructions);
  const [noticeHours, setNoticeHours] = useState(String(motif.minNoticeMinutes / 60));
  const [forNewPatients, setForNewPatients] = useState(motif.allowedForNewPatients);
  const label = `${motif.label}${owner ? ` (${practitionerName(owner)})` : ""}`;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const change = {
      label: motifLabel,
      color,
      durationMinutes: Number(duration),
      patientInstructions: instructions,
      minNoticeMinutes: minutesOfHours(noticeHours),
      allowedForNewPatients: forNewPatients,
    };
    void updateRecord({ kind: "motif", id: motif.id, change }).then(onSaved);
  }

  return (
    <li>
      <form className="admin-form admin-form--inline" aria-label={`Motif ${label}`} onSubmit={submit} noValidate>
        <strong>{label}</strong>
        <TextField label="Libellé" value={motifLabel} onChange={setMotifLabel} />
        <div className="field">
          <label htmlFor={`couleur-motif-${motif.id}`}>Couleur dans l'agenda</label>
          <input id={`couleur-motif-${motif.id}`} type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        </div>
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
