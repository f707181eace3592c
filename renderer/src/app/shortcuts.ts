/**
 * Every keyboard shortcut of the call screen, declared once: the key handler
 * (useKeyboardShortcuts) dispatches from this list, the help overlay ("?") lists it, and buttons
 * announce their key with `aria-keyshortcuts` from it. Alt+letter is matched on the physical key
 * (event.code) so AZERTY, QWERTY and macOS's Option layer all agree; "?" on the character typed.
 */
export type ShortcutId =
  | "dialledNumber"
  | "patientSearch"
  | "identifyCaller"
  | "callerAppointments"
  | "referrals"
  | "createPatient"
  | "message"
  | "messages"
  | "emergency"
  | "closeCall"
  | "booking"
  | "waitlistAdd"
  | "agenda"
  | "lock"
  | "callbacks"
  | "callbackNote"
  | "callbackDial"
  | "help"
  | "closeDialog";

export type ShortcutBinding = { alt: string } | { key: string };

export interface Shortcut {
  id: ShortcutId;
  binding: ShortcutBinding;
  /** As written on screen and in `aria-keyshortcuts`. */
  keys: string;
  /** What it does, in French. */
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "dialledNumber", binding: { alt: "KeyN" }, keys: "Alt+N", label: "Saisir le numéro appelé (nouvel appel)" },
  { id: "patientSearch", binding: { alt: "KeyR" }, keys: "Alt+R", label: "Rechercher un patient" },
  { id: "identifyCaller", binding: { alt: "KeyI" }, keys: "Alt+I", label: "Identifier l'appelant parmi les patients du numéro" },
  { id: "callerAppointments", binding: { alt: "KeyO" }, keys: "Alt+O", label: "Rendez-vous de l'appelant (déplacer, annuler)" },
  { id: "createPatient", binding: { alt: "KeyP" }, keys: "Alt+P", label: "Créer le patient (appelant inconnu)" },
  { id: "referrals", binding: { alt: "KeyE" }, keys: "Alt+E", label: "Aller aux confrères du cabinet (réorienter l'appelant)" },
  { id: "message", binding: { alt: "KeyM" }, keys: "Alt+M", label: "Message pour le médecin" },
  { id: "messages", binding: { alt: "KeyL" }, keys: "Alt+L", label: "Aller à la liste des messages du cabinet" },
  { id: "emergency", binding: { alt: "KeyU" }, keys: "Alt+U", label: "Urgence : consigne du cabinet et orientation vers le 15" },
  { id: "closeCall", binding: { alt: "KeyC" }, keys: "Alt+C", label: "Clôturer l'appel (saisir son issue)" },
  { id: "booking", binding: { alt: "KeyB" }, keys: "Alt+B", label: "Prendre rendez-vous pour le patient identifié" },
  { id: "waitlistAdd", binding: { alt: "KeyA" }, keys: "Alt+A", label: "Inscrire le patient sur la liste d'attente" },
  { id: "agenda", binding: { alt: "KeyG" }, keys: "Alt+G", label: "Aller à l'agenda" },
  { id: "callbacks", binding: { alt: "KeyT" }, keys: "Alt+T", label: "Ouvrir ou fermer la liste « À rappeler »" },
  { id: "callbackNote", binding: { alt: "KeyD" }, keys: "Alt+D", label: "Noter l'appelant à rappeler" },
  { id: "callbackDial", binding: { alt: "KeyJ" }, keys: "Alt+J", label: "Rappel en cours : le faire composer par le standard" },
  { id: "lock", binding: { alt: "KeyV" }, keys: "Alt+V", label: "Verrouiller le poste (mot de passe pour reprendre)" },
  { id: "help", binding: { key: "?" }, keys: "?", label: "Afficher les raccourcis clavier" },
  { id: "closeDialog", binding: { key: "Escape" }, keys: "Escape", label: "Fermer la fenêtre ouverte" },
];

const BY_ID = new Map(SHORTCUTS.map((shortcut) => [shortcut.id, shortcut]));

/** "Alt+U", for `aria-keyshortcuts` and hints. */
export function shortcutKeys(id: ShortcutId): string {
  return BY_ID.get(id)?.keys ?? "";
}

/** How a key is written for the secretary: "Échap" rather than "Escape". */
export function displayKeys(keys: string): string {
  return keys === "Escape" ? "Échap" : keys;
}

export interface KeyPress {
  code: string;
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The shortcut a key press asks for, or null. Alt+letter only without Ctrl (AltGr is Ctrl+Alt on
 * Windows: it types characters), Meta or Shift; a character key such as "?" only outside text
 * fields, where it is typed. Escape belongs to the dialogs, which close themselves.
 */
export function matchShortcut(press: KeyPress, inTextField: boolean): ShortcutId | null {
  if (press.ctrlKey || press.metaKey) return null;
  for (const shortcut of SHORTCUTS) {
    const { binding } = shortcut;
    if ("alt" in binding) {
      if (press.altKey && !press.shiftKey && press.code === binding.alt) return shortcut.id;
    } else if (binding.key !== "Escape" && !press.altKey && !inTextField && press.key === binding.key) {
      return shortcut.id;
    }
  }
  return null;
}

/** Where typing a character means text, not a command. */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"].includes(element.type);
  }
  return element instanceof HTMLElement && element.isContentEditable === true;
}
