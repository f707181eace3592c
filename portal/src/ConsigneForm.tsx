import { useState, type FormEvent, type ReactNode, type RefObject } from "react";
import type { PortalDirectiveView } from "../../shared/api/portal";
import { DIRECTIVE_CATEGORY_LABELS } from "../../shared/domain/directiveLabels";
import { DIRECTIVE_CATEGORIES, type DirectiveCategory } from "../../shared/domain/enums";
import { addDaysToDate, parisDayOf, parisDayOfDate } from "../../shared/domain/parisTime";
import { Said } from "./Said";

/** What the doctor writes of a consigne: its words, category, priority and days in force (both optional, the last included). */
export interface ConsigneDraft {
  category: DirectiveCategory;
  priority: number;
  title: string;
  text: string;
  firstDay: string;
  lastDay: string;
}

/** The consigne's fields as the server takes them: whole Paris days, the end the midnight after the last one. */
export function consigneFields(draft: ConsigneDraft) {
  return {
    category: draft.category,
    priority: draft.priority,
    title: draft.title,
    text: draft.text,
    validFrom: draft.firstDay ? parisDayOfDate(draft.firstDay).from : null,
    validTo: draft.lastDay ? parisDayOfDate(addDaysToDate(draft.lastDay, 1)).from : null,
  };
}

export const EMPTY_CONSIGNE: ConsigneDraft = { category: "general", priority: 0, title: "", text: "", firstDay: "", lastDay: "" };

/** A consigne as it stands, back into the form's words. */
export function draftOf(consigne: PortalDirectiveView): ConsigneDraft {
  return {
    category: consigne.category,
    priority: consigne.priority,
    title: consigne.title,
    text: consigne.text,
    firstDay: consigne.validFrom ? parisDayOf(new Date(consigne.validFrom)).date : "",
    lastDay: consigne.validTo ? parisDayOf(new Date(Date.parse(consigne.validTo) - 1)).date : "",
  };
}

/** The administration's scale (0 to 1,000, the highest shown first to the secretaries), in three words a doctor picks from. */
const PRIORITIES: ReadonlyArray<[number, string]> = [
  [0, "Normale"],
  [500, "Importante"],
  [1000, "À lire en premier"],
];

/**
 * The fields of a consigne of the doctor's own, new or changed: the practices' rules are the server's; here,
 * only the last day before the first is refused at once. `onSubmit` says whether it was saved.
 */
export function ConsigneForm({
  idPrefix,
  label,
  initial,
  submitLabel,
  busy,
  before,
  titleRef,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  label: string;
  initial: ConsigneDraft;
  submitLabel: string;
  busy: boolean;
  /** The practitioner's choice, for a new consigne of a doctor of several. */
  before?: ReactNode;
  titleRef?: RefObject<HTMLInputElement | null>;
  onSubmit(draft: ConsigneDraft): Promise<boolean>;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof ConsigneDraft>(key: K) => (value: ConsigneDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const id = (field: string) => `${idPrefix}-${field}`;
  const priorities = PRIORITIES.some(([value]) => value === draft.priority) ? PRIORITIES : [...PRIORITIES, [draft.priority, `Autre (${draft.priority})`] as [number, string]];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (draft.firstDay && draft.lastDay && draft.lastDay < draft.firstDay) return setProblem("Le dernier jour doit suivre le premier.");
    setProblem(null);
    if (await onSubmit(draft)) setDraft(initial);
  }

  return (
    <form className="portal-form" onSubmit={(event) => void submit(event)} aria-label={label}>
      <Said error={problem} />
      {before}
      <label htmlFor={id("category")}>Catégorie</label>
      <select id={id("category")} value={draft.category} onChange={(event) => set("category")(event.target.value as DirectiveCategory)}>
        {DIRECTIVE_CATEGORIES.map((value) => (
          <option key={value} value={value}>
            {DIRECTIVE_CATEGORY_LABELS[value]}
          </option>
        ))}
      </select>
      <label htmlFor={id("priority")}>Priorité</label>
      <select id={id("priority")} value={String(draft.priority)} onChange={(event) => set("priority")(Number(event.target.value))}>
        {priorities.map(([value, words]) => (
          <option key={value} value={String(value)}>
            {words}
          </option>
        ))}
      </select>
      <label htmlFor={id("title")}>Titre</label>
      <input id={id("title")} ref={titleRef} required maxLength={200} value={draft.title} onChange={(event) => set("title")(event.target.value)} />
      <label htmlFor={id("text")}>Ce que demande la consigne</label>
      <textarea id={id("text")} required maxLength={5000} rows={3} value={draft.text} onChange={(event) => set("text")(event.target.value)} />
      <div className="portal-days">
        <div>
          <label htmlFor={id("from")}>À partir du (facultatif)</label>
          <input id={id("from")} type="date" value={draft.firstDay} onChange={(event) => set("firstDay")(event.target.value)} />
        </div>
        <div>
          <label htmlFor={id("to")}>Jusqu'au (inclus, facultatif)</label>
          <input id={id("to")} type="date" value={draft.lastDay} onChange={(event) => set("lastDay")(event.target.value)} />
        </div>
      </div>
      <div className="portal-toolbar">
        <button type="submit" className="portal-button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="portal-button portal-button--quiet" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
