import { useEffect, useState, type FormEvent } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { formatPhoneForDisplay } from "../../../../shared/domain/phone";
import { REMINDER_HOURS } from "../../../../shared/domain/smsSchedule";
import { SMS_KIND_LABELS, SMS_KIND_NAMES, SMS_KINDS, smsSettings, type SmsSettings } from "../../../../shared/domain/smsSettings";
import type { SmsVariable } from "../../../../shared/domain/smsTemplate";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { useFormSubmission } from "../../app/useFormSubmission";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { practitionerName } from "../practice/practiceLabels";
import { outcomeOf, type RecordOutcome } from "./recordCommands";
import { SMS_VARIABLES_HINT, SmsTemplateField } from "./SmsTemplateField";

const HOURS = Array.from({ length: REMINDER_HOURS.last - REMINDER_HOURS.first + 1 }, (_, index) => REMINDER_HOURS.first + index);

/** An appointment of this practice, to measure the templates by. */
function exampleOf(card: PracticeCard): Record<SmsVariable, string> {
  const first = card.practitioners[0];
  return {
    cabinet: card.name,
    date: "mercredi 16 décembre",
    heure: "10 h 30",
    praticien: first ? practitionerName(first) : "Dr Martin",
    adresse: `${card.address.street}, ${card.address.postalCode} ${card.address.city}`,
    telephone_cabinet: card.dialledNumbers[0] ? formatPhoneForDisplay(card.dialledNumbers[0]) : "01 23 45 67 89",
  };
}

/**
 * The SMS the practice sends its patients (issue 17): which kinds, the reminders' hour, the sender, whether
 * the practitioner may be named, and the three templates — each checked as it is typed, the server checking
 * again. Read from the server when the practice is chosen.
 */
export function SmsSettingsForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const [loaded, setLoaded] = useState<SmsSettings | null>(null);
  const [settings, setSettings] = useState<SmsSettings | null>(null);
  const [senderName, setSenderName] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const { saving, send } = useFormSubmission();

  useEffect(() => {
    let current = true;
    telesec.call("admin.practices.sms", { practiceId: card.id }).then(
      (answer) => {
        if (!current) return;
        setLoaded(answer.settings);
        setSettings(answer.settings);
        setSenderName(answer.settings.senderName ?? "");
      },
      (error: unknown) => current && setFailure(describeError(error)),
    );
    return () => {
      current = false;
    };
  }, [card.id]);

  if (failure) return <p className="notice notice--error" role="alert">{`Réglages des SMS indisponibles${NBSP}: ${failure}`}</p>;
  if (!settings || !loaded) return <p className="muted">Chargement des réglages des SMS…</p>;
  const change = (next: Partial<SmsSettings>) => setSettings({ ...settings, ...next });
  const example = exampleOf(card);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = smsSettings.safeParse({ ...settings, senderName: senderName.trim() === "" ? null : senderName });
    if (!parsed.success) {
      setProblems([...new Set(parsed.error.issues.map((issue) => issue.message))]);
      return;
    }
    setProblems([]);
    await send(async () => {
      const result = await outcomeOf(telesec.call("admin.practices.saveSms", { practiceId: card.id, settings: parsed.data }));
      if (result.ok) setLoaded(parsed.data);
      onSaved(result);
    });
  }

  return (
    <form className="admin-form" aria-label="SMS aux patients" aria-busy={saving} onSubmit={(event) => void submit(event)} noValidate>
      <h4>SMS aux patients</h4>
      <fieldset>
        <legend>SMS envoyés</legend>
        {SMS_KINDS.map((kind) => (
          <label key={kind} className="checkbox-option">
            <input type="checkbox" checked={settings.kinds[kind]} onChange={(event) => change({ kinds: { ...settings.kinds, [kind]: event.target.checked } })} />
            {SMS_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`sms-heure-${card.id}`}>Heure des rappels</label>
        <select id={`sms-heure-${card.id}`} value={String(settings.reminderHour)} onChange={(event) => change({ reminderHour: Number(event.target.value) })}>
          {HOURS.map((hour) => (
            <option key={hour} value={String(hour)}>{`${hour} h`}</option>
          ))}
        </select>
      </div>
      <TextField label="Nom d'expéditeur" value={senderName} onChange={setSenderName} hint="11 lettres sans accent, chiffres ou espaces au plus ; vide : celui de l'agence" />
      <label className="checkbox-option">
        <input type="checkbox" checked={settings.practitionerNamed} onChange={(event) => change({ practitionerNamed: event.target.checked })} />
        Nommer le praticien dans les SMS (un nom peut révéler une spécialité)
      </label>
      <p className="field-hint">{`Variables${NBSP}: ${SMS_VARIABLES_HINT}. Jamais de motif, de spécialité ni de note${NBSP}: le SMS ne dit rien de la santé du patient.`}</p>
      {SMS_KINDS.map((kind) => (
        <SmsTemplateField
          key={kind}
          label={`Modèle${NBSP}: ${SMS_KIND_NAMES[kind]}`}
          value={settings.templates[kind]}
          onChange={(text) => change({ templates: { ...settings.templates, [kind]: text } })}
          practitionerNamed={settings.practitionerNamed}
          example={example}
        />
      ))}
      {problems.length > 0 && (
        <p className="notice notice--error" role="alert">
          {problems.join(" ")}
        </p>
      )}
      <FormButtons
        submitLabel="Enregistrer les SMS"
        busy={saving}
        cancelLabel="Rétablir"
        onCancel={() => {
          setSettings(loaded);
          setSenderName(loaded.senderName ?? "");
          setProblems([]);
        }}
      />
    </form>
  );
}
