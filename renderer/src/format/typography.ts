/**
 * French typography puts a non-breaking space before « : ; ? ! » so the sign never starts a
 * line on its own. Write it as `${NBSP}:` rather than an invisible literal in the source.
 */
export const NBSP = "\u00A0";
