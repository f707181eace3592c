/** Agenda colours: distinct enough side by side, dark enough to carry white text. */
export const AGENDA_COLORS = [
  "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
  "#ff7f0e", "#3a5a8c", "#8e3b46", "#2f6f4f", "#6b4c9a", "#b8860b", "#00798c", "#c0392b",
] as const;

/** The n-th colour, so the practitioners of a practice (or the motifs of one) never share one. */
export const agendaColor = (index: number): string => AGENDA_COLORS[index % AGENDA_COLORS.length] as string;
